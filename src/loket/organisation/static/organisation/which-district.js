// A click on the district map becomes lat/lon in the form, which is then submitted.
// Without JavaScript the districts on the map are plain links and the address form works.
(function () {
  var svg = document.getElementById("districtskaart");
  if (!svg || !svg.getScreenCTM) return;
  svg.addEventListener("click", function (event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var local = point.matrixTransform(svg.getScreenCTM().inverse());
    var d = svg.dataset;
    document.getElementById("kaart-lon").value = (parseFloat(d.west) + local.x / parseFloat(d.xPerDegree)).toFixed(6);
    document.getElementById("kaart-lat").value = (parseFloat(d.north) - local.y / parseFloat(d.yPerDegree)).toFixed(6);
    document.querySelector(".which-district-form input[name=address]").value = "";
    document.querySelector(".which-district-form input[name=postcode]").value = "";
    event.preventDefault();
    document.querySelector(".which-district-form").submit();
  });
})();
