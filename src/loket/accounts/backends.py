"""Username and password login with a lockout after repeated failures.

An account is locked when its last ``LOGIN_LOCKOUT_FAILURES`` attempts within
``LOGIN_LOCKOUT_MINUTES`` all failed. Attempts made while locked are refused without being
counted, so the lock lifts at a fixed moment that the login page can announce.
Every attempt, successful or not, also lands in the audit trail.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest
from django.utils import timezone

from loket.accounts.models import LoginAttempt, User
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def login_locked_until(username: str) -> datetime | None:
    """When the lock on ``username`` lifts, or None when it is not locked."""
    window = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    recent = list(
        LoginAttempt.objects.filter(username__iexact=username, at__gte=timezone.now() - window)
        .order_by("-at", "-id")
        .values_list("succeeded", "at")[: settings.LOGIN_LOCKOUT_FAILURES]
    )
    if len(recent) < settings.LOGIN_LOCKOUT_FAILURES or any(succeeded for succeeded, _ in recent):
        return None
    oldest_failure_at = recent[-1][1]
    return oldest_failure_at + window


def login_is_locked(username: str) -> bool:
    return login_locked_until(username) is not None


def login_lock_minutes_left(username: str) -> int:
    """Whole minutes (rounded up, at least 1) until the lock lifts; 0 when not locked."""
    until = login_locked_until(username)
    if until is None:
        return 0
    return max(1, math.ceil((until - timezone.now()).total_seconds() / 60))


def login_attempt_record(
    *, username: str, user: User | None, request: HttpRequest | None, locked: bool = False
) -> None:
    """Remember one password attempt for the lockout and write it to the audit trail."""
    if not locked:
        LoginAttempt.objects.create(username=username, ip_address=client_ip(request), succeeded=user is not None)
    if user is not None:
        audit_record(actor=user, action=AuditEntry.Action.LOGIN, obj=user, request=request)
    else:
        audit_record(
            actor=None,
            action=AuditEntry.Action.LOGIN_FAILED,
            object_type="accounts.user",
            object_id=username[:64],
            object_repr=username,
            fields=["locked"] if locked else [],
            request=request,
        )


class LockoutModelBackend(ModelBackend):
    """Django's password check, refused while locked and for demo users outside demo mode."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if not username or password is None:
            return None
        if login_is_locked(username):
            login_attempt_record(username=username, user=None, request=request, locked=True)
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and user.is_demo and not settings.DEMO_MODE:
            user = None
        login_attempt_record(username=username, user=user, request=request)
        return user
