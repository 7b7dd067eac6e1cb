"""The duplicate check of reports against 200,000 open reports: p95 of ``duplicates_near``.

    .venv/bin/python bench/reports_duplicates.py        # SQLite, /tmp/loket-bench-reports.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_reports .venv/bin/python bench/reports_duplicates.py
    options: --open 200000 --closed 100000 --runs 2000

The database is created and migrated when needed, then filled once (bulk inserts; kept between
runs) with ``--open`` open and ``--closed`` closed reports, each with its case, spread over the 33
categories; a third of the points lie in the busy centre (within about 1.5 km of the Groenplaats),
the rest anywhere in the city's bounding box. Measured warm, in one process: ``duplicates_near``
for random points (a third in the centre) and random categories — the figure of issue 6 (p95 <= 10 ms)
— and the same for the point of an existing report (at least one hit). A first line measures one
round trip (``SELECT 1``) and the last prints the load average: on a shared machine the tail is
the scheduler's, not the query's.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _setup import analyze, city_point, django_ready, kept_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
MARK = "BRD"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--open", type=int, default=200_000)
    parser.add_argument("--closed", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2000)
    return parser.parse_args()


def fill(open_count: int, closed_count: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from loket.cases.models import Case
    from loket.reports.models import Category, Report

    total = open_count + closed_count
    have = Report.objects.filter(case__reference__startswith=f"{MARK}-").count()
    if have >= total:
        print(f"{have} bench reports present")
        analyze("reports_report", "cases_case")
        return
    rng = random.Random(6)
    categories = list(Category.objects.order_by("code"))
    now = timezone.now()
    today = timezone.localdate()
    started = time.perf_counter()
    for start in range(have, total, 10_000):
        stop = min(start + 10_000, total)
        with transaction.atomic():
            cases = Case.objects.bulk_create(
                [
                    Case(
                        reference=f"{MARK}-{n:09d}",
                        kind="report",
                        title="Benchmarkmelding",
                        status="received" if n < open_count else "done",
                        channel="online",
                        deadline=today,
                        closed_at=None if n < open_count else now,
                    )
                    for n in range(start, stop)
                ]
            )
            reports = []
            for n, case in zip(range(start, stop), cases, strict=True):
                lat, lon = city_point(rng)
                reports.append(
                    Report(
                        case=case,
                        category=categories[n % len(categories)],
                        category_source="citizen",
                        lat=lat,
                        lon=lon,
                        description="Benchmarkmelding",
                        closed_at=None if n < open_count else now,
                    )
                )
            Report.objects.bulk_create(reports)
        if stop % 50_000 == 0:
            print(f"  {stop} reports ({time.perf_counter() - started:.0f} s)", flush=True)
    analyze("reports_report", "cases_case")
    print(f"filled {total - have} reports in {time.perf_counter() - started:.0f} s")


def measure(label: str, runs: int, call: Callable[[int], int]) -> None:
    """Wall time (what a caller waits) and this process's CPU time (what the check costs here,
    without the waits for a CPU that other processes hold), p50 and p95."""
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

    def p95(values: list[float]) -> float:
        return values[int(len(values) * 0.95) - 1]

    print(
        f"{label:<58} wall p50 {statistics.median(wall):6.2f} p95 {p95(wall):6.2f} max {wall[-1]:7.2f} ms"
        f" | cpu p50 {statistics.median(cpu):5.2f} p95 {p95(cpu):5.2f} ms | {hits / runs:.2f} hits/check"
    )


def main() -> None:
    args = parse()
    engine = kept_database(sqlite_name="loket-bench-reports.sqlite3")
    django_ready(atomic=False)
    from loket.reports.categories import categories_load

    categories_load()
    fill(args.open, args.closed)
    from django.db import connection

    from loket.reports.models import Category, Report
    from loket.reports.selectors import _box_sql, duplicates_near

    categories = list(Category.objects.all())
    open_reports = Report.objects.filter(closed_at__isnull=True).count()
    print(f"{engine}: {open_reports} open reports, {Report.objects.count()} in all; {args.runs} runs each")
    rng = random.Random(42)
    points = [(rng.choice(categories), *city_point(rng)) for _ in range(args.runs + 20)]
    sample = list(
        Report.objects.filter(closed_at__isnull=True, case__reference__startswith=f"{MARK}-")
        .order_by("?")
        .select_related("category")[: args.runs + 20]
        if connection.vendor == "postgresql"
        else Report.objects.filter(pk__in=[rng.randint(1, open_reports) for _ in range(args.runs + 20)]).select_related(
            "category"
        )
    )

    category, lat, lon = points[0]
    with connection.cursor() as cursor:
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        cursor.execute(prefix + _box_sql(), [category.pk, lat - 0.00045, lat + 0.00045, lon - 0.0007, lon + 0.0007])
        print("plan:", " | ".join(str(row[-1]).strip() for row in cursor.fetchall()[:4]))

    def random_check(n: int) -> int:
        category, lat, lon = points[n]
        return len(duplicates_near(category=category, lat=lat, lon=lon))

    def existing_check(n: int) -> int:
        report = sample[n % len(sample)]
        assert report.lat is not None and report.lon is not None and report.category is not None
        return len(duplicates_near(category=report.category, lat=report.lat, lon=report.lon))

    def baseline(n: int) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchall()
        return 0

    measure("baseline: one round trip (SELECT 1), the machine's noise", args.runs, baseline)
    measure("duplicates_near: random point and category", args.runs, random_check)
    measure("duplicates_near: at an open report (>= 1 hit)", args.runs, existing_check)
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
