// Hosted films: nothing is loaded from the provider until the reader presses
// play. Without this script the reader gets a plain link to the film.
(function () {
  "use strict";
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
