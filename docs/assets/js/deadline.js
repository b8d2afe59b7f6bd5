// The deadline calculator (forebygg.deadline): the last day of the three weeks
// from the day the reader received the notice. Lag (1930:173) 1 §: a time in
// weeks ends on the day with the same name in the week as the day it began,
// so the last day is data-days (21) calendar days later. The count is in UTC
// days, so a change to or from summer time cannot move it by a day; the rule
// that moves a last day off a weekend or holiday is never applied. The date
// is written in words as the page's regional language writes it ("onsdag
// 24 mars 2027"). Nothing is sent or stored: the form has no action and
// the field no name.
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  document.querySelectorAll(".deadline").forEach(function (box) {
    var form = box.querySelector(".deadline__form");
    var field = box.querySelector(".deadline__date");
    var status = box.querySelector(".deadline__result");
    var weekday = new Intl.DateTimeFormat(box.dataset.locale, { weekday: "long", timeZone: "UTC" });
    var date = new Intl.DateTimeFormat(box.dataset.locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });

    function inWords(time) {
      return weekday.format(time) + " " + date.format(time);
    }

    function say(text) {
      // Emptied first, so that the same sentence twice is read out twice.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 100);
    }

    // Chromium's calendar button inside the field takes a focus of its own, on which no ring
    // can be drawn (site.css leaves it out): a click on the field opens the calendar instead.
    field.addEventListener("click", function () {
      try {
        if (field.showPicker) field.showPicker();
      } catch (error) {
        // not allowed here (a field in a frame of another origin): typing the date still works
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      // Empty, not a whole date, or a year out of the field's range (a year of six digits).
      var parts = ISO_DATE.exec(field.value);
      if (!parts || !field.validity.valid) {
        say(box.dataset.choose);
        return;
      }
      var start = new Date(0);
      start.setUTCFullYear(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
      var end = start.getTime() + Number(box.dataset.days) * DAY;
      var text = box.dataset.result.replace("{start}", inWords(start)).replace("{end}", inWords(end));
      var now = new Date();
      if (end < Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) {
        text += " " + box.dataset.past;
      }
      say(text);
    });
    box.hidden = false;
  });
})();
