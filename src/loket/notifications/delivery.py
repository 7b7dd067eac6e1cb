"""Delivering one notification through the mail backend or the SMS gateway (run by the job).

Each try counts in ``attempts`` and notes its error in ``last_error``. A failed try raises so that
Huey retries with a growing delay; the last allowed try marks the notification ``failed`` (staff
see it at ``notifications:failed`` and can queue it again).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from loket.notifications.gateways import sms_gateway
from loket.notifications.models import Notification

log = logging.getLogger(__name__)

RETRIES = 5  # Huey retries after the first try
RETRY_DELAY_SECONDS = 60  # first retry after a minute, each wait doubles: 1, 2, 4, 8, 16 minutes
RETRY_BACKOFF = 2
MAX_ATTEMPTS = RETRIES + 1
_ERROR_LENGTH = 300


class DeliveryFailed(Exception):
    """One try failed; the job is retried."""


def _error_text(exc: Exception) -> str:
    return f"{timezone.now():%Y-%m-%d %H:%M} {type(exc).__name__}: {exc}"[:_ERROR_LENGTH]


def _deliver(notification: Notification) -> None:
    if notification.channel == Notification.Channel.EMAIL:
        EmailMessage(
            notification.subject, notification.body, settings.DEFAULT_FROM_EMAIL, [notification.to_address]
        ).send()
    elif notification.channel == Notification.Channel.SMS:
        sms_gateway().send(to=notification.to_address, text=notification.body)
    else:
        raise ValueError(f"channel {notification.channel!r} is not delivered automatically")


def notification_deliver(*, notification_id: int) -> bool:
    """Try to deliver once. True when sent (or nothing left to do), False when finally failed.

    Raises ``DeliveryFailed`` after a failed try that may be retried.
    """
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None or notification.status != Notification.Status.QUEUED:
        return True
    attempts = notification.attempts + 1
    try:
        _deliver(notification)
    except Exception as exc:
        error = _error_text(exc)
        final = attempts >= MAX_ATTEMPTS
        Notification.objects.filter(pk=notification.pk).update(
            attempts=attempts,
            last_error=error,
            status=Notification.Status.FAILED if final else Notification.Status.QUEUED,
        )
        log.warning("notification %s not delivered (try %s of %s): %s", notification.pk, attempts, MAX_ATTEMPTS, exc)
        if final:
            return False
        raise DeliveryFailed(error) from exc
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.SENT, attempts=attempts, sent_at=timezone.now()
    )
    return True
