"""200 concurrent booking attempts for the last 10 places, through the real server on PostgreSQL.

    .venv/bin/python bench/counters_booking_race.py
    options: --attempts 200 --places 10 --workers 4 --database-url postgres://postgres@127.0.0.1:5432/loket_bench_booking

The database is (re)created, migrated and given the demo (organisation, catalogue, counters),
plus one bench counter with ``--places`` desks that serve the identity card, all online. gunicorn
serves the app on 127.0.0.1 with ``--workers`` processes; ``--attempts`` threads wait on a barrier
and POST /api/v1/appointments/ for the same slot at once (anonymous, online, distinct e-mails).
Expected: exactly ``places`` times 201 and the rest 409 ``slot_taken``, no other status; the
database then holds ``places`` booked appointments for the slot, each at its own desk.
Bounded: every request times out after 60 s; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/loket_bench_booking"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attempts", type=int, default=200)
    parser.add_argument("--places", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_URL)
    return parser.parse_args()


def create_database(url: str) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{config["NAME"]}"')


def prepare(places: int) -> tuple[int, str, str]:
    """Migrate, load the demo and a bench counter; (location id, service slug, slot start ISO)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from loket.catalogue import demo as catalogue_demo
    from loket.catalogue.models import Service
    from loket.counters import demo as counters_demo
    from loket.counters.booking import availability
    from loket.counters.models import CounterSettings, Desk
    from loket.organisation import demo as organisation_demo
    from loket.organisation.models import Location, OpeningHours

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        for module in (organisation_demo, catalogue_demo, counters_demo):
            module.load(log=lambda line: None)
        location = Location.objects.create(
            slug="bench-loket", name="Benchloket", kind=Location.Kind.CITY_COUNTER, street="Bench", number="1"
        )
        OpeningHours.objects.bulk_create(
            OpeningHours(location=location, weekday=day, opens=dt.time(9), closes=dt.time(17)) for day in range(7)
        )
        CounterSettings.objects.create(location=location, online_share=100, min_notice_minutes=0)
        service = Service.objects.get(slug="identiteitskaart")
        service.locations.add(location)
        for number in range(1, places + 1):
            Desk.objects.create(location=location, name=f"Loket {number}").services.add(service)
    today = dt.date.today()
    slots = availability(
        location=location,
        service=service,
        start_date=today + dt.timedelta(days=2),
        end_date=today + dt.timedelta(days=9),
    )
    slot = next(s for s in slots if s.remaining == places)
    return location.pk, service.slug, slot.start.isoformat()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, body: dict) -> tuple[int, str]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, "created"
    except urllib.error.HTTPError as error:
        try:
            code = json.loads(error.read() or b"{}").get("error", {}).get("code", "")
        except ValueError:
            code = "not json"
        return error.code, code
    except OSError as error:
        return 0, type(error).__name__


def wait_ready(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server never became ready")


def race(base: str, attempts: int, location: int, service: str, start: str) -> tuple[Counter[tuple[int, str]], float]:
    barrier = threading.Barrier(attempts + 1)
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def attempt(number: int) -> None:
        body = {
            "location": location,
            "service": service,
            "start": start,
            "name": f"Racer {number}",
            "email": f"racer{number}@example.org",
        }
        barrier.wait()
        outcome = post(base + "/api/v1/appointments/", body)
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join(timeout=120)
    return Counter(results), time.perf_counter() - started


def check_database(location: int, start: str) -> tuple[int, int]:
    from loket.counters.models import Appointment

    booked = Appointment.objects.filter(location_id=location, start=dt.datetime.fromisoformat(start), status="booked")
    return booked.count(), booked.values("desk_id").distinct().count()


def main() -> int:
    args = parse()
    create_database(args.database_url)
    var_dir = tempfile.mkdtemp(prefix="loket-bench-race-")
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "loket.settings",
        "LOKET_VAR_DIR": var_dir,
        "LOKET_QUEUE_NAME": "bench-race",
        "PYTHONPATH": str(ROOT / "src"),
    }
    os.environ.update(env)
    location, service, start = prepare(args.places)
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "loket.wsgi:application",
            *("--chdir", str(ROOT / "src"), "-w", str(args.workers), "-b", f"127.0.0.1:{port}"),
            *("--timeout", "120", "--backlog", "512"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, time.monotonic() + 60)
        counts, elapsed = race(base, args.attempts, location, service, start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    booked, desks = check_database(location, start)
    created = counts[(201, "created")]
    taken = counts[(409, "slot_taken")]
    other = sum(n for key, n in counts.items() if key not in {(201, "created"), (409, "slot_taken")})
    print(f"database      PostgreSQL ({args.database_url.rsplit('/', 1)[1]}), gunicorn {args.workers} workers")
    print(f"slot          {start} at the bench counter, {args.places} places, {args.attempts} attempts")
    print(f"elapsed       {elapsed:.2f} s")
    print(f"201 created   {created}")
    print(f"409 taken     {taken}")
    print(
        f"other         {other}"
        + (f": {dict((k, n) for k, n in counts.items() if k[0] not in (201, 409))}" if other else "")
    )
    print(f"in database   {booked} booked for the slot, on {desks} different desks")
    ok = created == args.places and taken == args.attempts - args.places and other == 0
    ok = ok and booked == args.places and desks == args.places
    print("RESULT        " + ("OK: exactly as many bookings as places, clean 409s" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
