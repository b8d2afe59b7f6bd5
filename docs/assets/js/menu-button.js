// The menu (overrides/partials/header.html). Without this script the menu is a link to the
// list of all pages at the foot of the page (partials/site-pages.html). This script makes the
// same link a button that opens Material's drawer, which is a checkbox (#__drawer) styled by
// Material's CSS, and hides the list the drawer now stands for.
//
// In the open drawer, a section's pages and (below 60em) this page's contents are panels that
// slide in over the list; site.css keeps a panel out of the Tab order until it is open, and the
// list under an open panel too. A section's opener is a label that Material clicks on Enter
// (and this script on Space, and on Enter before Material's script runs); focus then goes
// into the panel. Escape in a section's panel
// goes back to the list, with focus on the opener (its "back" title is a label that cannot
// take focus); Escape in the list closes the menu.
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

  function focusable(root) {
    return [].filter.call(root.querySelectorAll("a[href], button, input, [tabindex='0']"), function (el) {
      return el.checkVisibility({ visibilityProperty: true });
    });
  }

  // open: true or false. Focus goes into the menu when it opens, back to the button when
  // it is closed by Escape or the button, and stays where the reader put it otherwise.
  function show(open, focusTo) {
    if (drawer.checked !== open) drawer.checked = open;
    button.setAttribute("aria-expanded", String(open));
    if (focusTo) focusTo.focus();
  }

  button.addEventListener("click", function (event) {
    event.preventDefault();
    var open = !drawer.checked;
    // The drawer is not displayed until it opens (site.css), so its link can take focus a frame later.
    show(open, null);
    if (open) requestAnimationFrame(function () { var first = focusable(menu)[0]; if (first) first.focus(); });
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
    if (event.key !== "Escape" || !drawer.checked) return;
    var back = openSection(document.activeElement);
    if (back) {
      back.opener.click();
      back.opener.focus();
    } else {
      show(false, button);
    }
  });

  // The open section panel that `element` is in, with the opener that leads back to it:
  // the panel's checkbox is its item's first child, and the opener is that checkbox's label
  // in the item's own row (the panel's title is a label for it too).
  function openSection(element) {
    var panel = element && element.closest && element.closest(".md-sidebar--primary .md-nav[data-md-level]");
    var item = panel && panel.parentElement;
    var toggle = item && item.querySelector(":scope > .md-nav__toggle");
    var opener = toggle && item.querySelector(':scope > label[for="' + toggle.id + '"], :scope > .md-nav__container > label[for="' + toggle.id + '"]');
    return toggle && opener && toggle.checked && toggle.id !== "__drawer" ? { toggle: toggle, opener: opener } : null;
  }
  // Space on an opener clicks it; so does Enter until Material's script runs, which clicks it
  // on Enter itself (overrides/main.html fetches that script on the reader's first key press,
  // which on a slow network takes seconds).
  menu.addEventListener("keydown", function (event) {
    var label = event.target;
    if (!event.isTrusted || label.tagName !== "LABEL") return;
    if (event.key !== " " && !(event.key === "Enter" && !("document$" in window))) return;
    event.preventDefault();
    label.click();
  });
  // A section opened by keyboard: focus goes to the first of its links.
  [].forEach.call(menu.querySelectorAll(".md-nav__toggle:not(#__toc)"), function (toggle) {
    var panel = toggle.parentElement.querySelector(":scope > .md-nav");
    toggle.addEventListener("change", function () {
      var from = document.activeElement;
      if (!panel || !toggle.checked || from.tagName !== "LABEL" || from.htmlFor !== toggle.id) return;
      var first = focusable(panel)[0];
      if (first) first.focus();
    });
  });
  // Tabbing out of the open menu closes it, so focus never goes behind the overlay.
  menu.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (drawer.checked && next && !menu.contains(next) && next !== button) show(false, null);
  });
})();
