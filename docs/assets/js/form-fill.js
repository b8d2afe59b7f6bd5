// The on-screen forms (overrides/form-fill.html, BEM block form-fill): check
// a personnummer when the reader leaves the field, let a free-text box grow
// with its text, keep a copy of each value to print, and print. Nothing typed
// is sent or stored.
(function () {
  "use strict";

  // On paper each value is its copy, as wrapping text (form-fill.css): a field
  // cuts off what does not fit it. The class says the copies are kept.
  document.documentElement.classList.add("form-fill--copied");
  var GROWS = typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");

  function copy(field) {
    var printed = field.parentElement.querySelector(".form-fill__printed");
    if (printed) printed.textContent = field.value;
    // Where the browser cannot size a box to its text (field-sizing), it is sized here.
    if (field.tagName === "TEXTAREA" && !GROWS) {
      field.style.height = "auto";
      field.style.height = field.scrollHeight + field.offsetHeight - field.clientHeight + "px";
    }
  }

  document.querySelectorAll(".form-fill__input").forEach(function (field) {
    field.addEventListener("input", function () { copy(field); });
    copy(field);  // a value the browser kept when the reader came back to the page
  });

  // "" when the number is right (or empty), else which message to show.
  function personnummerProblem(value) {
    var text = value.replace(/\s/g, "");
    if (!text) return "";
    var match = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$/.exec(text);
    if (!match) return "format";
    var century = match[1], month = +match[3], day = +match[4];
    // A samordningsnummer adds 60 to the day.
    if (day > 60) day -= 60;
    var years = century ? [+(century + match[2])] : [1900 + +match[2], 2000 + +match[2]];
    var validDate = years.some(function (year) {
      var date = new Date(Date.UTC(year, month - 1, day));
      return month >= 1 && month <= 12 && date.getUTCDate() === day && date.getUTCMonth() === month - 1;
    });
    if (!validDate) return "date";
    // The Luhn check over the ten digits YYMMDDNNNC.
    var digits = (match[2] + match[3] + match[4] + match[5]).split("").map(Number);
    var sum = 0;
    for (var i = 0; i < 9; i++) {
      var product = digits[i] * (i % 2 === 0 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    return (10 - (sum % 10)) % 10 === digits[9] ? "" : "checksum";
  }

  // The data-message-* attribute (overrides/partials/form-fill-fields.html) for each problem.
  var MESSAGES = { format: "messageFormat", date: "messageDate", checksum: "messageChecksum" };

  function check(input) {
    var error = document.getElementById(input.id + "-error");
    var problem = personnummerProblem(input.value);
    var hint = input.id + "-hint";
    if (problem) {
      error.textContent = input.dataset[MESSAGES[problem]];
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", hint + " " + error.id);
    } else {
      error.textContent = "";
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", hint);
    }
  }

  document.querySelectorAll('input[data-check="personnummer"]').forEach(function (input) {
    input.addEventListener("change", function () { check(input); });
    input.addEventListener("blur", function () { check(input); });
  });

  var print = document.querySelector(".form-fill__print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
