// Search (overrides/partials/search.html). Where the field is folded away (below 60em),
// the search button opens it and gives it the focus; the field is out of the Tab order
// until then (site.css). Escape gives focus back to the control the reader came from:
// Material closes the search and leaves focus on <body>, at the top of the page.
(function () {
  var search = document.querySelector(".md-search");
  var field = search && search.querySelector(".md-search__input");
  if (!field) return;
  var toggle = document.getElementById("__search");
  var button = document.querySelector(".search-button");
  if (toggle && button) {
    button.hidden = false;
    button.setAttribute("aria-controls", search.id || (search.id = "search"));
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    button.addEventListener("click", function () {
      // As Material opens it: the checkbox, clicked, tells Material's script of the change.
      if (!toggle.checked) toggle.click();
      field.focus();
    });
  }
  var before = null;
  field.addEventListener("focus", function (event) {
    var from = event.relatedTarget;
    if (from && !search.contains(from)) before = from;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !search.contains(document.activeElement)) return;
    // Material's own Escape handler runs after this one: give focus back once it has.
    setTimeout(function () {
      if (before && document.activeElement === document.body && document.contains(before)) before.focus();
    });
  });
})();
