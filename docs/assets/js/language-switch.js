// The language switch (overrides/partials/alternate.html) as a disclosure: the button
// opens and closes the list of languages (aria-expanded), by click, Enter or Space;
// Escape closes it and gives focus back to the button; it closes when focus or a click
// goes elsewhere. Closed, the list is out of sight and out of the Tab order (site.css).
(function () {
  var select = document.querySelector(".language-select");
  var button = select && select.querySelector(".language-switch");
  var list = select && select.querySelector(".md-select__inner");
  if (!button || !list) return;
  select.classList.add("language-select--disclosure");
  // Closed at once: its fade applies from now on, not to this first closing (site.css).
  getComputedStyle(list).visibility;
  select.classList.add("language-select--ready");
  button.setAttribute("aria-controls", list.id);

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }
  function show(open) {
    button.setAttribute("aria-expanded", String(open));
  }
  show(false);

  button.addEventListener("click", function () {
    show(!isOpen());
  });
  select.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !isOpen()) return;
    show(false);
    button.focus();
  });
  select.addEventListener("focusout", function (event) {
    if (!select.contains(event.relatedTarget)) show(false);
  });
  document.addEventListener("click", function (event) {
    if (!select.contains(event.target)) show(false);
  });
})();
