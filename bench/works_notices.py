"""Who hears of new works: ``notices_queue_for_works`` against many area subscriptions.

    .venv/bin/python bench/works_notices.py        # SQLite, /tmp/loket-bench-works-notices.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_works_notices .venv/bin/python bench/works_notices.py
    options: --subscriptions 5000 --works 500 --runs 100

A new database is filled with ``--subscriptions`` confirmed subscriptions (a third within about
1.5 km of the Groenplaats, the rest anywhere in the city's box; radius 100-2000 m, most 500 m)
and ``--works`` works (small squares, short lines and points, placed like the subscriptions).
Measured warm, in one process, each call in a transaction that is rolled back (so nothing is
queued and the next call starts from the same rows):
- an import that creates all ``--works`` works at once: one call with every id (3 runs);
- the admin saving one new work: one call with one id (``--runs`` runs), p50/p95.
The last line prints the load average: on a shared machine the tail is the scheduler's.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

from _setup import city_point, django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscriptions", type=int, default=5000)
    parser.add_argument("--works", type=int, default=500)
    parser.add_argument("--runs", type=int, default=100)
    return parser.parse_args()


def random_geometry(rng: random.Random) -> dict:
    lat, lon = city_point(rng)
    kind = rng.random()
    d = rng.uniform(0.0001, 0.0008)
    if kind < 0.5:
        ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
        return {"type": "Polygon", "coordinates": [ring]}
    if kind < 0.85:
        return {"type": "LineString", "coordinates": [[lon - d, lat], [lon + 2 * d, lat + d]]}
    return {"type": "Point", "coordinates": [lon, lat]}


def fill(subscriptions: int, works: int) -> list[int]:
    from django.db import transaction
    from django.utils import timezone

    from loket.works.models import AreaSubscription, Work
    from loket.works.services import work_place

    rng = random.Random(7)
    now = timezone.now()
    today = timezone.localdate()
    radii = [100, 250, 500, 500, 500, 500, 1000, 2000]
    with transaction.atomic():
        AreaSubscription.objects.bulk_create(
            [
                AreaSubscription(
                    email=f"bench{n}@example.be",
                    address=f"Benchstraat {n}",
                    lat=lat,
                    lon=lon,
                    radius_m=rng.choice(radii),
                    confirmed_at=now,
                )
                for n in range(subscriptions)
                for lat, lon in [city_point(rng)]
            ],
            batch_size=2000,
        )
        rows = []
        for n in range(works):
            work = Work(
                source="bench",
                external_id=f"bench-{n}",
                title="Benchmarkwerk",
                owner="Bench",
                start_date=today,
                end_date=today.replace(year=today.year + 1),
            )
            work_place(work=work, geometry=random_geometry(rng), district=None)
            rows.append(work)
        Work.objects.bulk_create(rows, batch_size=2000)
    return list(Work.objects.filter(source="bench").order_by("id").values_list("id", flat=True))


class Rollback(Exception):
    pass


def timed(call) -> tuple[float, int]:
    from django.db import transaction

    result = 0
    start = time.perf_counter()
    try:
        with transaction.atomic():
            result = call()
            raise Rollback
    except Rollback:
        pass
    return (time.perf_counter() - start) * 1000, result


def main() -> None:
    args = parse()
    engine = scratch_database(sqlite_name="loket-bench-works-notices.sqlite3")
    django_ready(demo=("organisation",))
    started = time.perf_counter()
    ids = fill(args.subscriptions, args.works)
    filled = time.perf_counter() - started
    print(f"{engine}: {args.subscriptions} subscriptions, {len(ids)} works (filled in {filled:.0f} s)")
    from loket.works.notices import notices_queue_for_works

    for _ in range(3):
        elapsed, created = timed(lambda: notices_queue_for_works(work_ids=ids))
        print(f"import of {len(ids)} new works: {elapsed:8.1f} ms, {created} notices queued")
    rng = random.Random(3)
    sample = [rng.choice(ids) for _ in range(args.runs + 10)]
    wall: list[float] = []
    hits = 0
    for n, work_id in enumerate(sample):
        elapsed, created = timed(lambda work_id=work_id: notices_queue_for_works(work_ids=[work_id]))
        if n >= 10:  # warm-up
            wall.append(elapsed)
            hits += created
    wall.sort()
    p95 = wall[int(len(wall) * 0.95) - 1]
    print(
        f"one new work ({args.runs} runs): p50 {statistics.median(wall):6.2f} p95 {p95:6.2f} max {wall[-1]:7.2f} ms, "
        f"{hits / len(wall):.1f} notices each"
    )
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
