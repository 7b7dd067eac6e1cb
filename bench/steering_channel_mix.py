"""The channel mix over 1,000,000 cases and 300,000 contact moments: p95 of the selector.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_steering .venv/bin/python bench/steering_channel_mix.py
    .venv/bin/python bench/steering_channel_mix.py          # SQLite, /tmp/loket-bench-steering.sqlite3
    options: --cases 1000000 --contacts 300000 --days 730 --runs 50 --no-candidates

The database is created and migrated when needed, then filled once (bulk inserts; kept between
runs): ``--cases`` cases and ``--contacts`` contact moments spread evenly over the last ``--days``
days, over the demo's services, topics, districts and locations, in a realistic channel mix;
20,000 citizens with a district give the contacts their district. Measured (warm, one process,
``--runs`` times each): ``steering.selectors.channel_mix`` for the page's default (the last 30
days per service), per district, per topic, for one district, and for a whole year.

Then, unless ``--no-candidates``, the same again with each candidate index on ``cases_case``
(created here, dropped afterwards, so the database stays as the migrations leave it): the plain
``(created_at)`` index a migration would add, and a covering one (PostgreSQL: ``INCLUDE`` the
grouped columns; SQLite: all of them in the key). The query plans are printed for each.
Since the migrations cases 0006 and citizens 0002 (``case_created_channel_mix``,
``contact_at_channel_mix``) the schema as migrated already has the covering indexes, so the
candidates add nothing; ``--no-candidates`` skips them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _setup import django_ready, kept_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
MARK = "BSM"
CASE_CHANNELS = [("online", 55), ("phone", 20), ("counter", 15), ("email", 7), ("api", 2), ("internal", 1)]
CONTACT_CHANNELS = [("phone", 45), ("counter", 30), ("email", 12), ("online", 8), ("chat", 5)]
COVERED = ["channel", "service_id", "topic_id", "location_district_id", "district_id"]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--contacts", type=int, default=300_000)
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-candidates", action="store_true", help="measure only the schema as migrated")
    return parser.parse_args()


def weighted(rng: random.Random, choices: list[tuple[str, int]]) -> Callable[[], str]:
    values, weights = zip(*choices, strict=True)
    return lambda: rng.choices(values, weights)[0]


def fill_cases(total: int, days: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from loket.cases.models import Case
    from loket.catalogue.models import Service
    from loket.organisation.models import District

    have = Case.objects.filter(reference__startswith=f"{MARK}-").count()
    if have >= total:
        print(f"{have} cases present")
        return
    rng = random.Random(8)
    channel = weighted(rng, CASE_CHANNELS)
    services = list(Service.objects.values_list("pk", "topic_id"))
    districts = list(District.objects.values_list("pk", flat=True))
    now = timezone.now()
    step = dt.timedelta(days=days) / total
    created_at = Case._meta.get_field("created_at")
    created_at.auto_now_add = False  # type: ignore[attr-defined]  # the bench spreads them over the days
    started = time.perf_counter()
    batch: list[Case] = []
    for n in range(have, total):
        service, topic = rng.choice(services) if rng.random() < 0.9 else (None, None)
        located = rng.choice(districts) if rng.random() < 0.85 else None
        competent = rng.choice([located, located, None]) if located else rng.choice([*districts, None])
        batch.append(
            Case(
                reference=f"{MARK}-{n:09d}",
                kind="request",
                title="Benchmarkzaak",
                status="received",
                channel=channel(),
                service_id=service,
                topic_id=topic,
                location_district_id=located,
                district_id=competent,
                created_at=now - dt.timedelta(days=days) + step * n,
            )
        )
        if len(batch) == 10_000:
            with transaction.atomic():
                Case.objects.bulk_create(batch)
            batch = []
            if (n + 1) % 100_000 == 0:
                print(f"  {n + 1} cases ({time.perf_counter() - started:.0f} s)", flush=True)
    if batch:
        with transaction.atomic():
            Case.objects.bulk_create(batch)
    created_at.auto_now_add = True  # type: ignore[attr-defined]
    print(f"filled {total - have} cases in {time.perf_counter() - started:.0f} s")


def fill_contacts(total: int, days: int) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from loket.accounts.models import Role, User
    from loket.catalogue.models import Service
    from loket.citizens.models import Citizen, ContactMoment
    from loket.organisation.models import District, Location

    have = ContactMoment.objects.filter(notes=MARK).count()
    if have >= total:
        print(f"{have} contact moments present")
        return
    rng = random.Random(9)
    started = time.perf_counter()
    districts = list(District.objects.values_list("pk", flat=True))
    if not Citizen.objects.filter(user__username__startswith="bench-sm-").exists():
        unusable = make_password(None)
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(username=f"bench-sm-{n}", role=Role.CITIZEN, password=unusable) for n in range(20_000)
            )
            Citizen.objects.bulk_create(
                Citizen(user=user, district_id=rng.choice(districts) if rng.random() < 0.95 else None) for user in users
            )
    citizens = list(Citizen.objects.filter(user__username__startswith="bench-sm-").values_list("pk", flat=True))
    locations = list(Location.objects.values_list("pk", flat=True))
    services = list(Service.objects.values_list("pk", "topic_id"))
    channel = weighted(rng, CONTACT_CHANNELS)
    now = timezone.now()
    step = dt.timedelta(days=days) / total
    batch: list[ContactMoment] = []
    for n in range(have, total):
        kind = channel()
        service, topic = rng.choice(services) if rng.random() < 0.8 else (None, None)
        batch.append(
            ContactMoment(
                citizen_id=rng.choice(citizens) if rng.random() < 0.8 else None,
                location_id=rng.choice(locations) if kind == "counter" else None,
                channel=kind,
                service_id=service,
                topic_id=topic,
                outcome=ContactMoment.Outcome.ANSWERED,
                notes=MARK,
                at=now - dt.timedelta(days=days) + step * n,
            )
        )
        if len(batch) == 10_000:
            with transaction.atomic():
                ContactMoment.objects.bulk_create(batch)
            batch = []
    if batch:
        with transaction.atomic():
            ContactMoment.objects.bulk_create(batch)
    print(f"filled {total - have} contact moments in {time.perf_counter() - started:.0f} s")


def analyze() -> None:
    """Planner statistics (and, on PostgreSQL, the visibility map that index-only scans need)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE cases_case")
            cursor.execute("VACUUM ANALYZE citizens_contactmoment")
        else:
            cursor.execute("ANALYZE")


def plan(label: str, queryset: object) -> None:
    from django.db import connection

    sql, params = queryset.query.sql_with_params()  # type: ignore[attr-defined]
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        lines = [str(row[-1]).strip() for row in cursor.fetchall()]
    print(f"  plan, {label}: " + " | ".join(line for line in lines if line)[:600])


def measure(label: str, runs: int, call: Callable[[], object]) -> None:
    for _ in range(3):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    print(f"  {label:<58} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   max {times[-1]:7.1f} ms")


def measure_all(runs: int) -> None:
    from django.utils import timezone

    from loket.organisation.models import District
    from loket.steering import selectors

    today = timezone.localdate()
    month = {"date_from": today - dt.timedelta(days=29), "date_to": today}
    year = {"date_from": today - dt.timedelta(days=364), "date_to": today}
    berchem = District.objects.get(slug="berchem")
    start, end = selectors.period_bounds(**month)
    plan("cases per service", selectors._case_counts(start=start, end=end, group_by="service", district=None))
    plan("contacts per district", selectors._contact_counts(start=start, end=end, group_by="district", district=None))
    result = selectors.channel_mix(**month, group_by="service")
    print(f"  30 days: {result.cases.totals.total} cases, {result.contacts.totals.total} contact moments")
    for group_by in ("service", "district", "topic"):
        measure(
            f"channel_mix, last 30 days per {group_by}",
            runs,
            lambda group_by=group_by: selectors.channel_mix(**month, group_by=group_by),  # type: ignore[misc]
        )
    measure(
        "channel_mix, last 30 days per service, district Berchem",
        runs,
        lambda: selectors.channel_mix(**month, group_by="service", district=berchem),
    )
    measure(
        "channel_mix, last 365 days per district",
        max(runs // 5, 5),
        lambda: selectors.channel_mix(**year, group_by="district"),
    )


def candidate(name: str, sql: str | None, runs: int) -> None:
    from django.db import connection

    if sql is None:
        print("as migrated:")
        measure_all(runs)
        return
    print(f"with the candidate index {name}:")
    with connection.cursor() as cursor:
        cursor.execute(sql)
    try:
        analyze()
        measure_all(runs)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


def main() -> None:
    args = parse()
    engine = kept_database(sqlite_name="loket-bench-steering.sqlite3")
    django_ready(atomic=False)
    fill_cases(args.cases, args.days)
    fill_contacts(args.contacts, args.days)
    analyze()
    from django.db import connection

    from loket.cases.models import Case
    from loket.citizens.models import ContactMoment

    print(f"{engine}: {Case.objects.count()} cases, {ContactMoment.objects.count()} contact moments; {args.runs} runs")
    candidate("", None, args.runs)
    if args.no_candidates:
        return
    candidate("bench_case_created", "CREATE INDEX bench_case_created ON cases_case (created_at)", args.runs)
    covering = (
        f"CREATE INDEX bench_case_created_cover ON cases_case (created_at) INCLUDE ({', '.join(COVERED)})"
        if connection.vendor == "postgresql"
        else f"CREATE INDEX bench_case_created_cover ON cases_case (created_at, {', '.join(COVERED)})"
    )
    candidate("bench_case_created_cover", covering, args.runs)


if __name__ == "__main__":
    main()
