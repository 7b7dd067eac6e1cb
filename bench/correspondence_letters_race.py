"""Concurrent letter registration: N writers register letters at the same moment; the BRF
references must have no duplicate and no gap.

Each writer is a thread with its own database connection calling the real ``letter_register``
(party lookup, reply deadline in working days, locked reference counter, audit).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_letters \
        .venv/bin/python bench/correspondence_letters_race.py
    .venv/bin/python bench/correspondence_letters_race.py     # SQLite, a scratch file under /tmp
    options: --writers 50 --letters 50 (per writer: letters / writers)

The database is created (PostgreSQL) if needed; the check covers the numbers issued by this run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading
import time
from pathlib import Path

from _setup import SQLITE_WAL, django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--letters", type=int, default=50)
    return parser.parse_args()


def counter_now() -> int:
    from django.utils import timezone

    from loket.cases.models import ReferenceCounter

    counter = ReferenceCounter.objects.filter(prefix="BRF", year=timezone.localdate().year).first()
    return counter.last if counter else 0


def write(count: int, actor_id: int, barrier: threading.Barrier, errors: list[str]) -> None:
    from django.db import connection

    from loket.accounts.models import User
    from loket.correspondence.services import letter_register

    try:
        actor = User.objects.get(pk=actor_id)
        barrier.wait()
        for i in range(count):
            letter_register(
                actor=actor,
                sender="district_council:berchem",
                recipients=["city_college", "city_service:stad-mobiliteit"],
                subject=f"Benchmarkbrief {i}",
                letter_date=dt.date.today(),
                body="Geachte,",
                reply_expected=True,
                reply_days=10,
            )
    except Exception as exc:  # reported by the main thread
        errors.append(repr(exc))
    finally:
        connection.close()


def main() -> int:
    args = parse()
    database = scratch_database(
        sqlite_name="loket-bench-letters.sqlite3", sqlite_label=SQLITE_WAL, recreate_postgres=False
    )
    django_ready(demo=("organisation",))
    from django.utils import timezone

    from loket.accounts.models import Role, User
    from loket.correspondence.models import Letter

    actor, _created = User.objects.get_or_create(username="bench-helpdesk", defaults={"role": Role.HELPDESK})
    before = counter_now()
    shares = [args.letters // args.writers + (1 if i < args.letters % args.writers else 0) for i in range(args.writers)]
    errors: list[str] = []
    barrier = threading.Barrier(args.writers + 1)
    threads = [threading.Thread(target=write, args=(n, actor.pk, barrier, errors)) for n in shares]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    year = timezone.localdate().year
    numbers = sorted(
        int(ref.rsplit("-", 1)[1])
        for ref in Letter.objects.filter(reference__startswith=f"BRF-{year}-").values_list("reference", flat=True)
    )
    mine = [n for n in numbers if n > before]
    wanted = list(range(before + 1, before + args.letters + 1))
    duplicates, gaps = len(mine) - len(set(mine)), len(set(wanted) - set(mine))
    ok = mine == wanted and counter_now() == before + args.letters and not errors
    print(f"database     {database}")
    print(f"writers      {args.writers} threads, {args.letters} letters")
    print(f"elapsed      {elapsed:.2f} s ({args.letters / elapsed:.0f} letters/s)")
    print(f"references   BRF-{year}-{before + 1:06d} … {counter_now():06d}: duplicates {duplicates}, gaps {gaps}")
    print(f"errors       {len(errors)}" + (f": {errors[:3]}" if errors else ""))
    print("RESULT       " + ("OK: no duplicate, no gap" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
