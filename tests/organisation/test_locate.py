from __future__ import annotations

import datetime as dt

import pytest

from loket.organisation.models import District, Location
from loket.organisation.selectors import InvalidCoordinates, district_locate_point

TODAY = dt.date(2026, 6, 1)

KNOWN_POINTS = {
    "antwerpen": (51.2211, 4.3997),  # Grote Markt
    "berchem": (51.1890, 4.4300),
    "berendrecht-zandvliet-lillo": (51.3600, 4.3000),
    "borgerhout": (51.2120, 4.4420),
    "borsbeek": (51.1930, 4.4870),
    "deurne": (51.2200, 4.4700),
    "ekeren": (51.2800, 4.4200),
    "hoboken": (51.1750, 4.3500),
    "merksem": (51.2480, 4.4450),
    "wilrijk": (51.1650, 4.3900),
}

OUTSIDE = {
    "Brussel": (50.85, 4.35),
    "Mechelen": (51.0259, 4.4777),
    "Mortsel": (51.170, 4.455),
    "Schoten": (51.2525, 4.5006),
    "Zwijndrecht": (51.215, 4.33),
    "Westerschelde bij Bath": (51.395, 4.21),
}


@pytest.mark.parametrize("slug", sorted(KNOWN_POINTS))
def test_it_finds_the_district_of_a_known_point(antwerp, slug):
    lat, lon = KNOWN_POINTS[slug]
    assert district_locate_point(lat=lat, lon=lon, day=TODAY).slug == slug


@pytest.mark.parametrize("place", sorted(OUTSIDE))
def test_it_answers_none_for_a_point_outside_the_city(antwerp, place):
    lat, lon = OUTSIDE[place]
    assert district_locate_point(lat=lat, lon=lon, day=TODAY) is None


def test_it_still_locates_a_point_a_few_metres_outside_a_simplified_border(antwerp):
    # 6.6 m outside Berchem's simplified polygon, in no other district.
    assert district_locate_point(lat=51.180619, lon=4.442573, day=TODAY).slug == "berchem"


def test_it_gives_an_overlap_to_the_district_the_point_lies_deepest_in(antwerp):
    # Inside both simplified polygons: 7.7 m from Berchem's border, 5.7 m from Borgerhout's.
    assert district_locate_point(lat=51.195855, lon=4.44738, day=TODAY).slug == "berchem"


def test_it_knows_borsbeek_only_from_2025(antwerp):
    lat, lon = KNOWN_POINTS["borsbeek"]
    assert district_locate_point(lat=lat, lon=lon, day=dt.date(2024, 6, 1)) is None
    assert district_locate_point(lat=lat, lon=lon, day=dt.date(2025, 6, 1)).slug == "borsbeek"


def test_every_demo_location_lies_in_its_own_district(antwerp):
    for location in Location.objects.select_related("district"):
        found = district_locate_point(lat=location.lat, lon=location.lon, day=TODAY)
        assert found is not None and found.pk == location.district_id, location.slug


@pytest.mark.parametrize(
    ("lat", "lon"), [(float("nan"), 4.4), (51.2, float("inf")), (91.0, 4.4), (51.2, -180.5), ("noord", 4.4)]
)
def test_it_refuses_invalid_coordinates(antwerp, lat, lon):
    with pytest.raises(InvalidCoordinates):
        district_locate_point(lat=lat, lon=lon)


def test_it_forgets_its_index_when_a_district_changes(antwerp):
    lat, lon = KNOWN_POINTS["hoboken"]
    assert district_locate_point(lat=lat, lon=lon, day=TODAY).slug == "hoboken"
    hoboken = District.objects.get(slug="hoboken")
    hoboken.valid_until = dt.date(2026, 1, 1)
    hoboken.save()
    assert district_locate_point(lat=lat, lon=lon, day=TODAY) is None


def test_it_answers_none_when_there_are_no_districts(db):
    assert district_locate_point(lat=51.2211, lon=4.3997) is None


def test_the_default_day_follows_the_clock(antwerp, time_machine):
    lat, lon = KNOWN_POINTS["borsbeek"]
    time_machine.move_to(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC))
    assert district_locate_point(lat=lat, lon=lon).slug == "borsbeek"
    time_machine.move_to(dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC))
    assert district_locate_point(lat=lat, lon=lon) is None
