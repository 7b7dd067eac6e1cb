/* Fill the duration fields with the minutes since the call was opened, until the agent types one.
   Without this script the field stays empty and the server counts the same minutes on save. */
(function () {
  "use strict";
  var box = document.querySelector("[data-call-started]");
  if (!box) { return; }
  var started = Number(box.getAttribute("data-call-started"));
  var shown = document.querySelector("[data-call-elapsed]");
  var fields = Array.prototype.slice.call(document.querySelectorAll("input[data-call-minutes]"));
  fields.forEach(function (field) {
    if (field.value === "") { field.dataset.auto = "1"; }
    field.addEventListener("input", function () { delete field.dataset.auto; });
  });
  function tick() {
    var minutes = Math.max(0, Math.ceil((Date.now() - started) / 60000));
    if (shown) { shown.textContent = String(minutes); }
    fields.forEach(function (field) { if (field.dataset.auto) { field.value = String(minutes); } });
  }
  tick();
  window.setInterval(tick, 15000);
})();
