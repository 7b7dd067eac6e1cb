"""POST /api/v1/requests/ through the real server on PostgreSQL: ≥ 300 requests/s on 2 cores,
p99 ≤ 100 ms at 150 requests/s.

    .venv/bin/python bench/requests_create_http.py
    options: --duration 20 --connections 16 --workers 4 --threads 1 --port 8766 --rate 150 --citizens 200
             --profile (cProfile of the hot path in-process, CPU time, 500 requests; PROFILE_LINES=25 lines)
             --no-paced (only the wrk run)  --skip-prepare (reuse the database of a previous run)

Recreates the PostgreSQL database ``loket_bench_requests`` (``BENCH_PG`` = server URL without a
database, default ``postgres://postgres@127.0.0.1:5432``), migrates, loads the organisation,
catalogue, accounts and requests demos, and gives ``--citizens`` citizen users an API token.
Starts ``gunicorn loket.wsgi:application -w <workers>`` on 127.0.0.1 and measures two things:

1. throughput: ``wrk`` (2 threads, closed loop) with a Lua script POSTing a valid "bewijs van
   woonst" request (national register number, an address found in the street table) for a
   rotating citizen token, for ``--duration`` seconds; every answer must be 201. Also the CPU
   time the gunicorn workers and their PostgreSQL backends used per request during that run
   (from ``/proc``), and so the most these cores could serve if nothing else ran on them: on a
   machine shared with other work the requests/s alone say little;
2. latency at a fixed rate: a paced Python client (open loop, latency counted from each
   request's scheduled time, so a stall is not hidden) sends ``--rate`` requests/s for
   ``--duration`` seconds; p50/p95/p99.

Every request creates a real case (reference counter row lock, history event, audit entry).
The machine's load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
from pathlib import Path

from _setup import (
    children,
    cpu_seconds,
    cpu_used,
    gunicorn_start,
    gunicorn_stop,
    load_average,
    postgres_backends,
    run_paced,
    server_environment,
    warm,
    wrk,
)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DB_NAME = "loket_bench_requests"
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
BODY = {
    "service": "bewijs-van-woonst",
    "data": {
        "rijksregisternummer": "85.07.30-033.28",
        "adres": "Aalmoezenierstraat 12, 2000 Antwerpen",
        "aantal": "1",
        "levering": "email",
        "doel": "werk",
    },
    "consent": True,
}


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="more than 1: gunicorn's gthread workers")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--rate", type=int, default=150)
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-paced", action="store_true", help="only the wrk run (slow paced runs on a busy machine)")
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the database of a previous run")
    return parser.parse_args()


PREPARE = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from loket.organisation import demo as o; from loket.catalogue import demo as c
from loket.accounts import demo as a; from loket.requests import demo as r
for module in (o, c, a, r):
    module.load(log=lambda line: None)
from rest_framework.authtoken.models import Token
from loket.accounts.models import Role, User
tokens = []
for i in range({citizens}):
    user, _ = User.objects.get_or_create(username=f"bench-citizen-{{i}}", defaults={{"role": Role.CITIZEN}})
    tokens.append(Token.objects.get_or_create(user=user)[0].key)
print(" ".join(tokens))
"""


def prepare_database(env: dict[str, str], citizens: int, skip: bool) -> list[str]:
    if not skip:
        import psycopg

        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {DB_NAME}")
    out = subprocess.run(
        [str(PYTHON), "-c", PREPARE.format(citizens=citizens)],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return out.stdout.split()


def post(connection: http.client.HTTPConnection, token: str) -> int:
    body = json.dumps(BODY)
    headers = {"Content-Type": "application/json", "Authorization": f"Token {token}"}
    connection.request("POST", "/api/v1/requests/", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def run_wrk(base: str, tokens: list[str], duration: int, connections: int) -> dict[str, str]:
    lua = (
        "tokens = {" + ",".join(f'"{t}"' for t in tokens) + "}\n"
        f"body = [[{json.dumps(BODY)}]]\n"
        "i = 0\n"
        "request = function()\n  i = i % #tokens + 1\n"
        '  return wrk.format("POST", "/api/v1/requests/", {["Content-Type"] = "application/json", '
        '["Authorization"] = "Token " .. tokens[i]}, body)\nend\n'
    )
    return wrk(base, lua, duration=duration, connections=connections)


PROFILE = """
import cProfile, pstats, django, json; django.setup()
from rest_framework.test import APIClient
from rest_framework.authtoken.models import Token
client = APIClient(SERVER_NAME="localhost"); token = Token.objects.first().key
client.credentials(HTTP_AUTHORIZATION="Token " + token)
body = json.loads({body!r})
for _ in range(30): assert client.post("/api/v1/requests/", body, format="json").status_code == 201
import time; profile = cProfile.Profile(time.process_time); profile.enable()
for _ in range(500): client.post("/api/v1/requests/", body, format="json")
profile.disable()
stats = pstats.Stats(profile)
stats.sort_stats("cumulative").print_stats(int(__import__("os").environ.get("PROFILE_LINES", "25")))
stats.sort_stats("tottime").print_stats(15)
stats.sort_stats("cumulative").print_callees("case_create|requests/api.py.*post|request_submit")
from django.db import connection, reset_queries
from django.conf import settings; settings.DEBUG = True; reset_queries()
client.post("/api/v1/requests/", body, format="json")
print(len(connection.queries), "queries per request:")
for q in connection.queries: print("  ", q["time"], q["sql"][:160])
"""


def main() -> None:
    args = parse()
    env = server_environment(database_url=f"{SERVER}/{DB_NAME}", var_dir="loket-bench-requests-var", redis=True)
    tokens = prepare_database(env, args.citizens, args.skip_prepare)
    if args.profile:
        subprocess.run([str(PYTHON), "-c", PROFILE.format(body=json.dumps(BODY))], env=env, check=True, cwd=ROOT)
        return
    extra = ("--backlog", "2048") + (("--threads", str(args.threads)) if args.threads > 1 else ())
    server = gunicorn_start(env, workers=args.workers, port=args.port, extra=extra)
    base = f"http://127.0.0.1:{args.port}"
    load_before = load_average()

    def send(connection: http.client.HTTPConnection, k: int) -> int:
        return post(connection, tokens[k % len(tokens)])

    try:
        warm(args.port, send, 50 * args.workers)
        app_before = cpu_seconds(children(server.pid))
        db_before = cpu_seconds(postgres_backends(SERVER, DB_NAME))
        figures = run_wrk(base, tokens, args.duration, args.connections)
        app_used, _gone = cpu_used(app_before, cpu_seconds(children(server.pid)))
        db_used, db_gone = cpu_used(db_before, cpu_seconds(postgres_backends(SERVER, DB_NAME)))
        count = int(figures["requests"]) or 1
        cpu_app, cpu_db = app_used / count * 1000, db_used / count * 1000
        paced = run_paced(args.port, send, args.rate, args.duration) if not args.no_paced else None
        kind = f"gthread workers of {args.threads} threads" if args.threads > 1 else "sync workers"
        print(f"POST /api/v1/requests/ on PostgreSQL ({args.workers} gunicorn {kind}, {os.cpu_count()} cores):")
        print(f"  load average before: {load_before}, after: {load_average()}")
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
