from __future__ import annotations

import math

import pytest

from loket.works.geometry import bbox_of, centre_of, distance_m, validate_geometry

# A 100 m by 100 m square near the Groenplaats: 1 m is 1/110574° of latitude, 1/69800° of longitude.
LAT, LON = 51.2190, 4.4010
DLAT, DLON = 50 / 110_574.0, 50 / 69_800.0
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [
            [LON - DLON, LAT - DLAT],
            [LON + DLON, LAT - DLAT],
            [LON + DLON, LAT + DLAT],
            [LON - DLON, LAT + DLAT],
            [LON - DLON, LAT - DLAT],
        ]
    ],
}


def test_it_accepts_a_polygon_and_returns_a_clean_copy():
    clean = validate_geometry(SQUARE)
    assert clean == SQUARE
    assert clean is not SQUARE


def test_it_drops_heights_and_closes_open_rings():
    ring = [[4.40, 51.21, 3.0], [4.41, 51.21, 3.0], [4.41, 51.22, 3.0]]
    clean = validate_geometry({"type": "Polygon", "coordinates": [ring]})
    assert clean["coordinates"][0] == [[4.40, 51.21], [4.41, 51.21], [4.41, 51.22], [4.40, 51.21]]


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [4.4, 51.2]},
        {"type": "MultiPoint", "coordinates": [[4.4, 51.2], [4.5, 51.3]]},
        {"type": "LineString", "coordinates": [[4.4, 51.2], [4.41, 51.2]]},
        {"type": "MultiLineString", "coordinates": [[[4.4, 51.2], [4.41, 51.2]]]},
        {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]},
    ],
)
def test_it_accepts_every_kind_a_work_can_have(geometry):
    assert validate_geometry(geometry)["type"] == geometry["type"]


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("POINT (4 51)", "GeoJSON-object"),
        ({"type": "GeometryCollection", "geometries": []}, "Onbekend geometrietype"),
        ({"type": "Point"}, "[lengtegraad, breedtegraad]"),
        ({"type": "Point", "coordinates": [51.2, 4.4, 0][:1]}, "[lengtegraad, breedtegraad]"),
        ({"type": "Point", "coordinates": ["4.4", 51.2]}, "getallen"),
        ({"type": "Point", "coordinates": [4.4, 151.2]}, "buiten het bereik"),
        ({"type": "Point", "coordinates": [math.nan, 51.2]}, "buiten het bereik"),
        ({"type": "LineString", "coordinates": [[4.4, 51.2], [4.4, 51.2]]}, "twee verschillende punten"),
        ({"type": "Polygon", "coordinates": [[[4.4, 51.2], [4.5, 51.2], [4.4, 51.2]]]}, "drie verschillende"),
        ({"type": "Polygon", "coordinates": []}, "minstens één ring"),
        ({"type": "MultiPolygon", "coordinates": []}, "minstens één polygoon"),
        ({"type": "MultiLineString", "coordinates": "x"}, "moeten een lijst zijn"),
    ],
)
def test_it_refuses_a_broken_geometry_with_a_dutch_message(geometry, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        validate_geometry(geometry)


def test_it_refuses_a_geometry_with_too_many_points():
    line = [[4.4 + i * 1e-6, 51.2] for i in range(20_001)]
    with pytest.raises(ValueError, match="meer dan 20000 punten"):
        validate_geometry({"type": "LineString", "coordinates": line})


def test_it_boxes_and_centres_a_geometry():
    min_lat, max_lat, min_lon, max_lon = bbox_of(SQUARE)
    assert (min_lat, max_lat) == pytest.approx((LAT - DLAT, LAT + DLAT))
    assert (min_lon, max_lon) == pytest.approx((LON - DLON, LON + DLON))
    assert centre_of(SQUARE) == pytest.approx((LAT, LON))


def test_it_measures_zero_inside_a_polygon_and_on_a_line():
    assert distance_m(SQUARE, LAT, LON) == 0.0
    line = {"type": "LineString", "coordinates": [[LON - DLON, LAT], [LON + DLON, LAT]]}
    assert distance_m(line, LAT, LON) == pytest.approx(0.0, abs=0.01)


def test_it_measures_metres_to_the_nearest_edge():
    # 150 m north of the centre: 100 m from the northern edge.
    assert distance_m(SQUARE, LAT + 150 / 110_574.0, LON) == pytest.approx(100.0, abs=1.0)
    # 150 m east of the centre: 100 m from the eastern edge.
    assert distance_m(SQUARE, LAT, LON + 150 / 69_800.0) == pytest.approx(100.0, abs=1.0)
    point = {"type": "Point", "coordinates": [LON, LAT]}
    assert distance_m(point, LAT + 300 / 110_574.0, LON) == pytest.approx(300.0, abs=1.0)


def test_it_counts_a_point_in_a_hole_as_outside():
    hole = [
        [LON - DLON / 2, LAT - DLAT / 2],
        [LON + DLON / 2, LAT - DLAT / 2],
        [LON + DLON / 2, LAT + DLAT / 2],
        [LON - DLON / 2, LAT + DLAT / 2],
        [LON - DLON / 2, LAT - DLAT / 2],
    ]
    ring = {"type": "Polygon", "coordinates": [SQUARE["coordinates"][0], hole]}
    assert distance_m(ring, LAT, LON) == pytest.approx(25.0, abs=0.5)


def test_it_takes_the_nearest_part_of_a_multi_geometry():
    far = [[[c[0] + 0.1, c[1]] for c in SQUARE["coordinates"][0]]]
    multi = {"type": "MultiPolygon", "coordinates": [far, SQUARE["coordinates"]]}
    assert distance_m(multi, LAT, LON) == 0.0
