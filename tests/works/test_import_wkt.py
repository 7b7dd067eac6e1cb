from __future__ import annotations

import pytest

from loket.works.importing.wkt import wkt_to_geojson


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("POINT (4.4 51.2)", {"type": "Point", "coordinates": [4.4, 51.2]}),
        (
            "SRID=4326;linestring z (4.4 51.2 1, 4.5 51.3 2)",
            {"type": "LineString", "coordinates": [[4.4, 51.2], [4.5, 51.3]]},
        ),
        ("MULTIPOINT ((4.4 51.2), (4.5 51.3))", {"type": "MultiPoint", "coordinates": [[4.4, 51.2], [4.5, 51.3]]}),
        ("MULTIPOINT (4.4 51.2, 4.5 51.3)", {"type": "MultiPoint", "coordinates": [[4.4, 51.2], [4.5, 51.3]]}),
        (
            "MULTIPOLYGON (((4.4 51.2, 4.5 51.2, 4.5 51.3, 4.4 51.2)))",
            {"type": "MultiPolygon", "coordinates": [[[[4.4, 51.2], [4.5, 51.2], [4.5, 51.3], [4.4, 51.2]]]]},
        ),
    ],
)
def test_it_reads_the_simple_types(text, expected):
    assert wkt_to_geojson(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("CIRCLE (1 2)", "verwacht POINT"),
        ("POINT 4 5", "haakje openen ontbreekt"),
        ("POINT ((1 2))", "passen niet bij POINT"),
        ("LINESTRING EMPTY", "EMPTY"),
        ("POINT (1)", "lengte- en breedtegraad"),
        ("POINT (a b)", "onverwacht teken"),
        ("SRID=31370;POINT (150000 210000)", "SRID=4326"),
        ("POINT (1 2) x", "onverwacht teken"),
    ],
)
def test_it_refuses_broken_wkt_with_a_dutch_message(text, message):
    with pytest.raises(ValueError, match=message):
        wkt_to_geojson(text)
