// Leaflet maps of the report pages. Every map reads its JSON config (tiles, district boundaries,
// points) from a <script type="application/json"> named by data-config. Without a tile server
// the district boundaries are the only layer. The picker map (report form) writes the clicked
// point into the form's lat/lon fields; without JavaScript the address fields do the work.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  // Parts of a page that need the map (the map itself, its address search) show only with it.
  document.querySelectorAll("[data-js-only]").forEach(function (element) { element.hidden = false; });

  function pointLabel(lat, lon) {
    return lat.toFixed(5) + ", " + lon.toFixed(5);
  }

  function setupPicker(map, element, config) {
    var form = element.closest("form");
    if (!form) return;
    var latInput = form.querySelector("input[name=lat]");
    var lonInput = form.querySelector("input[name=lon]");
    var status = document.getElementById(element.dataset.status || "");
    var marker = null;

    function place(lat, lon, text) {
      if (marker) marker.setLatLng([lat, lon]);
      else marker = L.marker([lat, lon], { keyboard: false, title: text || "" }).addTo(map);
      latInput.value = lat.toFixed(6);
      lonInput.value = lon.toFixed(6);
      if (status) status.textContent = (text || status.dataset.placedText || "") + " " + pointLabel(lat, lon);
      latInput.dispatchEvent(new Event("change", { bubbles: true }));
    }
    element.reportMapPlace = place;
    map.on("click", function (event) {
      place(event.latlng.lat, event.latlng.lng);
    });
    if (latInput.value && lonInput.value) {
      var lat = parseFloat(latInput.value), lon = parseFloat(lonInput.value);
      if (!isNaN(lat) && !isNaN(lon)) {
        place(lat, lon);
        map.setView([lat, lon], 17);
      }
    }
    // Address search: the project's own geocoding, then the map centres on the answer.
    var search = document.getElementById(element.dataset.search || "");
    if (search) {
      var button = search.querySelector("button");
      var input = search.querySelector("input");
      var out = search.querySelector("[role=status]");
      var run = function (event) {
        event.preventDefault();
        if (!input.value.trim()) return;
        fetch(search.dataset.url + "?address=" + encodeURIComponent(input.value), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            out.textContent = answer.message || "";
            if (answer.lat != null && answer.lon != null) {
              map.setView([answer.lat, answer.lon], answer.exact ? 18 : 15);
              if (answer.exact) place(answer.lat, answer.lon);
            }
          })
          .catch(function () { out.textContent = search.dataset.errorText || ""; });
      };
      button.addEventListener("click", run);
      input.addEventListener("keydown", function (event) { if (event.key === "Enter") run(event); });
    }
    // A photo with a GPS position: offer its place.
    document.addEventListener("report:photo-position", function (event) {
      map.setView([event.detail.lat, event.detail.lon], 18);
      place(event.detail.lat, event.detail.lon, status ? status.dataset.photoText : "");
    });
  }

  function setup(element) {
    var config = JSON.parse(document.getElementById(element.dataset.config).textContent);
    var map = L.map(element, { scrollWheelZoom: false });
    element.reportMap = map;
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
    }
    var districts = L.geoJSON(config.districts, {
      style: { color: "#0057b8", weight: 2, fillColor: "#0057b8", fillOpacity: config.tiles ? 0.03 : 0.08 },
      interactive: false
    }).addTo(map);
    var markers = [];
    config.points.forEach(function (point) {
      var marker = L.circleMarker([point.lat, point.lon], {
        radius: 8, weight: 2, color: point.open ? "#b30000" : "#2e7d32", fillOpacity: 0.7
      }).addTo(map);
      marker.bindPopup('<a href="' + point.url + '"></a>');
      marker.getPopup().setContent(function () {
        var link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.label;
        return link;
      });
      markers.push([point.lat, point.lon]);
    });
    if (config.points.length === 1 && config.zoom) {
      map.setView(markers[0], config.zoom);
    } else if (markers.length > 1) {
      map.fitBounds(markers, { padding: [24, 24], maxZoom: 16 });
    } else {
      map.fitBounds(districts.getBounds());
    }
    if (config.picker) setupPicker(map, element, config);
  }

  document.querySelectorAll("[data-report-map]").forEach(setup);
})();
