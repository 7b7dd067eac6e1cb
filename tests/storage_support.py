"""Files put straight into the default storage with a chosen age, for the stray-file sweeps' tests."""

from __future__ import annotations

import datetime as dt
import os

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

CONTENT = b"%PDF-1.4\n%%EOF\n"


def aged(name: str, *, days: float = 0, hours: float = 0) -> str:
    """Set a stored file's modification time back."""
    then = (timezone.now() - dt.timedelta(days=days, hours=hours)).timestamp()
    os.utime(default_storage.path(name), (then, then))
    return name


def stray(name: str, **age: float) -> str:
    """Store a file no row names, aged by ``age``; its stored name."""
    return aged(default_storage.save(name, ContentFile(CONTENT)), **age)
