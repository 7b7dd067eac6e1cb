"""The production profile refuses to start with an unsafe configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "9f8e7d6c5b4a3f2e1d0c"


def start_django(env_overrides: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    env.update({"LOKET_PROFILE": "production", "LOKET_DEMO": "0", "PYTHONPATH": str(ROOT / "src")})
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env=env | {"DJANGO_SETTINGS_MODULE": "loket.settings"},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_it_starts_with_a_real_key_and_allowed_hosts():
    result = start_django({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "loket.antwerpen.be"})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ALLOWED_HOSTS": "loket.antwerpen.be"}, "SECRET_KEY"),
        ({"SECRET_KEY": "change-me", "ALLOWED_HOSTS": "loket.antwerpen.be"}, "SECRET_KEY"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 40, "ALLOWED_HOSTS": "loket.antwerpen.be"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "loket.antwerpen.be", "DEBUG": "1"}, "DEBUG"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "loket.antwerpen.be", "LOKET_DEMO": "1"}, "demo"),
    ],
    ids=["missing-key", "default-key", "insecure-key", "no-hosts", "debug-on", "demo-mode"],
)
def test_it_refuses_to_start_unsafely(overrides, message):
    result = start_django(overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_it_refuses_an_unknown_profile():
    result = start_django({"LOKET_PROFILE": "staging", "SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "x"})
    assert result.returncode != 0
    assert "LOKET_PROFILE" in result.stderr


def test_uploads_go_to_s3_compatible_storage_when_a_bucket_is_configured():
    env = {
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "loket.antwerpen.be",
        "S3_BUCKET": "loket-uploads",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    }
    code = (
        "import django; django.setup(); from django.core.files.storage import storages; "
        "d = storages['default']; print(type(d).__name__, d.bucket_name, d.endpoint_url)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
        | {"LOKET_PROFILE": "production", "LOKET_DEMO": "0", "PYTHONPATH": str(ROOT / "src")}
        | {"DJANGO_SETTINGS_MODULE": "loket.settings"}
        | env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "loket-uploads", "http://127.0.0.1:9000"]
