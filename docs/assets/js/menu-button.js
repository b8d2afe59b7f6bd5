// The menu (overrides/partials/header.html). Without this script the menu is a link to the
// list of all pages at the foot of the page (partials/site-pages.html). This script makes the
// same link a button that opens Material's drawer, which is a checkbox (#__drawer) styled by
// Material's CSS, and hides the list the drawer now stands for.
(function () {
  var button = document.querySelector(".menu-button");
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".md-sidebar--primary");
  if (!button || !drawer || !menu) return;
  var pages = document.getElementById(button.getAttribute("href").slice(1));
  if (pages) pages.hidden = true;
  menu.id = menu.id || "menu";
  button.setAttribute("role", "button");
  button.setAttribute("aria-expanded", String(drawer.checked));
  button.setAttribute("aria-controls", menu.id);

  function firstLink() {
    return menu.querySelector("a[href], button, input, [tabindex='0']");
  }

  // open: true or false. Focus goes into the menu when it opens, back to the button when
  // it is closed by Escape or the button, and stays where the reader put it otherwise.
  function show(open, focusTo) {
    drawer.checked = open;
    button.setAttribute("aria-expanded", String(open));
    if (focusTo) focusTo.focus();
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    var open = !drawer.checked;
    // The drawer is not displayed until it opens (site.css), so its link can take focus a frame later.
    show(open, null);
    if (open) requestAnimationFrame(function () { var link = firstLink(); if (link) link.focus(); });
  });
  // A link opens with Enter only; a button opens with Space too.
  button.addEventListener("keydown", function (event) {
    if (event.key === " " && event.isTrusted) {
      event.preventDefault();
      button.click();
    }
  });
  // Material's overlay and links change the checkbox too.
  drawer.addEventListener("change", function () { show(drawer.checked, null); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) show(false, button);
  });
  // Tabbing out of the open menu closes it, so focus never goes behind the overlay.
  menu.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (drawer.checked && next && !menu.contains(next) && next !== button) show(false, null);
  });
})();
