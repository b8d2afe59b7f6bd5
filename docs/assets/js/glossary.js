// Glossary terms (overrides/partials/glossary-term.html): the explanation shows on hover and
// focus by CSS; this script
// - places it right under the line of the term that the pointer is on (a term can wrap over
//   two lines), touching it, so that the pointer can move onto it without leaving the term,
//   and above the line where there is no room below (WCAG 1.4.13, hoverable); for focus
//   and taps under the term's last line;
// - on a touch screen, shows it at the first tap on a term; a second tap follows the link
//   to the glossary, as a click or Enter always does;
// - hides it on Escape (WCAG 1.4.13, dismissible) until the pointer and the focus have left
//   the term, and at a tap elsewhere.
// On a phone CSS pins it to the foot of the window instead. It stores nothing. In a page
// written from right to left it hangs from the right end of the term instead of the left.
(function () {
  "use strict";
  var terms = document.querySelectorAll(".glossary:not(.glossary--list)");
  var touched = null;  // the term of the last touch on the screen, if it was on one

  function showing(term) {
    return term.matches(":hover") || term.matches(":focus-within") || term.classList.contains("glossary--open");
  }

  // Under the line box of the term at `rect`, within the window; where there is no room
  // below, above the line at `top` (the same line, or for focus the term's first line).
  // In a page written from right to left the explanation starts at the right: its right edge
  // under the right end of the term's line.
  function place(term, rect, top) {
    var tip = term.querySelector(".glossary__tip");
    ["left", "right", "top"].forEach(function (side) { tip.style.removeProperty(side); });
    var style = getComputedStyle(tip);
    if (style.display === "none") return;  // not shown (dismissed): placed when it is
    if (style.position !== "absolute") return;  // a phone: at the foot of the window
    tip.style.left = "0px";
    tip.style.right = "auto";
    tip.style.top = "0px";
    var origin = tip.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var start = style.direction === "rtl" ? rect.right - origin.width : rect.left;
    var x = Math.max(8, Math.min(start, width - origin.width - 8));
    // One pixel over the line, so that no gap opens between the term and its explanation.
    var y = rect.bottom - 1;
    var above = (top === undefined ? rect.top : top) - origin.height + 1;
    if (y + origin.height > innerHeight && above >= 0) y = above;
    tip.style.left = x - origin.left + "px";
    tip.style.top = y - origin.top + "px";
  }

  // The line of the term under the pointer; for focus and taps its last line, so that
  // the explanation under it covers no part of the focused term (WCAG 2.4.11).
  function line(link, x, y) {
    var rects = [].slice.call(link.getClientRects());
    var under = rects.filter(function (r) {
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    })[0];
    return under || rects[rects.length - 1];
  }

  Array.prototype.forEach.call(terms, function (term) {
    var link = term.querySelector(".glossary__term");
    var placedOn = null;
    function pointedAt(event) {
      if (!link.contains(event.target)) return;  // on the explanation itself: it stays where it is
      var rect = line(link, event.clientX, event.clientY);
      if (rect && (!placedOn || rect.top !== placedOn.top || rect.left !== placedOn.left)) {
        placedOn = rect;
        place(term, rect);
      }
    }
    function left() {
      placedOn = null;
      term.classList.remove("glossary--dismissed", "glossary--open");
    }
    term.addEventListener("mouseover", pointedAt);
    term.addEventListener("mousemove", pointedAt);
    function focused() {
      place(term, line(link, -1, -1), link.getClientRects()[0].top);
    }
    term.addEventListener("focusin", function () {
      if (!term.matches(":hover")) focused();
    });
    term.addEventListener("mouseleave", function () {
      if (!term.matches(":focus-within")) left();
    });
    term.addEventListener("focusout", function (event) {
      if (!term.contains(event.relatedTarget) && !term.matches(":hover")) left();
    });
    link.addEventListener("click", function (event) {
      if (touched !== term || term.classList.contains("glossary--open")) return;
      // The first tap shows the explanation; the next one follows the link.
      event.preventDefault();
      term.classList.add("glossary--open");
      link.focus();
      focused();
    });
  });

  document.addEventListener("pointerdown", function (event) {
    var term = event.target.closest && event.target.closest(".glossary:not(.glossary--list)");
    touched = event.pointerType === "touch" || event.pointerType === "pen" ? term : null;
    Array.prototype.forEach.call(terms, function (other) {
      if (other !== term) other.classList.remove("glossary--open");
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    Array.prototype.forEach.call(terms, function (term) {
      if (showing(term)) {
        term.classList.add("glossary--dismissed");
        term.classList.remove("glossary--open");
      }
    });
  });
})();
