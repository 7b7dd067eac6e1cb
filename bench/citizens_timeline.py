"""A citizen timeline of 500 items (cases, appointments, contact moments): p95 ≤ 50 ms in process.

    .venv/bin/python bench/citizens_timeline.py                 # SQLite, a scratch file under /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_citizens .venv/bin/python bench/citizens_timeline.py
    options: --others 2000 --runs 200

The database gets the organisation and catalogue demo, ``--others`` other citizens with 5 cases,
5 contact moments and 2 appointments each (so the indexes matter), and one citizen with 200 cases,
200 contact moments and 100 appointments. Measured: ``citizen_timeline(citizen=, limit=500)``
(all three sources) and the API answer ``GET /api/v1/citizens/{id}/timeline/`` (incl. its audit line).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from _setup import django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--others", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    return parser.parse_args()


def fill(others: int) -> int:
    """Bulk-insert the data; returns the id of the citizen with 500 timeline items."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from loket.accounts.models import Role, User
    from loket.cases.models import Case
    from loket.catalogue.models import Service
    from loket.citizens.models import Citizen, ContactMoment
    from loket.counters.models import Appointment, Desk
    from loket.organisation.models import Location

    service = Service.objects.order_by("id").first()
    assert service is not None
    location = Location.objects.order_by("id").first()
    assert location is not None
    desk, _ = Desk.objects.get_or_create(location=location, name="Bench")
    now = timezone.now()
    password = make_password(None)
    with transaction.atomic():
        users = User.objects.bulk_create(
            [
                User(username=f"bench-{i}", role=Role.CITIZEN, password=password, last_name=f"B{i}")
                for i in range(others + 1)
            ]
        )
        citizens = Citizen.objects.bulk_create(
            [Citizen(user=u, last_name_key=u.last_name.lower(), phone=f"+3247{i:07d}") for i, u in enumerate(users)]
        )
        target = citizens[-1]
        plan = [(u, c, 5, 5, 2) for u, c in zip(users[:-1], citizens[:-1], strict=True)]
        plan.append((users[-1], target, 200, 200, 100))
        cases, moments, appointments = [], [], []
        n = 0
        for user, citizen, n_cases, n_moments, n_appts in plan:
            for k in range(n_cases):
                n += 1
                cases.append(
                    Case(
                        reference=f"REQ-2026-{n:06d}",
                        kind="request",
                        title=f"Aanvraag {k}",
                        status="received",
                        channel="online",
                        service=service,
                        citizen=user,
                    )
                )
            for k in range(n_moments):
                moments.append(
                    ContactMoment(
                        citizen=citizen,
                        channel="phone",
                        outcome="answered",
                        service=service,
                        at=now - dt.timedelta(hours=k * 7),
                    )
                )
            for k in range(n_appts):
                start = now + dt.timedelta(days=k % 60, minutes=(k % 16) * 30 + user.pk % 30)
                appointments.append(
                    Appointment(
                        location=location,
                        service=service,
                        desk=desk,
                        start=start,
                        end=start + dt.timedelta(minutes=15),
                        channel="online",
                        status="booked",
                        citizen=user,
                    )
                )
        Case.objects.bulk_create(cases, batch_size=2000)
        ContactMoment.objects.bulk_create(moments, batch_size=2000)
        Appointment.objects.bulk_create(appointments, batch_size=2000)
    return target.pk


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   max {ordered[-1]:6.2f} ms"


def main() -> None:
    args = parse()
    engine = scratch_database(sqlite_name="loket-bench-citizens.sqlite3")
    django_ready()
    citizen_id = fill(args.others)
    from django.test import Client

    from loket.accounts.models import Role, User
    from loket.citizens.models import Citizen
    from loket.citizens.selectors import citizen_timeline

    citizen = Citizen.objects.select_related("user").get(pk=citizen_id)
    kinds: dict[str, int] = {}
    for item in citizen_timeline(citizen=citizen, limit=500):
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    print(f"{engine}: {args.others} other citizens; timeline of {sum(kinds.values())} items {kinds}")
    samples = []
    for _ in range(args.runs):
        started = time.perf_counter()
        citizen_timeline(citizen=Citizen.objects.select_related("user").get(pk=citizen_id), limit=500)
        samples.append((time.perf_counter() - started) * 1000)
    print(f"  citizen_timeline (incl. loading the citizen): {percentiles(samples)}")
    agent, _ = User.objects.get_or_create(username="bench-agent", defaults={"role": Role.AGENT})
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(agent)
    url = f"/api/v1/citizens/{citizen_id}/timeline/"
    assert client.get(url).status_code == 200
    samples = []
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(f"  GET {url} (JSON, audited):           {percentiles(samples)}")


if __name__ == "__main__":
    main()
