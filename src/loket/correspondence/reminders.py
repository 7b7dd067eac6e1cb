"""Mailing one reminder about a reply deadline (run by the job, retried like notifications)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from loket.correspondence.models import LetterReminder
from loket.notifications.delivery import MAX_ATTEMPTS, DeliveryFailed

log = logging.getLogger(__name__)


def reminder_text(reminder: LetterReminder) -> tuple[str, str]:
    """The subject and body of the reminder mail, in Dutch."""
    letter = reminder.letter
    due = formats.date_format(letter.reply_due, "j F Y") if letter.reply_due else ""
    if reminder.kind == LetterReminder.Kind.AFTER:
        subject = _("Antwoordtermijn overschreden: %(ref)s") % {"ref": letter.reference}
        lead = _("Het antwoord op deze brief was verwacht uiterlijk op %(due)s en is er nog niet.") % {"due": due}
    else:
        subject = _("Herinnering: antwoord verwacht op %(ref)s") % {"ref": letter.reference}
        lead = _("Het antwoord op deze brief wordt verwacht uiterlijk op %(due)s.") % {"due": due}
    url = settings.LOKET_BASE_URL.rstrip("/") + reverse("correspondence:letter-detail", args=[letter.reference])
    body = f"{lead}\n\n{letter.reference} — {letter.subject}\n{letter.sender.name}\n\n{url}\n"
    return subject, body


def reminder_deliver(*, reminder_id: int) -> bool:
    """Try once; raise ``DeliveryFailed`` so Huey retries, mark ``failed`` after the last try."""
    reminder = LetterReminder.objects.select_related("letter__sender").filter(pk=reminder_id).first()
    if reminder is None or reminder.status != LetterReminder.Status.QUEUED:
        return True
    addresses = [a for a in reminder.to_addresses.splitlines() if a.strip()]
    attempts = reminder.attempts + 1
    try:
        if addresses:
            subject, body = reminder_text(reminder)
            EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, addresses).send()
    except Exception as exc:
        final = attempts >= MAX_ATTEMPTS
        LetterReminder.objects.filter(pk=reminder.pk).update(
            attempts=attempts, status=LetterReminder.Status.FAILED if final else LetterReminder.Status.QUEUED
        )
        log.warning("letter reminder %s not delivered (try %s): %s", reminder.pk, attempts, exc)
        if final:
            return False
        raise DeliveryFailed(str(exc)) from exc
    LetterReminder.objects.filter(pk=reminder.pk).update(
        attempts=attempts, status=LetterReminder.Status.SENT, sent_at=timezone.now()
    )
    return True
