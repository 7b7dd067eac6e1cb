from __future__ import annotations

import json
from datetime import date

import pytest

from loket.organisation.models import District
from loket.works.models import Diversion, Hindrance, Work
from loket.works.selectors import work_get_public, work_list_near, work_list_public, works_geojson_chunks
from tests.works.helpers_data import GROENPLAATS, make_work, square

pytestmark = pytest.mark.django_db
LAT, LON = GROENPLAATS


def north(metres: float) -> tuple[float, float]:
    return (LAT + metres / 110_574.0, LON)


def test_it_finds_works_within_the_radius_nearest_first(antwerp):
    far = make_work(geometry=square(*north(400)), title="ver")
    here = make_work(geometry=square(LAT, LON), title="hier")
    make_work(geometry=square(*north(900)), title="te ver")
    found = work_list_near(lat=LAT, lon=LON, radius_m=500)
    assert [near.work for near in found] == [here, far]
    assert found[0].distance_m == 0.0
    assert found[1].distance_m == pytest.approx(390, abs=2)


def test_it_measures_to_the_geometry_not_to_its_box(antwerp):
    # A diagonal line whose box covers the point but which passes 300 m away from it.
    line = {"type": "LineString", "coordinates": [[LON - 0.01, LAT - 0.004], [LON + 0.01, LAT + 0.004]]}
    make_work(geometry={"type": "LineString", "coordinates": line["coordinates"]})
    lat, lon = LAT + 0.003, LON - 0.003
    assert work_list_near(lat=lat, lon=lon, radius_m=100) == []
    assert len(work_list_near(lat=lat, lon=lon, radius_m=2000)) == 1


def test_it_keeps_only_works_whose_period_overlaps(antwerp):
    make_work(start=date(2026, 1, 1), end=date(2026, 1, 31), title="voorbij")
    during = make_work(start=date(2026, 2, 20), end=date(2026, 3, 2), title="loopt nog")
    later = make_work(start=date(2026, 3, 28), end=date(2026, 5, 1), title="straks")
    make_work(start=date(2026, 4, 1), end=date(2026, 4, 30), title="te laat")
    found = work_list_near(lat=LAT, lon=LON, radius_m=500, start=date(2026, 3, 1), end=date(2026, 3, 28))
    assert {near.work for near in found} == {during, later}
    assert len(work_list_near(lat=LAT, lon=LON, radius_m=500, start=date(2026, 4, 15))) == 2
    assert len(work_list_near(lat=LAT, lon=LON, radius_m=500, end=date(2026, 1, 1))) == 1


def test_it_leaves_out_cancelled_works_and_honours_the_limit(antwerp):
    make_work(status=Work.Status.CANCELLED)
    first = make_work(geometry=square(*north(100)))
    make_work(geometry=square(*north(200)))
    assert [near.work for near in work_list_near(lat=LAT, lon=LON, radius_m=500, limit=1)] == [first]


def test_it_lists_public_works_by_start_date_with_filters(antwerp):
    antwerpen = District.objects.get(slug="antwerpen")
    market = make_work(kind=Work.Kind.EVENT, start=date(2026, 3, 5), end=date(2026, 3, 5))
    works = make_work(start=date(2026, 3, 1), status=Work.Status.IN_PROGRESS)
    make_work(status=Work.Status.CANCELLED)
    wilrijk = make_work(geometry=square(51.1685, 4.3946), start=date(2026, 2, 1))
    assert list(work_list_public()) == [wilrijk, works, market]
    assert list(work_list_public(district=antwerpen)) == [works, market]
    assert list(work_list_public(kind="event")) == [market]
    assert list(work_list_public(status="in_progress")) == [works]
    assert list(work_list_public(start=date(2026, 3, 4), end=date(2026, 3, 4))) == [wilrijk, works]


def test_it_gets_one_public_work_with_hindrance_and_diversions(antwerp, django_assert_num_queries):
    work = make_work()
    Hindrance.objects.create(
        work=work, severe=True, start_date=work.start_date, end_date=work.end_date, consequences={"cars": "closed"}
    )
    Diversion.objects.create(work=work, description="Via de Nationalestraat", modes=["cars"])
    with django_assert_num_queries(3):
        got = work_get_public(work_id=work.pk)
        assert [h.consequences for h in got.hindrances.all()] == [{"cars": "closed"}]
        assert [d.description for d in got.diversions.all()] == ["Via de Nationalestraat"]
    assert got.severe_hindrance is True


def test_it_does_not_get_a_cancelled_or_unknown_work(antwerp):
    cancelled = make_work(status=Work.Status.CANCELLED)
    with pytest.raises(Work.DoesNotExist):
        work_get_public(work_id=cancelled.pk)
    with pytest.raises(Work.DoesNotExist):
        work_get_public(work_id=cancelled.pk + 1000)


def test_it_writes_a_feature_collection_with_public_fields_only(antwerp):
    work = make_work(contact_name="Jan Peeters", contact_phone="0470 12 34 56", contractor="Aannemer NV")
    collection = json.loads("".join(works_geojson_chunks(works=work_list_public())))
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == work.geometry
    properties = feature["properties"]
    assert properties["id"] == work.pk
    assert properties["district"] == "antwerpen"
    assert properties["start_date"] == "2026-03-01"
    assert properties["kind_label"] == "werken"
    assert properties["contractor"] == "Aannemer NV"
    assert properties["severe_hindrance"] is False
    assert "contact_name" not in properties and "contact_phone" not in properties


def test_a_work_keeps_its_district_after_the_district_stopped(antwerp):
    from loket.organisation.selectors import district_cache_clear

    work = make_work()
    District.objects.filter(pk=work.district_id).update(valid_until=date(2025, 12, 31))
    district_cache_clear()
    (near,) = work_list_near(lat=LAT, lon=LON, radius_m=100)
    assert near.work.district.slug == "antwerpen"
