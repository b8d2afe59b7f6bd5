// Glossary terms (overrides/partials/glossary-term.html): the tooltip shows on hover and
// focus by CSS; Escape hides it (WCAG 1.4.13, dismissible) until the pointer and the focus
// have left the term, and on a wide screen it is moved left so that it stays in the window.
// It stores nothing.
(function () {
  "use strict";
  var terms = document.querySelectorAll(".glossary:not(.glossary--list)");

  function showing(term) {
    return term.matches(":hover") || term.matches(":focus-within");
  }

  function fit(term) {
    var tip = term.querySelector(".glossary__tip");
    tip.style.removeProperty("--glossary-shift");
    var overflow = tip.getBoundingClientRect().right - document.documentElement.clientWidth + 8;
    if (overflow > 0) tip.style.setProperty("--glossary-shift", -overflow + "px");
  }

  Array.prototype.forEach.call(terms, function (term) {
    function shown() {
      if (showing(term)) fit(term);
    }
    function left() {
      if (!showing(term)) term.classList.remove("glossary--dismissed");
    }
    term.addEventListener("mouseenter", shown);
    term.addEventListener("focusin", shown);
    term.addEventListener("mouseleave", left);
    term.addEventListener("focusout", function () {
      setTimeout(left, 0);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    Array.prototype.forEach.call(terms, function (term) {
      if (showing(term)) term.classList.add("glossary--dismissed");
    });
  });
})();
