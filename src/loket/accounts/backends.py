"""Username and password login with a lockout after repeated failures."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest
from django.utils import timezone

from loket.accounts.models import LoginAttempt


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def login_is_locked(username: str) -> bool:
    """Locked when the last N attempts within the window all failed."""
    window_start = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    recent = list(
        LoginAttempt.objects.filter(username__iexact=username, at__gte=window_start)
        .order_by("-at", "-id")
        .values_list("succeeded", flat=True)[: settings.LOGIN_LOCKOUT_FAILURES]
    )
    return len(recent) >= settings.LOGIN_LOCKOUT_FAILURES and not any(recent)


class LockoutModelBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if not username or password is None:
            return None
        if login_is_locked(username):
            LoginAttempt.objects.create(username=username, ip_address=client_ip(request), succeeded=False)
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and user.is_demo and not settings.DEMO_MODE:
            user = None
        LoginAttempt.objects.create(username=username, ip_address=client_ip(request), succeeded=user is not None)
        return user
