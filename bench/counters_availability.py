"""Availability of one service over 60 days at ALL counter locations, with 50,000 booked appointments.

    .venv/bin/python bench/counters_availability.py                 # SQLite, a scratch file under /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_availability \
        .venv/bin/python bench/counters_availability.py
    options: --appointments 50000 --runs 50 --service identiteitskaart --fill 0.85

The database gets the demo (locations, services, desks) and ``--appointments`` booked appointments:
``--fill`` of the desks' time in the coming 60 days, the rest in the past (as a real database
holds). One run = ``counters.capacity.availability_at_locations`` for every location that offers the
service (in process, five queries); also reported: ``availability`` called once per location.
Target: p95 ≤ 50 ms per run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--appointments", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--service", default="identiteitskaart")
    parser.add_argument("--fill", type=float, default=0.85)
    return parser.parse_args()


def prepare_database() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        path = Path("/tmp/loket-bench-availability.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return "SQLite (file)"
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
        conn.execute(f'CREATE DATABASE "{config["NAME"]}"')
    return f"PostgreSQL ({config['NAME']})"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
    os.environ.setdefault("HUEY_IMMEDIATE", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from loket.catalogue import demo as catalogue_demo
    from loket.counters import demo as counters_demo
    from loket.organisation import demo as organisation_demo

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        for module in (organisation_demo, catalogue_demo, counters_demo):
            module.load(log=lambda line: None)


def candidates(location, desks, day: dt.date, rng: random.Random) -> list[tuple]:
    """Back-to-back visits on every desk through the day's opening periods."""
    from django.utils import timezone

    from loket.organisation.selectors import location_day_hours

    tz = timezone.get_default_timezone()
    found = []
    for opens, closes in location_day_hours(location=location, day=day).periods:
        for desk, services in desks:
            if not services:
                continue
            start = dt.datetime.combine(day, opens, tzinfo=tz)
            end_of_period = dt.datetime.combine(day, closes, tzinfo=tz)
            while True:
                service_id, minutes = rng.choice(services)
                end = start + dt.timedelta(minutes=minutes)
                if end > end_of_period:
                    break
                found.append((location.pk, desk, service_id, start, end))
                start = end
    return found


def fill(total: int, share: float, rng: random.Random) -> tuple[int, int]:
    from django.utils import timezone

    from loket.counters.models import Appointment, Desk
    from loket.organisation.models import Location

    today = timezone.localdate()
    locations = list(
        Location.objects.filter(counter_settings__isnull=False).prefetch_related("opening_hours", "exceptions")
    )
    desks_of = {}
    for location in locations:
        bookable = ("appointment", "both")
        desks_of[location.pk] = [
            (desk.pk, [(s.pk, s.appointment_minutes) for s in desk.services.all() if s.counter in bookable])
            for desk in Desk.objects.filter(location=location).prefetch_related("services")
        ]
    future = [
        row
        for offset in range(60)
        for location in locations
        for row in candidates(location, desks_of[location.pk], today + dt.timedelta(days=offset), rng)
    ]
    chosen = rng.sample(future, min(total, int(len(future) * share)))
    offset = 1
    while len(chosen) < total:
        day = today - dt.timedelta(days=offset)
        for location in locations:
            chosen += candidates(location, desks_of[location.pk], day, rng)
        offset += 1
    chosen = chosen[:total]
    in_window = sum(1 for row in chosen if row[3].date() >= today)
    channels = ["online", "online", "phone", "counter"]
    batch = [
        Appointment(
            reference=f"BNC-{i:07d}",
            location_id=location_id,
            desk_id=desk_id,
            service_id=service_id,
            start=start,
            end=end,
            channel=channels[i % 4],
            status=Appointment.Status.BOOKED,
            name="Bench",
            email=f"bench{i}@example.org",
        )
        for i, (location_id, desk_id, service_id, start, end) in enumerate(chosen)
    ]
    Appointment.objects.bulk_create(batch, batch_size=2000)
    return len(chosen), in_window


def measure(service_slug: str, runs: int) -> tuple[list[float], list[float], int, int]:
    """(seconds per run of the all-locations call, seconds per run of one call per location, slots, queries)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from loket.catalogue.models import Service
    from loket.counters.booking import availability
    from loket.counters.capacity import availability_at_locations
    from loket.organisation.models import Location

    service = Service.objects.get(slug=service_slug)
    locations = list(Location.objects.filter(services=service, counter_settings__isnull=False).order_by("name"))
    today = timezone.localdate()
    last = today + dt.timedelta(days=59)
    together: list[float] = []
    one_by_one: list[float] = []
    slots = queries = 0
    for run in range(runs + 3):  # three warm-up runs
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            found = availability_at_locations(service=service, locations=locations, start_date=today, end_date=last)
            elapsed = time.perf_counter() - started
        started = time.perf_counter()
        for location in locations:
            availability(location=location, service=service, start_date=today, end_date=last)
        separate = time.perf_counter() - started
        if run >= 3:
            together.append(elapsed)
            one_by_one.append(separate)
            slots, queries = sum(len(v) for v in found.values()), len(captured.captured_queries)
        reset_queries()
    return together, one_by_one, slots, queries


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    args = parse()
    database = prepare_database()
    setup()
    from loket.counters.models import Appointment

    rng = random.Random(20260302)
    made, in_window = fill(args.appointments, args.fill, rng)
    totals, one_by_one, slots, queries = measure(args.service, args.runs)
    print(f"database       {database}")
    print(f"appointments   {Appointment.objects.filter(status='booked').count()} booked ({in_window} in the 60 days)")
    print(f"query          {args.service}, 60 days, all counter locations, {args.runs} runs")
    print(f"free slots     {slots} (remaining > 0), {queries} SQL queries per all-locations call")
    print(
        f"all locations  p50 {statistics.median(totals) * 1000:.1f} ms  p95 {p95(totals) * 1000:.1f} ms"
        f"  max {max(totals) * 1000:.1f} ms  (availability_at_locations, one call)"
    )
    print(
        f"one by one     p50 {statistics.median(one_by_one) * 1000:.1f} ms  p95 {p95(one_by_one) * 1000:.1f} ms"
        "  (availability per location, summed)"
    )
    ok = p95(totals) <= 0.050
    print("RESULT         " + ("OK: p95 ≤ 50 ms" if ok else "FAILED: p95 > 50 ms"))
    return 0 if ok and made == args.appointments else 1


if __name__ == "__main__":
    sys.exit(main())
