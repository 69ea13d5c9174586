/* /schulen: progressive enhancement only; the form works without it.
   Adds "another date" fields and moves the focus to the result after a check. */
(function () {
  "use strict";

  function init() {
    var button = document.querySelector("[data-ik-add-date]");
    var picks = document.querySelector("[data-ik-picks]");
    if (button && picks) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var count = picks.querySelectorAll('input[type="date"]').length;
        if (count >= 50) return;
        var input = document.createElement("input");
        input.type = "date";
        input.name = "day";
        input.min = "1900-01-01";
        input.max = "2100-12-31";
        input.setAttribute("aria-label", (button.getAttribute("data-label") || "#").replace("#", String(count + 1)));
        picks.insertBefore(input, button);
        input.focus();
      });
    }
    var results = document.getElementById("ik-results");
    if (results && location.hash === "#ik-results") results.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
