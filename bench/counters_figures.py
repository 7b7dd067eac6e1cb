"""The counters' figures over a month with ~100,000 tickets at 10 locations: page well under a second.

    .venv/bin/python bench/counters_figures.py                 # SQLite, a scratch file under /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_figures .venv/bin/python bench/counters_figures.py
    options: --tickets 100000 --runs 5

The database gets the organisation and catalogue demo, desks and two queues per district house, and
``--tickets`` tickets over the working days of March 2026 (a quarter with an appointment, each
appointment checked in; some no-shows, transfers and visitors still waiting) plus appointments
nobody came for. Measured, in process: ``counter_figures`` for the month (all locations, one
location) and a day, and the manager's page and CSV for the month through Django's test client.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from _setup import django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
BRUSSELS = ZoneInfo("Europe/Brussels")
MONTH = [dt.date(2026, 3, day) for day in range(1, 32) if dt.date(2026, 3, day).weekday() < 5]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args()


def fill(total: int, rng: random.Random) -> None:
    from django.db import transaction

    from loket.catalogue.models import Service
    from loket.counters.models import Appointment, Desk, Queue, Ticket
    from loket.organisation.models import Location

    services = list(Service.objects.exclude(counter=Service.Counter.NONE)[:8])
    locations = list(Location.objects.filter(kind=Location.Kind.DISTRICT_HOUSE).order_by("name")[:10])
    per_day = total // (len(MONTH) * len(locations))
    appointments: list[Appointment] = []
    tickets: list[Ticket] = []
    with transaction.atomic():
        for location in locations:
            desks = [Desk.objects.create(location=location, name=f"Loket {n}") for n in range(1, 5)]
            walk_in = Queue.objects.create(location=location, letter="A", name="Zonder afspraak")
            booked = Queue.objects.create(location=location, letter="B", name="Afspraken", for_appointments=True)
            for day in MONTH:
                opens = dt.datetime.combine(day, dt.time(8, 30), tzinfo=BRUSSELS)
                numbers = {walk_in.pk: 0, booked.pk: 0}
                for _ in range(per_day):
                    service, desk = rng.choice(services), rng.choice(desks)
                    created = opens + dt.timedelta(seconds=rng.randrange(0, 8 * 3600))
                    called = created + dt.timedelta(seconds=rng.randrange(0, 3600))
                    finished = called + dt.timedelta(seconds=rng.randrange(120, 1800))
                    status = rng.choices(["done", "no_show", "transferred", "waiting"], [90, 5, 3, 2])[0]
                    appointment = None
                    if rng.random() < 0.25:
                        appointment = Appointment(
                            location=location,
                            service=service,
                            desk=desk,
                            start=created + dt.timedelta(minutes=5),
                            end=created + dt.timedelta(minutes=20),
                            channel="online",
                            status="served",
                            name="Bench",
                            email="bench@example.org",
                            checked_in_at=created,
                        )
                        appointments.append(appointment)
                    queue = booked if appointment else walk_in
                    numbers[queue.pk] += 1
                    tickets.append(
                        Ticket(
                            location=location,
                            queue=queue,
                            day=day,
                            number=numbers[queue.pk],
                            code=f"{queue.letter}{numbers[queue.pk]:03d}",
                            service=None if appointment else service,
                            appointment=appointment,
                            status=status,
                            desk=None if status == "waiting" else desk,
                            created_at=created,
                            called_at=None if status == "waiting" else called,
                            served_at=called if status == "done" else None,
                            finished_at=finished if status == "done" else None,
                            public_token=f"{location.pk}-{day:%d}-{queue.letter}{numbers[queue.pk]}",
                        )
                    )
                for _ in range(per_day // 20):  # appointments nobody came for
                    start = opens + dt.timedelta(minutes=rng.randrange(0, 480))
                    appointments.append(
                        Appointment(
                            location=location,
                            service=rng.choice(services),
                            desk=rng.choice(desks),
                            start=start,
                            end=start + dt.timedelta(minutes=15),
                            channel="phone",
                            status="no_show",
                        )
                    )
        Appointment.objects.bulk_create(appointments, batch_size=2000)
        for ticket in tickets:
            ticket.appointment_id = ticket.appointment.pk if ticket.appointment else None
        Ticket.objects.bulk_create(tickets, batch_size=2000)


def timed(call, runs: int) -> tuple[float, float]:
    call()  # warm: templates compiled, connection open
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds) * 1000, max(seconds) * 1000


def main() -> int:
    args = parse()
    database = scratch_database(sqlite_name="loket-bench-figures.sqlite3")
    django_ready()
    from django.conf import settings
    from django.test import Client

    from loket.accounts.models import Role, User
    from loket.counters.figures import counter_figures
    from loket.counters.models import Appointment, Ticket
    from loket.organisation.models import Location

    began = time.perf_counter()
    fill(args.tickets, random.Random(3))
    print(f"{database}: {Ticket.objects.count()} tickets, {Appointment.objects.count()} appointments "
          f"over {len(MONTH)} working days, loaded in {time.perf_counter() - began:.1f} s")  # fmt: skip
    manager = User.objects.create_user(username="bench-manager", password="x", role=Role.MANAGER)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(manager)
    berchem = Location.objects.get(slug="districtshuis-berchem")
    month = {"start": MONTH[0], "end": MONTH[-1]}
    query = {"start": MONTH[0].isoformat(), "end": MONTH[-1].isoformat()}

    def page(url: str) -> None:
        response = client.get(url, query)
        assert response.status_code == 200, response.status_code

    checks = [
        ("counter_figures, month, all locations", lambda: counter_figures(**month)),
        ("counter_figures, month, one location", lambda: counter_figures(**month, location=berchem)),
        ("counter_figures, one day, all locations", lambda: counter_figures(start=MONTH[5], end=MONTH[5])),
        ("GET /loketten-cijfers/ (month, all)", lambda: page("/loketten-cijfers/")),
        ("GET /loketten-cijfers.csv (month, all)", lambda: page("/loketten-cijfers.csv")),
    ]
    figures = counter_figures(**month)
    print(f"month: {figures.total.visitors} visitors, waiting median {figures.total.waiting.median_minutes:.1f} min")
    print(f"{'measure':42} {'median ms':>10} {'max ms':>10}  (runs: {args.runs})")
    worst = 0.0
    for label, call in checks:
        median, most = timed(call, args.runs)
        worst = max(worst, most) if label.startswith("GET /loketten-cijfers/") else worst
        print(f"{label:42} {median:10.0f} {most:10.0f}")
    verdict = "OK" if worst < 1000 else "TOO SLOW"
    print(f"page for a month: max {worst:.0f} ms — target well under 1000 ms: {verdict}")
    return 0 if worst < 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
