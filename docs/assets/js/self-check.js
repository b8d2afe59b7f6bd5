// The self-check: the check button says, in the live region, whether the chosen
// answer is right and why. Nothing is sent or kept; without this script the
// answers are behind the disclosure below each question.
(function () {
  "use strict";
  document.querySelectorAll(".self-check").forEach(function (check) {
    check.querySelectorAll(".self-check__question").forEach(function (question) {
      var button = question.querySelector(".self-check__check");
      var feedback = question.querySelector(".self-check__feedback");
      button.hidden = false;
      button.addEventListener("click", function () {
        var chosen = question.querySelector(".self-check__radio:checked");
        feedback.classList.remove("self-check__feedback--right", "self-check__feedback--wrong");
        if (!chosen) {
          feedback.textContent = check.dataset.choose;
          return;
        }
        var answer = question.querySelector('.self-check__answer[data-option="' + chosen.value + '"]');
        var right = answer.classList.contains("self-check__answer--right");
        var why = answer.querySelector(".self-check__why").textContent;
        feedback.textContent = (right ? check.dataset.right : check.dataset.wrong) + " " + why;
        feedback.classList.add(right ? "self-check__feedback--right" : "self-check__feedback--wrong");
      });
    });
  });
})();
