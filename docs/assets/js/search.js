// Escape in search gives focus back to the control the reader came from;
// Material closes the search and leaves focus on <body>, at the top of the page.
(function () {
  var search = document.querySelector(".md-search");
  var field = search && search.querySelector(".md-search__input");
  if (!field) return;
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
