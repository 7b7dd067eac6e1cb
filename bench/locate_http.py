"""GET /api/v1/districts/locate/ through the real server: ≥ 500 requests/s with 2 workers.

    .venv/bin/python bench/locate_http.py                 # 20 s with wrk, 2 gunicorn workers
    options: --duration 20 --connections 32 --workers 2 --port 8765 --requests 20000 (Python client)

Prepares a scratch SQLite file (migrate + the organisation demo), starts
``gunicorn loket.wsgi:application --chdir src -w 2`` on 127.0.0.1, warms every worker, then
loads it with ``wrk`` (or, without wrk, a bounded Python client with threads) over a fixed set
of 1,000 points (95 % inside the city, 5 % outside: HTTP 404 by design). Prints requests/s,
p50/p99 latency and each worker's resident memory after the run; stops the server it started.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _setup import gunicorn_start, gunicorn_stop, server_environment, wrk

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DB = Path("/tmp/loket-bench-locate.sqlite3")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=20, help="seconds of load (wrk)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--requests", type=int, default=20_000, help="request count for the Python client")
    parser.add_argument("--python-client", action="store_true", help="use the Python client even if wrk exists")
    return parser.parse_args()


def prepare_database(env: dict[str, str]) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    script = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from loket.organisation import demo; demo.load(log=lambda line: None)"
    )
    subprocess.run([str(PYTHON), "-c", script], env=env, check=True, cwd=ROOT)


def points() -> list[str]:
    rng = random.Random(11)
    inside = [(51.2211, 4.3997), (51.1890, 4.4300), (51.3600, 4.3000), (51.2120, 4.4420), (51.1930, 4.4870)]
    inside += [(51.2200, 4.4700), (51.2800, 4.4200), (51.1750, 4.3500), (51.2480, 4.4450), (51.1650, 4.3900)]
    paths = []
    for index in range(1000):
        if index % 20 == 19:
            lat, lon = rng.uniform(50.80, 51.00), rng.uniform(4.20, 4.60)  # south of the city
        else:
            base_lat, base_lon = inside[index % len(inside)]
            lat, lon = base_lat + rng.uniform(-0.004, 0.004), base_lon + rng.uniform(-0.004, 0.004)
        paths.append(f"/api/v1/districts/locate/?lat={lat:.6f}&lon={lon:.6f}")
    return paths


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_wrk(base: str, paths: list[str], duration: int, connections: int) -> dict[str, str]:
    lua = "paths = {\n" + ",\n".join(f'"{path}"' for path in paths) + "\n}\n"
    lua += "i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
    return wrk(base, lua, duration=duration, connections=connections)


def run_python_client(base: str, paths: list[str], count: int, connections: int) -> dict[str, str]:
    def one(path: str) -> float:
        started = time.perf_counter()
        try:
            urllib.request.urlopen(base + path, timeout=10).read()
        except urllib.error.HTTPError as exc:  # 404 outside the city is an answer too
            exc.read()
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=connections) as pool:
        latencies = sorted(pool.map(one, (paths[i % len(paths)] for i in range(count))))
    elapsed = time.perf_counter() - started
    return {
        "requests/s": f"{count / elapsed:.0f}",
        "p50": f"{statistics.median(latencies) * 1000:.1f}ms",
        "p99": f"{latencies[int(len(latencies) * 0.99)] * 1000:.1f}ms",
    }


def main() -> None:
    args = parse()
    env = server_environment(database_url=f"sqlite:///{DB}", var_dir="loket-bench-locate-var")
    prepare_database(env)
    paths = points()
    server = gunicorn_start(env, workers=args.workers, port=args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for path in paths[: 20 * args.workers]:  # warm every worker's index (requests spread over workers)
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(base + path, timeout=5).read()
        if shutil.which("wrk") and not args.python_client:
            client = f"wrk, 2 threads, {args.connections} connections, {args.duration} s"
            figures = run_wrk(base, paths, args.duration, args.connections)
        else:
            client = f"Python threads, {args.connections} concurrent, {args.requests} requests"
            figures = run_python_client(base, paths, args.requests, args.connections)
        workers = worker_pids(server.pid)
        memory = ", ".join(f"{rss_mb(pid):.0f} MB" for pid in workers)
        print(f"locate over HTTP ({args.workers} gunicorn workers, {client}):")
        print(f"  requests/s {figures['requests/s']}, p50 {figures['p50']}, p99 {figures['p99']}")
        print(f"  worker RSS after the run: {memory}")
    finally:
        gunicorn_stop(server)


if __name__ == "__main__":
    sys.exit(main())
