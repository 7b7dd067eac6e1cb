"""Availability of one service over 60 days at ALL counter locations, with 50,000 booked appointments.

    .venv/bin/python bench/counters_availability.py                 # SQLite, a scratch file under /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_availability \
        .venv/bin/python bench/counters_availability.py
    options: --appointments 50000 --runs 50 --service identiteitskaart --fill 0.85 --every 5

The database gets the demo (locations, services, desks) and ``--appointments`` booked appointments:
``--fill`` of the desks' time in the coming 60 days, the rest in the past (as a real database
holds). One run = ``counters.capacity.availability_at_locations`` for every location that offers the
service (in process). Reported, p50/p95 each: the first call of the process (cold occupancy
cache), cold calls (cache emptied before each), warm calls (no write in between), calls with a
booking write (a phone booking through ``appointment_book`` or a cancellation) before every
``--every``-th call, the calls right after a write, and ``availability`` once per location.
Target: p95 ≤ 50 ms per call, warm and with writes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from _setup import django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--appointments", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--service", default="identiteitskaart")
    parser.add_argument("--fill", type=float, default=0.85)
    parser.add_argument("--every", type=int, default=5, help="a booking write before every N-th call")
    return parser.parse_args()


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
    from loket.counters.occupancy import booking_version_bump
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
    # Rows written directly, not through counters.booking: raise the booking versions as any such
    # write must (a location that was never written to has no version and is never cached).
    booking_version_bump(location_ids=[location.pk for location in locations])
    return len(chosen), in_window


def call(service, locations, today, last) -> tuple[float, int, dict]:
    """One all-locations call: (seconds, SQL queries, slots per location)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from loket.counters.capacity import availability_at_locations

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        found = availability_at_locations(service=service, locations=locations, start_date=today, end_date=last)
        elapsed = time.perf_counter() - started
    return elapsed, len(captured.captured_queries), found


def write(service, found: dict, booked: list, rng: random.Random, number: int) -> None:
    """A booking write through the service: alternately book a free slot and cancel an earlier booking."""
    from loket.counters.booking import SlotTaken, appointment_book, appointment_cancel
    from loket.organisation.models import Location

    if number % 2 and booked:
        appointment_cancel(appointment=booked.pop(rng.randrange(len(booked))))
        return
    location_id = rng.choice([pk for pk, slots in found.items() if slots])
    slot = rng.choice(found[location_id])
    with contextlib.suppress(SlotTaken):
        booked.append(
            appointment_book(
                location=Location.objects.get(pk=location_id),
                service=service,
                start=slot.start,
                channel="phone",
                name="Bench",
                email=f"bench-write-{number}@example.org",
            )
        )


def measure(service_slug: str, runs: int, every: int) -> dict[str, list[float]]:
    """Seconds per all-locations call: cold, warm, with a booking write every ``every`` calls."""
    from django.utils import timezone

    from loket.catalogue.models import Service
    from loket.counters.booking import availability
    from loket.counters.occupancy import occupancy_cache_clear
    from loket.organisation.models import Location

    service = Service.objects.get(slug=service_slug)
    locations = list(Location.objects.filter(services=service, counter_settings__isnull=False).order_by("name"))
    today = timezone.localdate()
    last = today + dt.timedelta(days=59)
    figures: dict[str, list[float]] = defaultdict(list)
    first, queries, found = call(service, locations, today, last)
    figures["first call"], figures["queries cold"] = [first], [queries]
    for _run in range(max(10, runs // 5)):  # cold: this process's occupancy cache emptied before each call
        occupancy_cache_clear()
        figures["cold"].append(call(service, locations, today, last)[0])
    for _run in range(runs):  # warm: nothing written in between
        elapsed, queries, found = call(service, locations, today, last)
        figures["warm"].append(elapsed)
    figures["queries warm"] = [queries]
    rng, booked = random.Random(7), []
    for number in range(runs * every):  # a booking write (book or cancel) before every ``every``-th call
        if number % every == 0:
            write(service, found, booked, rng, number // every)
        elapsed, _queries, found = call(service, locations, today, last)
        figures["with writes"].append(elapsed)
        if number % every == 0:
            figures["right after a write"].append(elapsed)
    for _run in range(runs):  # the API's path: one location per call, warm
        started = time.perf_counter()
        for location in locations:
            availability(location=location, service=service, start_date=today, end_date=last)
        figures["one by one"].append(time.perf_counter() - started)
    return figures


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    args = parse()
    database = scratch_database(sqlite_name="loket-bench-availability.sqlite3")
    django_ready(demo=("organisation", "catalogue", "counters"))
    from loket.counters.models import Appointment
    from loket.counters.occupancy import occupancy_cache_size

    rng = random.Random(20260302)
    made, in_window = fill(args.appointments, args.fill, rng)
    figures = measure(args.service, args.runs, args.every)
    cached_locations, cached_days = occupancy_cache_size()
    print(f"database       {database}")
    print(f"appointments   {Appointment.objects.filter(status='booked').count()} booked ({in_window} in the 60 days)")
    print(f"query          {args.service}, 60 days, all counter locations, availability_at_locations")
    print(
        f"SQL queries    {figures['queries cold'][0]:.0f} cold, {figures['queries warm'][0]:.0f} warm;"
        f" cache {cached_locations} locations, {cached_days} days"
    )
    print(f"first call     {figures['first call'][0] * 1000:.1f} ms  (cold cache, first call in the process)")
    rows = [
        ("cold", "cache emptied before each call"),
        ("warm", "no write in between"),
        ("with writes", f"a booking or cancellation, then {args.every} calls"),
        ("right after a write", "only the calls that follow a write"),
        ("one by one", "availability per location, summed, warm"),
    ]
    for name, note in rows:
        values = figures[name]
        print(
            f"{name:<20} n={len(values):<4} p50 {statistics.median(values) * 1000:6.1f} ms"
            f"  p95 {p95(values) * 1000:6.1f} ms  max {max(values) * 1000:6.1f} ms  ({note})"
        )
    ok = p95(figures["warm"]) <= 0.050 and p95(figures["with writes"]) <= 0.050
    print("RESULT         " + ("OK: p95 ≤ 50 ms warm and with writes" if ok else "FAILED: p95 > 50 ms"))
    return 0 if ok and made == args.appointments else 1


if __name__ == "__main__":
    sys.exit(main())
