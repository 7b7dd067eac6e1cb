"""Writes of the accounts app."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from loket.accounts.models import LoginAttempt


def login_attempts_purge(*, keep_days: int | None = None) -> int:
    """Delete login attempts older than the retention period; returns how many went."""
    days = settings.LOGIN_ATTEMPTS_KEEP_DAYS if keep_days is None else keep_days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = LoginAttempt.objects.filter(at__lt=cutoff).delete()
    return deleted
