// Films load nothing until the reader presses play (overrides/partials/film.html).
// The site's own film: the button shows, and on a press the player from the
// <template> takes the poster's place and starts. A hosted film: the link to
// the provider becomes a button that puts the provider's player in its place.
// Without this script the reader gets the player from <noscript>, or the link.
(function () {
  "use strict";
  document.querySelectorAll(".film__local").forEach(function (box) {
    var button = box.querySelector(".film__play");
    button.hidden = false;
    button.addEventListener("click", function () {
      var player = box.querySelector(".film__template").content.firstElementChild.cloneNode(true);
      box.replaceChildren(player);
      player.focus();
      // If the browser will not start it, the player is there with its controls.
      var started = player.play();
      if (started) started.catch(function () {});
    });
  });
  document.querySelectorAll(".film__hosted").forEach(function (box) {
    var link = box.querySelector(".film__play");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    link.replaceWith(button);
    button.addEventListener("click", function () {
      var player = document.createElement("iframe");
      player.src = box.dataset.embed;
      player.title = box.dataset.title;
      player.allow = "autoplay; fullscreen; picture-in-picture";
      player.setAttribute("allowfullscreen", "");
      box.replaceChildren(player);
      player.focus();
    });
  });
})();
