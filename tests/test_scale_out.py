"""Scale-out: two stateless app processes and a worker process share one database and one queue.

Runs against whatever the suite runs on: PostgreSQL and Redis in CI's second pass (a fresh
database and a queue name of its own), the embedded SQLite database and SQLite queue otherwise.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def scale_out_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_ALLOW"))}
    env.update(
        {
            "LOKET_VAR_DIR": str(tmp_path),
            "LOKET_DEMO": "1",
            "LOKET_QUEUE_NAME": f"scaleout-{uuid.uuid4().hex[:8]}",
            "PYTHONPATH": str(ROOT / "src"),
            "DJANGO_SETTINGS_MODULE": "loket.settings",
        }
    )
    database_url = os.environ.get("DATABASE_URL", "")
    dbname = ""
    if database_url.startswith("postgres"):
        import psycopg

        dbname = f"loket_scaleout_{os.getpid()}"
        base = database_url.rsplit("/", 1)[0]
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = f"{base}/{dbname}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'scaleout.sqlite3'}"
    try:
        yield env
    finally:
        if dbname:
            import psycopg

            with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def http(method: str, url: str, body: dict[str, Any] | None = None, token: str = "") -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def wait_ready(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if http("GET", url + "/readyz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never became ready")


def test_two_app_processes_and_a_worker_share_the_database_and_the_queue(scale_out_env):
    env = scale_out_env
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo")
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "loket.wsgi:application",
                "--chdir",
                str(ROOT / "src"),
                "-w",
                "1",
                "-b",
                f"127.0.0.1:{port}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    processes.append(
        subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "run_huey", "--workers", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )
    app_a, app_b = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        deadline = time.monotonic() + 60
        wait_ready(app_a, deadline)
        wait_ready(app_b, deadline)

        status, body = http("POST", app_a + "/api/v1/auth/token/", {"username": "agent", "password": "demo"})
        assert status == 200, body
        token = body["token"]
        status, me = http("GET", app_b + "/api/v1/me/", token=token)
        assert (status, me["username"]) == (200, "agent")

        case = {
            "kind": "request",
            "title": "Adres wijzigen",
            "channel": "phone",
            "service": "adreswijziging",
            "district": "berchem",
        }
        status, created = http("POST", app_a + "/api/v1/cases/", case, token=token)
        assert status == 201, created
        status, read = http("GET", app_b + f"/api/v1/cases/{created['reference']}/", token=token)
        assert (status, read["reference"]) == (200, created["reference"])

        # A producer enqueues a job; the separate worker process runs it against the shared database.
        manage(
            env,
            "shell",
            "-v",
            "0",
            "-c",
            "from datetime import timedelta; from django.utils import timezone; "
            "from loket.accounts.models import LoginAttempt; "
            "from loket.accounts.tasks import login_attempts_purge_job; "
            "a = LoginAttempt.objects.create(username='scale-out-old'); "
            "LoginAttempt.objects.filter(pk=a.pk).update(at=timezone.now() - timedelta(days=90)); "
            "login_attempts_purge_job()",
        )
        count = (
            "from loket.accounts.models import LoginAttempt; "
            "print(LoginAttempt.objects.filter(username='scale-out-old').count())"
        )
        deadline = time.monotonic() + 60
        remaining = manage(env, "shell", "-v", "0", "-c", count).strip()
        while remaining != "0" and time.monotonic() < deadline:
            time.sleep(0.5)
            remaining = manage(env, "shell", "-v", "0", "-c", count).strip()
        assert remaining == "0", "the worker never ran the queued job"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
