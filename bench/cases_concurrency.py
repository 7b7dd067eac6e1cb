"""Concurrent case creation: N writers create M cases; no duplicate and no gap in the references.

Each writer (a thread or a process) has its own database connection and calls the real
``case_create`` (routing through the competences register, deadline, history, audit).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench .venv/bin/python bench/cases_concurrency.py
    .venv/bin/python bench/cases_concurrency.py            # SQLite, a scratch file under /tmp
    options: --writers 50 --cases 5000 --mode threads|processes

The database is created (PostgreSQL) and migrated if needed; earlier runs are left alone:
the check covers the numbers issued by this run (counter before → counter after).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import threading
import time
from pathlib import Path

from _setup import SQLITE_WAL, django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

KIND, PREFIX = "bench", "BNC"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--mode", choices=["threads", "processes"], default="threads")
    return parser.parse_args()


def setup_django() -> None:
    django_ready(demo=())
    from loket.cases.workflows import Workflow, workflow_register

    workflow_register(
        Workflow(
            kind=KIND,
            prefix=PREFIX,
            label_text="benchmark",
            initial="new",
            statuses={"new": "nieuw"},
            transitions={},
            default_handling_days=10,
        ),
        replace=True,
    )


def fixtures() -> tuple[int, int, int]:
    """(actor id, topic id, counter value before the run) — a city topic routed to a city team."""
    from django.db import transaction
    from django.utils import timezone

    from loket.accounts.models import Role, User
    from loket.cases.models import ReferenceCounter
    from loket.catalogue.models import Competence, Level, Topic
    from loket.organisation.models import Team

    with transaction.atomic():
        team, _ = Team.objects.get_or_create(slug="bench-team", defaults={"name": "Bench", "level": Team.Level.CITY})
        topic, _ = Topic.objects.get_or_create(slug="bench-topic", defaults={"name": "Bench", "level": Level.CITY})
        Competence.objects.get_or_create(topic=topic, district=None, defaults={"team": team})
        actor, _ = User.objects.get_or_create(username="bench-agent", defaults={"role": Role.AGENT})
    counter = ReferenceCounter.objects.filter(prefix=PREFIX, year=timezone.localdate().year).first()
    return actor.pk, topic.pk, counter.last if counter else 0


def write(count: int, actor_id: int, topic_id: int, barrier: threading.Barrier | None, errors: list[str]) -> None:
    from django.db import connection

    from loket.accounts.models import User
    from loket.cases.services import case_create
    from loket.catalogue.models import Topic

    try:
        actor, topic = User.objects.get(pk=actor_id), Topic.objects.get(pk=topic_id)
        if barrier is not None:
            barrier.wait()
        for i in range(count):
            case_create(kind=KIND, title=f"Benchmark {i}", channel="api", actor=actor, topic=topic)
    except Exception as exc:  # reported by the main thread
        errors.append(repr(exc))
    finally:
        connection.close()


def _process_main(count: int, actor_id: int, topic_id: int, start_at: float, queue: multiprocessing.Queue) -> None:
    errors: list[str] = []
    time.sleep(max(0.0, start_at - time.time()))
    write(count, actor_id, topic_id, None, errors)
    queue.put(errors)


def run(args: argparse.Namespace, actor_id: int, topic_id: int) -> tuple[float, list[str]]:
    shares = [args.cases // args.writers + (1 if i < args.cases % args.writers else 0) for i in range(args.writers)]
    errors: list[str] = []
    if args.mode == "threads":
        barrier = threading.Barrier(args.writers + 1)
        threads = [threading.Thread(target=write, args=(n, actor_id, topic_id, barrier, errors)) for n in shares]
        for thread in threads:
            thread.start()
        barrier.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started, errors
    from django.db import connections

    connections.close_all()  # never share a connection across fork
    queue: multiprocessing.Queue = multiprocessing.Queue()
    start_at = time.time() + 2.0
    processes = [
        multiprocessing.Process(target=_process_main, args=(n, actor_id, topic_id, start_at, queue)) for n in shares
    ]
    for process in processes:
        process.start()
    for _ in processes:
        errors += queue.get()
    elapsed = time.time() - start_at
    for process in processes:
        process.join()
    return elapsed, errors


def verify(before: int, expected: int) -> tuple[bool, str]:
    from django.utils import timezone

    from loket.cases.models import Case, ReferenceCounter

    year = timezone.localdate().year
    references = list(
        Case.objects.filter(kind=KIND, reference__startswith=f"{PREFIX}-{year}-").values_list("reference", flat=True)
    )
    numbers = [int(r.rsplit("-", 1)[1]) for r in references]
    mine = sorted(n for n in numbers if n > before)
    duplicates = len(mine) - len(set(mine))
    wanted = list(range(before + 1, before + expected + 1))
    gaps = len(set(wanted) - set(mine))
    last = ReferenceCounter.objects.get(prefix=PREFIX, year=year).last
    ok = duplicates == 0 and gaps == 0 and mine == wanted and last == before + expected
    return (
        ok,
        f"issued {len(mine)} ({PREFIX}-{year}-{before + 1:06d} … {last:06d}), duplicates {duplicates}, gaps {gaps}",
    )


def main() -> int:
    args = parse()
    database = scratch_database(
        sqlite_name="loket-bench-cases.sqlite3", sqlite_label=SQLITE_WAL, recreate_postgres=False
    )
    setup_django()
    actor_id, topic_id, before = fixtures()
    elapsed, errors = run(args, actor_id, topic_id)
    ok, summary = verify(before, args.cases)
    print(f"database     {database}")
    print(f"writers      {args.writers} {args.mode}, {args.cases} cases")
    print(f"elapsed      {elapsed:.2f} s")
    print(f"throughput   {args.cases / elapsed:.0f} cases/s")
    print(f"references   {summary}")
    print(f"errors       {len(errors)}" + (f": {errors[:3]}" if errors else ""))
    print("RESULT       " + ("OK: no duplicate, no gap" if ok and not errors else "FAILED"))
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
