"""What the benchmark scripts share: their database, Django, and a gunicorn server to load.

The scripts run as ``.venv/bin/python bench/<name>.py``, so ``bench/`` is ``sys.path[0]`` and
they import this module as ``from _setup import …``. The database helpers set ``DATABASE_URL``
for the process (and so for Django and any child process); ``django_ready`` needs ``src/`` on
``sys.path``, which every script arranges before it calls it.
"""

from __future__ import annotations

import contextlib
import http.client
import importlib
import math
import os
import random
import re
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SQLITE_FILE = "SQLite (file)"
SQLITE_WAL = "SQLite (WAL, BEGIN IMMEDIATE)"


def scratch_database(*, sqlite_name: str, sqlite_label: str = SQLITE_FILE, recreate_postgres: bool = True) -> str:
    """Point the process at the benchmark's database; returns the engine label the script prints.

    Without ``DATABASE_URL``: a new SQLite file ``/tmp/<sqlite_name>`` (an earlier one and its
    ``-wal``/``-shm`` files are removed), labelled ``sqlite_label``. With ``DATABASE_URL``: the
    PostgreSQL database it names is dropped and created again, or, with
    ``recreate_postgres=False``, created only when missing (earlier runs are left alone).
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        path = Path("/tmp") / sqlite_name
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return sqlite_label
    return postgres_database(url, recreate=recreate_postgres)


def kept_database(*, sqlite_name: str) -> str:
    """Point the process at a database that is kept between runs; returns the engine label.

    Without ``DATABASE_URL``: the SQLite file ``/tmp/<sqlite_name>``, as it is. A ``sqlite://``
    ``DATABASE_URL`` is used as given; a PostgreSQL database is created only when missing.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        url = os.environ["DATABASE_URL"] = f"sqlite:////tmp/{sqlite_name}"
    if url.startswith("sqlite"):
        return f"SQLite ({url.split(':///', 1)[1]})"
    return postgres_database(url, recreate=False)


def postgres_database(url: str, *, recreate: bool) -> str:
    """Create the PostgreSQL database named in ``url`` (dropped first if ``recreate``); its label.

    Connects to the ``postgres`` database of the same server, as the same user.
    """
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = config["NAME"]
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    ) as conn:
        if recreate:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        elif not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"PostgreSQL ({name})"


def django_ready(*, demo: Sequence[str] = ("organisation", "catalogue"), atomic: bool = True) -> None:
    """Set Django up in this process, migrate, and load the demo data of the apps in ``demo``.

    ``demo`` names apps under ``loket`` (``"counters"`` → ``loket.counters.demo``), loaded in that
    order, in one transaction unless ``atomic=False``. Tasks are queued, not run inline
    (``HUEY_IMMEDIATE=0`` unless the environment says otherwise).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
    os.environ.setdefault("HUEY_IMMEDIATE", "0")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    modules = [importlib.import_module(f"loket.{app}.demo") for app in demo]
    call_command("migrate", verbosity=0)
    with transaction.atomic() if atomic else contextlib.nullcontext():
        for module in modules:
            module.load(log=lambda line: None)


def server_environment(*, database_url: str, var_dir: str, redis: bool = False) -> dict[str, str]:
    """The environment for a production-like server (and its preparing subprocesses).

    ``var_dir`` is a directory name under the system's temporary directory. ``redis``: jobs and
    cache in Redis as in production (``BENCH_REDIS``, default database 14 on localhost, emptied
    here: nothing works that queue, so it is cleared before each run).
    """
    env = dict(os.environ)
    if redis:
        url = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
        import redis as redis_client

        redis_client.Redis.from_url(url).flushdb()
        env.update(REDIS_URL=url, LOKET_QUEUE_NAME="loket-bench")
    env.update(
        DATABASE_URL=database_url,
        LOKET_VAR_DIR=str(Path(tempfile.gettempdir()) / var_dir),
        SECRET_KEY="bench-" + "x" * 40,
        LOKET_DEMO="1",
        DEBUG="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT / "src"),
        DJANGO_SETTINGS_MODULE="loket.settings",
    )
    return env


def gunicorn_start(
    env: dict[str, str], *, workers: int, port: int, extra: Sequence[str] = ()
) -> subprocess.Popen[bytes]:
    """Start ``gunicorn loket.wsgi:application`` on 127.0.0.1:``port``; return once /healthz answers.

    Gives up (stopping the server) after 120 s: a loaded 2-core machine may take that long to boot the workers.
    """
    command = [str(GUNICORN), "loket.wsgi:application", "--chdir", "src", "-w", str(workers)]
    command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning", *extra]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    server.wait(timeout=30)
    raise SystemExit("gunicorn did not answer /healthz within 120 s")


def gunicorn_stop(server: subprocess.Popen[bytes]) -> None:
    """Stop a server started by ``gunicorn_start`` (SIGTERM, then wait up to 30 s)."""
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def wrk(base: str, lua: str, *, duration: int, connections: int) -> dict[str, str]:
    """Load ``base`` with ``wrk`` (2 threads) driven by the Lua script ``lua``; print wrk's report.

    Returns ``requests/s``, ``requests`` (the count), ``p50``, ``p99`` and ``non-2xx`` (the count of
    other answers) as wrk printed them.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", script.name, base]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    print(output)
    figures = {"requests/s": re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)}  # type: ignore[union-attr]
    figures["requests"] = re.search(r"(\d+) requests in", output).group(1)  # type: ignore[union-attr]
    for percentile in ("50", "99"):
        match = re.search(rf"^\s+{percentile}%\s+(\S+)", output, re.M)
        figures[f"p{percentile}"] = match.group(1) if match else "?"
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    figures["non-2xx"] = errors.group(1) if errors else "0"
    return figures


def cpu_seconds(pids: Sequence[int]) -> dict[int, float]:
    """User + system CPU time each of the processes ``pids`` has used so far (Linux ``/proc``;
    a process that is gone is left out)."""
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime: stat(5)
    return found


def cpu_used(before: dict[int, float], after: dict[int, float]) -> tuple[float, int]:
    """CPU seconds used between two ``cpu_seconds`` readings (a process new since ``before`` counts
    whole) and how many processes of ``before`` had gone (their last part is not counted)."""
    used = sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
    return used, len(set(before) - set(after))


def children(pid: int) -> list[int]:
    """The process ids whose parent is ``pid`` (a gunicorn master's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
    return found


def postgres_backends(url: str, database: str) -> list[int]:
    """The server process ids of the connections to ``database`` (``url``: server URL without a database)."""
    import psycopg

    with psycopg.connect(f"{url}/postgres", autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [database]).fetchall()
    return [row[0] for row in rows]


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages (shared machine: every figure goes with its load)."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


# send(connection, k) makes the k-th request on ``connection`` and returns its HTTP status.
Send = Callable[[http.client.HTTPConnection, int], int]


def warm(port: int, send: Send, count: int, *, expect: int = 201) -> None:
    """``count`` requests one after the other; any other status than ``expect`` stops the bench."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for k in range(count):
        status = send(connection, k)
        if status != expect:
            raise SystemExit(f"warm-up request answered {status}")


def run_paced(port: int, send: Send, rate: int, duration: int, threads: int = 32) -> dict[str, str]:
    """Open loop: request k is due at start + k/rate; its latency runs from that moment, so a
    stall of the server is not hidden by a client that waits for it."""
    total = rate * duration
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    counter = iter(range(total))
    start = time.perf_counter() + 0.5

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                k = next(counter, None)
            if k is None:
                return
            due = start + k / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            status = send(connection, k)
            elapsed = time.perf_counter() - due
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    achieved = total / (time.perf_counter() - start)
    latencies.sort()

    def pct(p: float) -> str:
        return f"{latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000:.1f}ms"

    return {
        "achieved/s": f"{achieved:.0f}",
        "p50": f"{statistics.median(latencies) * 1000:.1f}ms",
        "p95": pct(0.95),
        "p99": pct(0.99),
        "statuses": str(statuses),
    }


CENTRE = (51.2190, 4.4010)  # the Groenplaats
BOX = (51.14, 51.38, 4.25, 4.50)  # south, north, west, east: the city and its port


def city_point(rng: random.Random) -> tuple[float, float]:
    """A random point: a third within 1.5 km of the centre (where most things happen), the rest
    anywhere in the city's bounding box."""
    if rng.random() < 1 / 3:
        distance, angle = 1500 * math.sqrt(rng.random()), rng.random() * 2 * math.pi
        lat = CENTRE[0] + distance * math.cos(angle) / 111_320
        lon = CENTRE[1] + distance * math.sin(angle) / (111_320 * math.cos(math.radians(CENTRE[0])))
        return lat, lon
    south, north, west, east = BOX
    return rng.uniform(south, north), rng.uniform(west, east)


def analyze(*tables: str) -> None:
    """Fresh planner statistics after a bulk fill (PostgreSQL: VACUUM ANALYZE ``tables``)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in tables:
                cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("ANALYZE")
