// Leaflet maps of the works pages. Every map reads its JSON config (tiles, district boundaries,
// works as GeoJSON, an optional search circle and diversions) from a <script type="application/json">
// named by data-config. Without a tile server the district boundaries are the only background.
// A map with data-form chooses the place: a click writes lat/lon into that form's hidden fields;
// typing another address forgets the clicked place. Without JavaScript the forms and lists work
// on their own and the map stays hidden.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  document.querySelectorAll("[data-js-only]").forEach(function (element) { element.hidden = false; });

  var WORK = { color: "#c25400", weight: 3, fillColor: "#f28c28", fillOpacity: 0.35 };
  var SEVERE = { color: "#b30000", weight: 4, dashArray: "6 4", fillColor: "#e53935", fillOpacity: 0.45 };
  var DIVERSION = { color: "#0057b8", weight: 4, dashArray: "2 6" };

  function popupLink(properties) {
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.label;
    return link;
  }

  function setupPicker(map, element, config) {
    var form = document.getElementById(element.dataset.form);
    if (!form) return;
    var latInput = form.querySelector("input[name=lat]");
    var lonInput = form.querySelector("input[name=lon]");
    var addressInput = form.querySelector("input[name=address]");
    var status = document.getElementById(element.dataset.status || "");
    var marker = null;

    function place(lat, lon) {
      if (marker) marker.setLatLng([lat, lon]);
      else marker = L.marker([lat, lon], { keyboard: false }).addTo(map);
      latInput.value = lat.toFixed(6);
      lonInput.value = lon.toFixed(6);
      if (status) status.textContent = status.dataset.placedText + " " + lat.toFixed(5) + ", " + lon.toFixed(5);
    }
    element.worksMapPlace = place;
    map.on("click", function (event) { place(event.latlng.lat, event.latlng.lng); });
    if (latInput.value && lonInput.value) {
      var lat = parseFloat(latInput.value), lon = parseFloat(lonInput.value);
      if (!isNaN(lat) && !isNaN(lon)) place(lat, lon);
    }
    if (addressInput) {
      addressInput.addEventListener("input", function () {
        latInput.value = "";
        lonInput.value = "";
        if (marker) { map.removeLayer(marker); marker = null; }
        if (status) status.textContent = "";
      });
    }
  }

  function setup(element) {
    element.hidden = false;
    var config = JSON.parse(document.getElementById(element.dataset.config).textContent);
    var map = L.map(element, { scrollWheelZoom: false });
    element.worksMap = map;
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
    }
    var districts = L.geoJSON(config.districts, {
      style: { color: "#555555", weight: 1.5, fillColor: "#0057b8", fillOpacity: config.tiles ? 0.02 : 0.05 },
      interactive: false
    }).addTo(map);
    var bounds = L.latLngBounds([]);
    var works = L.geoJSON(config.works, {
      style: function (feature) { return feature.properties.severe ? SEVERE : WORK; },
      pointToLayer: function (feature, latlng) {
        var style = feature.properties.severe ? SEVERE : WORK;
        return L.circleMarker(latlng, { radius: 8, color: style.color, weight: 2, fillColor: style.fillColor, fillOpacity: 0.8 });
      },
      onEachFeature: function (feature, layer) {
        layer.bindPopup(function () { return popupLink(feature.properties); });
      }
    }).addTo(map);
    if (config.works.features.length) bounds.extend(works.getBounds());
    if (config.diversions && config.diversions.features.length) {
      var diversions = L.geoJSON(config.diversions, { style: DIVERSION, interactive: false }).addTo(map);
      bounds.extend(diversions.getBounds());
    }
    var centre = config.circle ? L.latLng(config.circle.lat, config.circle.lon) : null;
    if (centre) bounds.extend(centre.toBounds(config.circle.radius * 2));
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    } else {
      map.fitBounds(districts.getBounds());
    }
    if (centre) {
      // Added once the map has its view: a circle added before that breaks Leaflet's renderer.
      L.circle(centre, {
        radius: config.circle.radius, color: "#0057b8", weight: 2, fill: false, interactive: false
      }).addTo(map);
      L.circleMarker(centre, { radius: 4, color: "#0057b8", interactive: false }).addTo(map);
    }
    if (config.picker && element.dataset.form) setupPicker(map, element, config);
  }

  document.querySelectorAll("[data-works-map]").forEach(setup);
})();
