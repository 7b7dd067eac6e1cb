"""The grid index behind ``work_list_near`` finds exactly what a full scan finds."""

from __future__ import annotations

import math
import random
from datetime import date

import pytest

from loket.works import geometry as geo
from loket.works.models import Work
from loket.works.selectors import work_list_near
from loket.works.services import work_place
from tests.works.helpers_data import GROENPLAATS

pytestmark = pytest.mark.django_db
KY, KX = 110_574.0, 69_800.0


def test_a_box_no_larger_than_a_cell_has_its_corner_cell_and_a_larger_one_is_wide():
    lat, lon = GROENPLAATS
    assert geo.grid_cell_of_box(lat, lat + 0.004, lon, lon + 0.007) == geo.grid_cell(lat, lon)
    assert geo.grid_cell_of_box(lat, lat + 0.006, lon, lon) == geo.WIDE
    assert geo.grid_cell_of_box(lat, lat, lon, lon + 0.008) == geo.WIDE
    cells = geo.grid_cells_reaching(lat - 0.0045, lat + 0.0045, lon - 0.007, lon + 0.007)
    assert cells[0] == geo.WIDE and geo.grid_cell(lat, lon) in cells
    assert geo.grid_cell(lat - 0.0045 - 0.005, lon) in cells  # one cell further south
    assert geo.grid_cell(lat + 0.0045 + 0.005, lon) not in cells  # but not further north


def random_work(rng: random.Random, n: int) -> Work:
    lat = GROENPLAATS[0] + rng.uniform(-1500, 1500) / KY
    lon = GROENPLAATS[1] + rng.uniform(-1500, 1500) / KX
    length, angle = rng.choice([0, 30, 300, 700, 2500]), rng.uniform(0, math.pi)
    end = [lon + length * math.sin(angle) / KX, lat + length * math.cos(angle) / KY]
    geometry = (
        {"type": "Point", "coordinates": [lon, lat]}
        if length == 0
        else {"type": "LineString", "coordinates": [[lon, lat], end]}
    )
    start = date(2026, 1, 1).replace(day=rng.randint(1, 28), month=rng.randint(1, 12))
    work = Work(
        external_id=f"grid-{n}",
        title="Raster",
        owner="Test",
        start_date=start,
        end_date=start.replace(day=28),
        status=rng.choice(["planned", "planned", "cancelled"]),
    )
    work_place(work=work, geometry=geometry, district=None)
    return work


def test_it_finds_the_same_works_as_a_full_scan(db):
    rng = random.Random(5)
    Work.objects.bulk_create(random_work(rng, n) for n in range(400))
    works = list(Work.objects.exclude(status="cancelled"))
    assert any(work.grid_cell == geo.WIDE for work in works)
    hits = 0
    for _ in range(40):
        lat = GROENPLAATS[0] + rng.uniform(-1200, 1200) / KY
        lon = GROENPLAATS[1] + rng.uniform(-1200, 1200) / KX
        radius = rng.choice([100, 500, 1000])
        start = date(2026, rng.randint(1, 12), 1)
        end = start.replace(month=min(12, start.month + 2), day=28)
        expected = sorted(
            work.pk
            for work in works
            if work.end_date >= start and work.start_date <= end and geo.distance_m(work.geometry, lat, lon) <= radius
        )
        found = work_list_near(lat=lat, lon=lon, radius_m=radius, start=start, end=end)
        assert sorted(near.work.pk for near in found) == expected
        hits += len(expected)
    assert hits > 40


def test_a_search_with_more_hits_than_one_query_may_name_still_marks_severe_hindrance(db):
    from loket.works.models import Hindrance

    lat, lon = GROENPLAATS
    works = []
    for n in range(1000):
        work = Work(
            external_id=f"veel-{n}", title="Veel", owner="Test", start_date=date(2026, 3, 1), end_date=date(2026, 3, 9)
        )
        work_place(work=work, geometry={"type": "Point", "coordinates": [lon + n * 1e-6, lat]}, district=None)
        works.append(work)
    Work.objects.bulk_create(works)
    last = Work.objects.get(external_id="veel-999")
    Hindrance.objects.create(work=last, severe=True, start_date=last.start_date, end_date=last.end_date)
    found = work_list_near(lat=lat, lon=lon, radius_m=200)
    assert len(found) == 1000
    assert [near.work.pk for near in found if near.work.severe_hindrance] == [last.pk]
