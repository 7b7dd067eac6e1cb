"""A worker freezes what it loaded at start, so the collector's full passes do not walk it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = "import gc, loket.wsgi, sys; sys.stdout.write(str(gc.get_freeze_count()))"


def frozen_after_loading(**env_overrides: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": "loket.settings", **env_overrides}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def test_loading_the_wsgi_application_freezes_the_loaded_objects():
    assert frozen_after_loading() > 10_000  # Django, the project, every view module


def test_the_freeze_can_be_turned_off():
    assert frozen_after_loading(LOKET_GC_FREEZE="0") == 0
