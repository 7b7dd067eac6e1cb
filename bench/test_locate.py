"""Point → district, in process: must reach ≥ 50,000 lookups/s.

Run: .venv/bin/python -m pytest bench/test_locate.py --benchmark-enable -q -s
Prints lookups/s for random points over the city's bounding box and for a fixed set of known
points (one per district, points near borders, points outside the city), and the index build time.
The lookups go through the public selector ``district_locate_point`` (validation, day cache,
grid index), not the bare index.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from loket.organisation.selectors import district_cache_clear, district_locate_point
from tests.fixtures_organisation import _fresh_district_cache, antwerp  # noqa: F401

DAY = dt.date(2026, 6, 1)
BBOX = (51.14, 51.38, 4.21, 4.51)  # south, north, west, east (slightly larger than the city)
KNOWN = [
    (51.2211, 4.3997), (51.1890, 4.4300), (51.3600, 4.3000), (51.2120, 4.4420), (51.1930, 4.4870),
    (51.2200, 4.4700), (51.2800, 4.4200), (51.1750, 4.3500), (51.2480, 4.4450), (51.1650, 4.3900),
    (51.180619, 4.442573), (51.195855, 4.44738), (51.200939, 4.457379),  # gap and overlaps at borders
    (50.85, 4.35), (51.170, 4.455), (51.215, 4.33),  # Brussels, Mortsel, Zwijndrecht: outside
]  # fmt: skip
ROUNDS = 200_000


def lookups_per_second(points: list[tuple[float, float]]) -> float:
    started = time.perf_counter()
    for lat, lon in points:
        district_locate_point(lat=lat, lon=lon, day=DAY)
    return len(points) / (time.perf_counter() - started)


@pytest.fixture
def warm(antwerp):  # noqa: F811
    district_cache_clear()
    started = time.perf_counter()
    district_locate_point(lat=51.2211, lon=4.3997, day=DAY)
    print(f"\nindex build (cold, incl. loading the rows): {(time.perf_counter() - started) * 1000:.1f} ms")
    return antwerp


def test_random_points_in_the_bounding_box(warm, benchmark):
    rng = random.Random(7)
    points = [(rng.uniform(BBOX[0], BBOX[1]), rng.uniform(BBOX[2], BBOX[3])) for _ in range(ROUNDS)]
    rate = lookups_per_second(points)
    print(f"random points in bbox: {rate:,.0f} lookups/s over {ROUNDS:,} points")
    benchmark(lambda: district_locate_point(lat=51.2211, lon=4.3997, day=DAY))
    assert rate > 0


def test_known_points(warm, benchmark):
    points = KNOWN * (ROUNDS // len(KNOWN))
    rate = lookups_per_second(points)
    print(f"known points (incl. borders, outside): {rate:,.0f} lookups/s over {len(points):,} points")
    benchmark(lambda: [district_locate_point(lat=lat, lon=lon, day=DAY) for lat, lon in KNOWN])
    assert rate > 0


def test_default_day(warm):
    points = KNOWN * (ROUNDS // len(KNOWN) // 4)
    started = time.perf_counter()
    for lat, lon in points:
        district_locate_point(lat=lat, lon=lon)
    rate = len(points) / (time.perf_counter() - started)
    print(f"known points, day = today in Brussels: {rate:,.0f} lookups/s")
    assert rate > 0
