// The survey invitation: remember an answer, so it is not shown again.
// localStorage holds {surveyId: time answered in ms} under the banner's data-key
// (the survey banner's storage key in src/forebygg/components.py); nothing else.
// overrides/partials/survey-banner-head.html reads it before the page is drawn.
(function () {
  "use strict";
  var banner = document.querySelector(".survey-banner");
  if (!banner) return;
  var KEY = banner.dataset.key;

  function remember() {
    var answers = {};
    try {
      answers = JSON.parse(localStorage.getItem(KEY) || "{}") || {};
    } catch (e) { /* unreadable: start again */ }
    answers[banner.dataset.survey] = Date.now();
    try {
      localStorage.setItem(KEY, JSON.stringify(answers));
    } catch (e) { /* storage off: the invitation comes back next time */ }
  }

  function hide() {
    document.documentElement.classList.add("survey-answered");
    // The focused button disappears; continue from the start of the page's content.
    var heading = document.querySelector(".md-content h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }

  var no = banner.querySelector(".survey-banner__no");
  no.addEventListener("click", function () {
    remember();
    hide();
  });
  banner.querySelector(".survey-banner__yes").addEventListener("click", function () {
    remember();
    // After the link has opened the survey's window.
    setTimeout(hide, 0);
  });
})();
