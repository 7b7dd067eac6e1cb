"""Works near an address in a date range: p50/p95/p99 of ``work_list_near`` over 50,000 works.

    .venv/bin/python bench/works_near.py        # SQLite, /tmp/loket-bench-works.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_works .venv/bin/python bench/works_near.py
    options: --works 50000 --runs 2000 --radius 500 --weeks 4

The database is created and migrated when needed, then filled once (bulk inserts; kept between
runs) with ``--works`` works spread over the city's districts: a third in the busy centre (within
about 2 km of the Groenplaats), the rest anywhere in a district; half are short lines (20-300 m),
a quarter small polygons (10-100 m), a fifth points, and one in twenty a long line (1-4 km, a
tram line or a collector). Periods start anywhere from a year ago to a year ahead and last a day
(markets) to half a year; 3 % are cancelled, a third have hindrance. Measured warm, in one
process: ``work_list_near`` for random points in the city (a third in the centre), radius
``--radius`` m and the window today .. today + ``--weeks`` weeks — the figure of issue 6 item 7
(p95 <= 20 ms). A first line measures one round trip (``SELECT 1``), a second the index part
alone (the candidates' ids: what the database does); the rest of ``work_list_near`` is Python
work per candidate (the model, its geometry's JSON, the exact distance). The search is measured
twice: as the process is, and after ``gc.freeze()`` (as a server worker is once the catalogue's
search index is built), since the cyclic collector's full passes make the tail. The last line prints
the load average: on a shared machine the tail is the scheduler's, not the query's.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from _setup import BOX, CENTRE, analyze, django_ready, kept_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SOURCE = "bench"
KY = 110_574.0
KX = 111_320.0 * math.cos(math.radians(51.2))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--works", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--radius", type=int, default=500)
    parser.add_argument("--weeks", type=int, default=4)
    return parser.parse_args()


def random_point(rng: random.Random) -> tuple[float, float]:
    """A point in a district: a third near the centre, the rest anywhere in the city."""
    from loket.organisation.selectors import district_locate_point

    while True:
        if rng.random() < 1 / 3:
            distance, angle = 2000 * math.sqrt(rng.random()), rng.random() * 2 * math.pi
            lat, lon = CENTRE[0] + distance * math.cos(angle) / KY, CENTRE[1] + distance * math.sin(angle) / KX
        else:
            south, north, west, east = BOX
            lat, lon = rng.uniform(south, north), rng.uniform(west, east)
        if district_locate_point(lat=lat, lon=lon) is not None:
            return lat, lon


def random_geometry(rng: random.Random, lat: float, lon: float) -> dict:
    def offset(metres: float, angle: float) -> list[float]:
        return [lon + metres * math.sin(angle) / KX, lat + metres * math.cos(angle) / KY]

    kind = rng.random()
    if kind < 0.2:
        return {"type": "Point", "coordinates": [lon, lat]}
    if kind < 0.45:
        half = rng.uniform(5, 50)
        ring = [offset(half * math.sqrt(2), math.pi / 4 + k * math.pi / 2) for k in range(4)]
        return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}
    length = rng.uniform(1000, 4000) if kind > 0.95 else rng.uniform(20, 300)
    angle, steps = rng.uniform(0, math.pi), max(2, int(length // 100))
    return {
        "type": "LineString",
        "coordinates": [offset(length * (k / steps - 0.5), angle) for k in range(steps + 1)],
    }


def fill(count: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from loket.organisation.selectors import district_locate_point
    from loket.works.models import Hindrance, Work
    from loket.works.services import work_place

    have = Work.objects.filter(source=SOURCE).count()
    if have >= count:
        print(f"{have} bench works present")
        analyze("works_work", "works_hindrance")
        return
    rng = random.Random(7)
    today = timezone.localdate()
    started = time.perf_counter()
    for first in range(have, count, 5000):
        with transaction.atomic():
            works = []
            for n in range(first, min(first + 5000, count)):
                lat, lon = random_point(rng)
                geometry = random_geometry(rng, lat, lon)
                start = today + timedelta(days=rng.randint(-365, 365))
                days = rng.choice([0, 1, 2]) if rng.random() < 0.1 else int(rng.expovariate(1 / 45))
                work = Work(
                    source=SOURCE,
                    external_id=f"B-{n:07d}",
                    title="Benchmarkwerk",
                    owner="Bench",
                    kind="event" if days < 3 else "works",
                    status="cancelled" if rng.random() < 0.03 else "planned",
                    start_date=start,
                    end_date=start + timedelta(days=min(days, 180)),
                )
                work_place(work=work, geometry=geometry, district=district_locate_point(lat=lat, lon=lon))
                works.append(work)
            Work.objects.bulk_create(works)
            Hindrance.objects.bulk_create(
                Hindrance(
                    work=work,
                    severe=rng.random() < 0.4,
                    start_date=work.start_date,
                    end_date=work.end_date,
                    consequences={"cars": "closed"},
                )
                for work in works
                if rng.random() < 1 / 3
            )
        print(f"  {min(first + 5000, count)} works ({time.perf_counter() - started:.0f} s)", flush=True)
    analyze("works_work", "works_hindrance")
    print(f"filled {count - have} works in {time.perf_counter() - started:.0f} s")


def measure(label: str, runs: int, call: Callable[[int], int]) -> None:
    """Wall time (what a caller waits) and this process's CPU time, p50, p95 and p99."""
    for n in range(20):
        call(n)
    wall, cpu, hits = [], [], 0
    for n in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        hits += call(n)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    wall.sort()
    cpu.sort()

    def pct(values: list[float], p: float) -> float:
        return values[max(0, math.ceil(len(values) * p) - 1)]

    print(
        f"{label:<52} wall p50 {statistics.median(wall):6.2f} p95 {pct(wall, 0.95):6.2f} p99 {pct(wall, 0.99):6.2f}"
        f" ms | cpu p50 {statistics.median(cpu):5.2f} p95 {pct(cpu, 0.95):5.2f} p99 {pct(cpu, 0.99):5.2f} ms"
        f" | {hits / runs:.1f} works/query"
    )


def main() -> None:
    args = parse()
    engine = kept_database(sqlite_name="loket-bench-works.sqlite3")
    django_ready(demo=("organisation",), atomic=False)
    fill(args.works)
    from django.db import connection
    from django.utils import timezone

    from loket.works.models import Work
    from loket.works.selectors import work_candidates_near, work_list_near

    print(f"{engine}: {Work.objects.count()} works; {args.runs} runs each")
    rng = random.Random(42)
    points = [random_point(rng) for _ in range(args.runs + 20)]
    today = timezone.localdate()
    end = today + timedelta(weeks=args.weeks)

    lat, lon = points[0]  # the plan of the candidate query for the first point
    query = work_candidates_near(lat=lat, lon=lon, radius_m=args.radius, start=today, end=end)
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        cursor.execute(prefix + sql, params)
        print("plan:", " | ".join(str(row[-1]).strip() for row in cursor.fetchall()[:6]))

    def near(n: int) -> int:
        lat, lon = points[n]
        return len(work_list_near(lat=lat, lon=lon, radius_m=args.radius, start=today, end=end))

    def baseline(n: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchall()
        return 0

    def candidate_ids(n: int) -> int:
        lat, lon = points[n]
        return len(
            list(work_candidates_near(lat=lat, lon=lon, radius_m=args.radius, start=today, end=end).values_list("id"))
        )

    measure("baseline: one round trip (SELECT 1)", args.runs, baseline)
    measure("the index part: candidates' ids only", args.runs, candidate_ids)
    measure(f"work_list_near: {args.radius} m, {args.weeks} weeks from today", args.runs, near)
    # A server worker that has built the catalogue's search index has frozen its long-lived
    # objects (catalogue/search.py); then the collector's full passes no longer walk Django's heap.
    gc.collect()
    gc.freeze()
    measure("the same, long-lived objects frozen (gc.freeze)", args.runs, near)
    print(f"command: {' '.join([os.path.relpath(sys.executable, ROOT), *sys.argv])}")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
