// The report form with JavaScript: show the map and its address search, show only the extra
// questions of the chosen category, and offer the GPS position of a photo.
(function () {
  "use strict";
  var select = document.getElementById("id_category");
  function showQuestions() {
    document.querySelectorAll("fieldset[data-category]").forEach(function (group) {
      group.hidden = !select || group.dataset.category !== select.value;
    });
  }
  if (select) {
    select.addEventListener("change", showQuestions);
    showQuestions();
  }

  var photos = document.getElementById("id_photos");
  var out = document.getElementById("foto-plaats");
  if (!photos || !out || !window.fetch || !window.FormData) return;
  photos.addEventListener("change", function () {
    out.textContent = "";
    var file = photos.files && photos.files[0];
    if (!file) return;
    var body = new FormData();
    body.append("photo", file);
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(out.dataset.url, { method: "POST", body: body, headers: { "X-CSRFToken": token ? token.value : "" } })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (!answer.found || !answer.inside) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "a-button a-button--small";
        button.textContent = out.dataset.buttonText;
        button.addEventListener("click", function () {
          document.dispatchEvent(new CustomEvent("report:photo-position", { detail: { lat: answer.lat, lon: answer.lon } }));
          out.textContent = out.dataset.doneText;
        });
        out.textContent = out.dataset.offerText + " ";
        out.appendChild(button);
      })
      .catch(function () {});
  });
})();
