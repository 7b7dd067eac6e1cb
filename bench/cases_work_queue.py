"""The back office's work queue over 1,000,000 cases: p95 of the selector and of the page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_workqueue .venv/bin/python bench/cases_work_queue.py
    .venv/bin/python bench/cases_work_queue.py          # SQLite, /tmp/loket-bench-workqueue.sqlite3
    options: --cases 1000000 --runs 200

The database is created and migrated when needed, then filled once with ``--cases`` cases
(bulk inserts; kept between runs). The cases spread over the ten districts and the city level,
three kinds and their statuses; about two thirds are closed, as in a year of real work.
Measured (warm, one process, ``--runs`` times each):

- the selector ``work_queue_page`` (25 rows + the capped count) for a city back-office user
  filtered by status and district, ordered by deadline — the figure of issue 4 (p95 <= 50 ms);
- the same for page 10, for the default "every open case of my team" queue and for a
  district's staff (their scope is "competent OR requesting district");
- the page ``GET /werkbak/?status=…&district=…`` through Django's test client (session, rules,
  filter form, template).
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
MARK = "BWQ"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=200)
    return parser.parse_args()


STATUSES = {
    "request": (["received", "in_progress", "waiting_for_citizen", "decided"], ["closed", "rejected", "withdrawn"]),
    "report": (["received", "in_progress", "planned"], ["done", "forwarded", "duplicate", "rejected"]),
    "question": (["new", "assigned", "answered", "waiting_for_asker"], ["closed"]),
}


def fill(total: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from loket.accounts.models import Role, User
    from loket.cases.models import Case
    from loket.organisation.models import District, Team

    have = Case.objects.filter(reference__startswith=f"{MARK}-").count()
    if have >= total:
        print(f"{have} cases present")
        analyze()
        return
    rng = random.Random(4)
    districts = list(District.objects.order_by("slug"))
    district_teams = {d.pk: list(Team.objects.filter(district=d)) for d in districts}
    city_teams = list(Team.objects.filter(level="city"))
    staff = [
        User.objects.get_or_create(username=f"bench-bo-{n}", defaults={"role": Role.BACKOFFICE})[0] for n in range(20)
    ]
    today = timezone.localdate()
    now = timezone.now()
    kinds = list(STATUSES)
    started = time.perf_counter()
    batch: list[Case] = []
    for n in range(have, total):
        kind = kinds[n % 3]
        open_statuses, closed_statuses = STATUSES[kind]
        closed = rng.random() < 0.66
        status = rng.choice(closed_statuses if closed else open_statuses)
        city_level = rng.random() < 0.15
        district = None if city_level else rng.choice(districts)
        team = rng.choice(city_teams) if city_level else rng.choice(district_teams[district.pk] or city_teams)  # type: ignore[union-attr]
        located = district or rng.choice(districts)
        batch.append(
            Case(
                reference=f"{MARK}-{n:09d}",
                kind=kind,
                title="Benchmarkzaak",
                status=status,
                channel="online",
                district=district,
                # One question in ten was asked by a district (an internal question to a city service).
                requesting_district=rng.choice(districts) if kind == "question" and n % 10 == 0 else None,
                location_district=located,
                team=team,
                assignee=rng.choice(staff) if rng.random() < 0.5 else None,
                deadline=today + dt.timedelta(days=rng.randint(-200, 200)),
                paused_since=today if status.startswith("waiting") else None,
                closed_at=now if closed else None,
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
    analyze()
    print(f"filled {total - have} cases in {time.perf_counter() - started:.0f} s")


def analyze() -> None:
    """Planner statistics for the indexes (a new migration may have added one)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_case" if connection.vendor == "postgresql" else "ANALYZE")


def measure(label: str, runs: int, call: Callable[[], object]) -> None:
    for _ in range(5):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label:<62} p50 {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms   max {times[-1]:6.2f} ms")


def main() -> None:
    args = parse()
    engine = kept_database(sqlite_name="loket-bench-workqueue.sqlite3")
    django_ready(atomic=False)
    fill(args.cases)
    from django.db import connection
    from django.test import Client

    from loket.accounts.models import Role, User
    from loket.cases.backoffice import WorkQueueFilters, work_queue_page, work_queue_queryset
    from loket.organisation.models import District, Team

    berchem = District.objects.get(slug="berchem")
    team = Team.objects.filter(district=berchem).order_by("slug").first()
    backoffice, _ = User.objects.get_or_create(username="bench-backoffice", defaults={"role": Role.BACKOFFICE})
    district_staff, _ = User.objects.get_or_create(
        username="bench-district-berchem", defaults={"role": Role.DISTRICT_STAFF, "district": berchem}
    )
    by_status = WorkQueueFilters(status="in_progress", district="berchem")
    print(f"{engine}: {User.objects.count()} users, work queue over the bench cases; {args.runs} runs each")
    query = work_queue_queryset(user=backoffice, filters=by_status)[:26]
    with connection.cursor() as cursor:
        sql, params = query.query.sql_with_params()
        prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        cursor.execute(prefix + sql, params)
        print("plan:", " | ".join(str(row[-1]).strip() for row in cursor.fetchall()[:6]))

    measure(
        "selector: status + district, page 1 (25 rows + capped count)",
        args.runs,
        lambda: work_queue_page(user=backoffice, filters=by_status),
    )
    measure(
        "selector: status + district, page 10",
        args.runs,
        lambda: work_queue_page(user=backoffice, filters=by_status, page=10),
    )
    team_open = WorkQueueFilters(team=team.slug if team else "")
    measure(
        "selector: every open case of a district team",
        args.runs,
        lambda: work_queue_page(user=backoffice, filters=team_open),
    )
    measure(
        "selector: district staff, their open cases (OR scope)",
        args.runs,
        lambda: work_queue_page(user=district_staff, filters=WorkQueueFilters()),
    )
    measure(
        "selector: district staff, status in_progress",
        args.runs,
        lambda: work_queue_page(user=district_staff, filters=WorkQueueFilters(status="in_progress")),
    )
    client = Client()
    client.force_login(backoffice)
    url = "/werkbak/?status=in_progress&district=berchem&team="

    def page() -> None:
        response = client.get(url, HTTP_HOST="localhost")
        assert response.status_code == 200, response.status_code

    measure("page: GET /werkbak/?status=in_progress&district=berchem", args.runs, page)


if __name__ == "__main__":
    main()
