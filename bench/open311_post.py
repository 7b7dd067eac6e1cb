"""POST /open311/v2/requests.json through the real server on PostgreSQL: ≥ 300 requests/s on
2 cores, p99 ≤ 100 ms at 150 requests/s.

    .venv/bin/python bench/open311_post.py
    options: --duration 20 --connections 16 --workers 4 --threads 1 --port 8767 --rate 150
             --no-paced (only the wrk run)  --skip-prepare (reuse the database of a previous run)
             --profile (cProfile of 300 requests in-process, CPU time, PROFILE_LINES=25 lines, and the queries)

Recreates the PostgreSQL database ``loket_bench_open311`` (``BENCH_PG`` = server URL without a
database, default ``postgres://postgres@127.0.0.1:5432``), migrates (which loads the 33 report
categories) and loads the organisation demo (districts, teams, streets); issues one Open311 API
key. Starts ``gunicorn loket.wsgi:application -w <workers>`` on 127.0.0.1 and measures:

1. throughput: ``wrk`` (2 threads, closed loop) POSTing a form-encoded GeoReport v2 request
   (``service_code=weg.put``, a point rotating over the ten districts, an e-mail address, an
   attribute) for ``--duration`` seconds; every answer must be 201. Also the CPU the gunicorn
   workers and their PostgreSQL backends used per request (from ``/proc``);
2. latency at a fixed rate: a paced Python client (open loop, latency from each request's
   scheduled time) sends ``--rate`` requests/s for ``--duration`` seconds; p50/p95/p99.

Every request files a real report: a case (reference counter row lock, routing to the
district's team, working-day deadline, history event), the report row, a follower and its
welcome mail in the outbox, an audit entry. The machine's load average is printed with the
figures: it is shared with other engineers' work, so the requests/s alone say little.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

from _setup import (
    children,
    cpu_seconds,
    cpu_used,
    gunicorn_start,
    gunicorn_stop,
    postgres_backends,
    run_paced,
    server_environment,
    warm,
    wrk,
)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DB_NAME = "loket_bench_open311"
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PATH = "/open311/v2/requests.json"
# A point in each district (its district house): district-level routing for weg.put.
POINTS = [
    (51.2002, 4.4098),
    (51.1929, 4.4233),
    (51.3430, 4.3150),
    (51.2137, 4.4393),
    (51.1910, 4.4860),
    (51.2194, 4.4646),
    (51.2812, 4.4339),
    (51.1758, 4.3480),
    (51.2455, 4.4460),
    (51.1685, 4.3946),
]


def bodies(key: str) -> list[str]:
    return [
        urlencode(
            {
                "api_key": key,
                "service_code": "weg.put",
                "lat": str(lat),
                "long": str(lon),
                "email": f"melder{i}@example.be",
                "description": "Een diepe put in het fietspad, gevaarlijk bij regen.",
                "attribute[gevaarlijk]": "ja",
                "device_id": "bench",
            }
        )
        for i, (lat, lon) in enumerate(POINTS)
    ]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="more than 1: gunicorn's gthread workers")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--rate", type=int, default=150)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-paced", action="store_true", help="only the wrk run")
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the database of a previous run")
    return parser.parse_args()


PREPARE = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from loket.organisation import demo as o
o.load(log=lambda line: None)
from loket.open311.services import api_key_create
print(api_key_create(name="bench")[1])
"""


def prepare_database(env: dict[str, str], skip: bool) -> str:
    if not skip:
        import psycopg

        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {DB_NAME}")
    out = subprocess.run([str(PYTHON), "-c", PREPARE], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    return out.stdout.split()[-1]


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def post(connection: http.client.HTTPConnection, body: str) -> int:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", PATH, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def run_wrk(base: str, forms: list[str], duration: int, connections: int) -> dict[str, str]:
    lua = (
        "bodies = {" + ",".join(f"[[{form}]]" for form in forms) + "}\n"
        "i = 0\n"
        "request = function()\n  i = i % #bodies + 1\n"
        f'  return wrk.format("POST", "{PATH}", '
        '{["Content-Type"] = "application/x-www-form-urlencoded"}, bodies[i])\nend\n'
    )
    return wrk(base, lua, duration=duration, connections=connections)


PROFILE = """
import cProfile, pstats, django; django.setup()
from django.test import Client
client = Client(SERVER_NAME="localhost")
forms = {forms!r}
def send(i): return client.post("{path}", forms[i % len(forms)], content_type="application/x-www-form-urlencoded")
for i in range(30): assert send(i).status_code == 201
import time; profile = cProfile.Profile(time.process_time); profile.enable()
for i in range(300): send(i)
profile.disable()
import os; stats = pstats.Stats(profile)
stats.sort_stats("cumulative").print_stats(int(os.environ.get("PROFILE_LINES", "25")))
stats.sort_stats("tottime").print_stats(20)
from django.db import connection, reset_queries
from django.conf import settings; settings.DEBUG = True; reset_queries()
send(0)
print(len(connection.queries), "queries per request:")
for q in connection.queries: print("  ", q["time"], q["sql"][:160])
"""


def main() -> None:
    args = parse()
    env = server_environment(database_url=f"{SERVER}/{DB_NAME}", var_dir="loket-bench-open311-var", redis=True)
    forms = bodies(prepare_database(env, args.skip_prepare))
    if args.profile:
        script = PROFILE.format(forms=forms, path=PATH)
        subprocess.run([str(PYTHON), "-c", script], env=env, check=True, cwd=ROOT)
        return
    extra = ("--backlog", "2048") + (("--threads", str(args.threads)) if args.threads > 1 else ())
    server = gunicorn_start(env, workers=args.workers, port=args.port, extra=extra)
    base = f"http://127.0.0.1:{args.port}"
    uptime_before = uptime()

    def send(connection: http.client.HTTPConnection, k: int) -> int:
        return post(connection, forms[k % len(forms)])

    try:
        warm(args.port, send, 50 * args.workers)
        app_before = cpu_seconds(children(server.pid))
        db_before = cpu_seconds(postgres_backends(SERVER, DB_NAME))
        figures = run_wrk(base, forms, args.duration, args.connections)
        app_used, _gone = cpu_used(app_before, cpu_seconds(children(server.pid)))
        db_used, db_gone = cpu_used(db_before, cpu_seconds(postgres_backends(SERVER, DB_NAME)))
        count = int(figures["requests"]) or 1
        cpu_app, cpu_db = app_used / count * 1000, db_used / count * 1000
        paced = run_paced(args.port, send, args.rate, args.duration) if not args.no_paced else None
        kind = f"gthread workers of {args.threads} threads" if args.threads > 1 else "sync workers"
        print(f"POST {PATH} on PostgreSQL ({args.workers} gunicorn {kind}, {os.cpu_count()} cores):")
        print(f"  uptime before: {uptime_before}")
        print(f"  uptime after:  {uptime()}")
        print("  (the machine is shared with other engineers' tests and benchmarks: read the figures with the load)")
        print(
            f"  throughput (wrk, 2 threads, {args.connections} connections, {args.duration} s): "
            f"{figures['requests/s']} requests/s, p50 {figures['p50']}, p99 {figures['p99']}, "
            f"non-2xx {figures['non-2xx']}"
        )
        print(
            f"  CPU per request during the wrk run: app {cpu_app:.2f} ms + PostgreSQL backends {cpu_db:.2f} ms "
            f"= {cpu_app + cpu_db:.2f} ms, so at most {1000 * (os.cpu_count() or 1) / (cpu_app + cpu_db):.0f} "
            "requests/s on these cores if nothing else ran (wrk and PostgreSQL's WAL writer not counted)"
            + (f"; {db_gone} database connection(s) replaced during the run, not all counted" if db_gone else "")
        )
        if paced is not None:
            print(
                f"  at {args.rate} requests/s (paced, open loop, {args.duration} s): achieved {paced['achieved/s']}/s, "
                f"p50 {paced['p50']}, p95 {paced['p95']}, p99 {paced['p99']}, statuses {paced['statuses']}"
            )
    finally:
        gunicorn_stop(server)


if __name__ == "__main__":
    sys.exit(main())
