"""The helpdesk's periodic deadline check over 100,000 open questions (issue 5: <= 5 s).

    .venv/bin/python bench/helpdesk_deadline_check.py            # SQLite, /tmp/loket-bench-helpdesk.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_helpdesk \
        .venv/bin/python bench/helpdesk_deadline_check.py
    options: --questions 100000 --runs 5

The database is created and migrated when needed and filled once with ``--questions`` open questions
(kept between runs): asked over the last 30 days by the ten districts, in office hours and out of
them, with their four moments computed in business time like ``question_ask`` does; a fifth have had a
first response, a tenth are answered, a tenth wait for the asker (paused). Measured, each ``--runs``
times from the same starting state (the stamps of a run are undone afterwards):

- steady state: every moment up to five minutes ago was handled by earlier runs; this run finds
  the moments of the last five minutes — what the job every five minutes does all day;
- idle: the run right after, with nothing left to do;
- backlog: nothing was ever handled (a first run after a long outage): every moment that has come
  fires at once — the worst case.

The mails are queued (not sent): they go out from their own job after commit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import operator
import random
import statistics
import sys
import time
from functools import reduce
from pathlib import Path

from _setup import django_ready, kept_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
MARK = "BHD"
STAMPS = ("response_warned_at", "response_escalated_at", "answer_warned_at", "answer_escalated_at")
MOMENTS = {
    "response_warned_at": "response_warn_at",
    "response_escalated_at": "response_due",
    "answer_warned_at": "answer_warn_at",
    "answer_escalated_at": "answer_due",
}


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args()


def fill(total: int, now: dt.datetime) -> None:
    from loket.cases.models import Case
    from loket.helpdesk.clock import business_calendar, clock_moments, targets_for
    from loket.helpdesk.models import QuestionSla, QuestionTopic
    from loket.organisation.models import District, Team

    have = Case.objects.filter(reference__startswith=f"{MARK}-").count()
    if have >= total:
        print(f"{have} questions present")
        return
    rng = random.Random(5)
    districts = list(District.objects.order_by("slug"))
    team = Team.objects.filter(slug="stad-helpdesk").first()
    calendar = business_calendar()
    targets = {topic: targets_for(topic) for topic in QuestionTopic.values}
    cache: dict[tuple[str, dt.datetime], dict[str, dt.datetime]] = {}
    started = time.perf_counter()
    cases: list[Case] = []
    slas: list[QuestionSla] = []
    for n in range(have, total):
        topic = rng.choice(QuestionTopic.values)
        # Asked in the last 30 days, on a five-minute grid (so the business-time sums can be shared).
        asked = now - dt.timedelta(minutes=5 * rng.randrange(0, 30 * 24 * 12))
        key = (topic, asked)
        if key not in cache:
            cache[key] = clock_moments(calendar=calendar, start=asked, targets=targets[topic])
        moments = cache[key]
        roll = rng.random()
        status = (
            "assigned" if roll < 0.2 else "answered" if roll < 0.3 else "waiting_for_asker" if roll < 0.4 else "new"
        )
        responded = min(now, asked + dt.timedelta(minutes=rng.randrange(10, 600))) if status != "new" else None
        district = rng.choice(districts)
        cases.append(
            Case(
                reference=f"{MARK}-{n:09d}",
                kind="question",
                title="Benchmarkvraag",
                status=status,
                channel="internal",
                requesting_district=district,
                district=district,
                location_district=district,
                team=team,
                deadline=moments["answer_due"].date(),
            )
        )
        slas.append(
            QuestionSla(
                topic=topic,
                asked_at=asked,
                first_response_at=responded,
                answered_at=responded if status == "answered" else None,
                paused_since=responded if status in ("answered", "waiting_for_asker") else None,
                **moments,
            )
        )
        if len(cases) == 5_000:
            _store(cases, slas)
            cases, slas = [], []
            if (n + 1) % 20_000 == 0:
                print(f"  {n + 1} questions ({time.perf_counter() - started:.0f} s)", flush=True)
    if cases:
        _store(cases, slas)
    print(f"filled {total - have} questions in {time.perf_counter() - started:.0f} s")


def _store(cases: list, slas: list) -> None:
    from django.db import transaction

    from loket.cases.models import Case
    from loket.helpdesk.models import QuestionSla

    with transaction.atomic():
        Case.objects.bulk_create(cases)
        stored = dict(Case.objects.filter(reference__in=[c.reference for c in cases]).values_list("reference", "pk"))
        for case, sla in zip(cases, slas, strict=True):
            sla.case_id = stored[case.reference]
        QuestionSla.objects.bulk_create(slas)


def analyze(table: str = "") -> None:
    """Planner statistics (and, on PostgreSQL, the dead rows of the last bulk UPDATE vacuumed)."""
    from django.db import connection

    with connection.cursor() as cursor:
        command = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
        cursor.execute(f"{command} {table}".strip())


def state_handled_until(moment: dt.datetime | None) -> None:
    """Every alert whose moment is at or before ``moment`` counts as sent by an earlier run; the rest
    as not sent (None: nothing was ever sent)."""
    from django.db.models import Case as Switch
    from django.db.models import F, Q, Value, When

    from loket.helpdesk.models import QuestionSla

    updates: dict[str, object] = {}
    for stamp, field in MOMENTS.items():
        if moment is None:
            updates[stamp] = Value(None)
        else:
            updates[stamp] = Switch(When(Q(**{f"{field}__lte": moment}), then=F(field)), default=Value(None))
    QuestionSla.objects.update(**updates)
    analyze("helpdesk_questionsla")  # as autovacuum would have while the stamps were written over days


def run_once(now: dt.datetime) -> tuple[float, dict[str, int]]:
    from loket.helpdesk.deadlines import questions_check_deadlines

    start = time.perf_counter()
    counts = questions_check_deadlines(now=now)
    return time.perf_counter() - start, counts


def undo(now: dt.datetime) -> None:
    from loket.helpdesk.models import QuestionSla

    for stamp in STAMPS:
        QuestionSla.objects.filter(**{stamp: now}).update(**{stamp: None})


def report(label: str, times: list[float], counts: dict[str, int]) -> None:
    alerts = sum(counts.values())
    print(
        f"{label:<44} median {statistics.median(times):6.3f} s   max {max(times):6.3f} s   "
        f"({alerts} alerts: {', '.join(f'{k} {v}' for k, v in counts.items() if v) or 'none'})"
    )


def main() -> None:
    args = parse()
    engine = kept_database(sqlite_name="loket-bench-helpdesk.sqlite3")
    django_ready(demo=("organisation", "catalogue", "helpdesk"), atomic=False)
    from django.db import connection
    from django.utils import timezone

    from loket.helpdesk.deadlines import ALERTS
    from loket.helpdesk.models import QuestionSla

    # A Wednesday afternoon in office hours, fixed so that every run sees the same moments.
    now = timezone.make_aware(dt.datetime(2026, 3, 18, 14, 2, 30))
    fill(args.questions, now)
    analyze()
    open_count = QuestionSla.objects.filter(closed_at__isnull=True).count()
    print(f"{engine}: {open_count} open questions; {args.runs} runs per scenario, check at {now.isoformat()}")

    state_handled_until(now - dt.timedelta(minutes=5))
    with connection.cursor() as cursor:
        anything = reduce(operator.or_, (alert.pending(now) for alert in ALERTS))
        sql, params = QuestionSla.objects.filter(anything).values("pk").query.sql_with_params()
        prefix = "EXPLAIN " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
        cursor.execute(prefix + sql, params)
        print("plan (the questions due now):", " | ".join(str(row[-1]).strip() for row in cursor.fetchall()[:8]))

    steady, idle = [], []
    counts: dict[str, int] = {}
    idle_counts: dict[str, int] = {}
    for _ in range(args.runs):
        elapsed, counts = run_once(now)
        steady.append(elapsed)
        elapsed, idle_counts = run_once(now + dt.timedelta(seconds=1))
        idle.append(elapsed)
        undo(now)
    report("steady state (the last five minutes' moments)", steady, counts)
    report("idle (right after, nothing to do)", idle, idle_counts)

    backlog = []
    for _ in range(args.runs):
        state_handled_until(None)
        elapsed, counts = run_once(now)
        backlog.append(elapsed)
    report("backlog (nothing ever handled)", backlog, counts)
    state_handled_until(now - dt.timedelta(minutes=5))
    worst = max(max(steady), max(backlog))
    print(f"figure: the deadline check over {open_count} open questions takes at most {worst:.2f} s (target 5 s)")


if __name__ == "__main__":
    main()
