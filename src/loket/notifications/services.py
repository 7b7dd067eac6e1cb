"""Sending notifications: choose the channel, render the template, save, deliver after commit.

``notification_send`` only writes a row and, once the surrounding transaction commits, enqueues
the delivery job (``notifications.tasks``): a slow or failing mail server or SMS gateway never
holds up or rolls back the change that caused the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from django.db import transaction

from loket.accounts.models import PreferredChannel
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.notifications.models import Notification
from loket.notifications.rendering import DEFAULT_LANGUAGE, template_render


class NotificationNotRetryable(ValueError):
    """Only a notification that was not delivered can be tried again."""


def channel_choose(*, recipient: Any, wanted: str | None = None) -> tuple[str, str]:
    """(channel, address) for ``recipient``: the wanted or preferred channel when it can be used.

    SMS needs a phone number and falls back to e-mail; e-mail needs an address and falls back to
    SMS, then to a letter. A letter has no address here (staff print it: status ``manual``).
    """
    channel = wanted or getattr(recipient, "preferred_channel", "") or PreferredChannel.EMAIL
    email = (getattr(recipient, "email", "") or "").strip()
    phone = (getattr(recipient, "phone", "") or "").strip()
    if channel == PreferredChannel.POST:
        return Notification.Channel.POST, ""
    if channel == PreferredChannel.SMS and phone:
        return Notification.Channel.SMS, phone
    if email:
        return Notification.Channel.EMAIL, email
    if phone:
        return Notification.Channel.SMS, phone
    return Notification.Channel.POST, ""


def _recipient_context(recipient: Any) -> dict[str, Any]:
    name = recipient.get_full_name() if hasattr(recipient, "get_full_name") else ""
    return {"citizen_name": name or getattr(recipient, "username", "")}


def _enqueue(notification_id: int) -> None:
    from loket.notifications.tasks import notification_deliver_job

    notification_deliver_job(notification_id)


@transaction.atomic
def notification_send(
    *,
    recipient: Any,
    template_key: str,
    context: Mapping[str, Any],
    case: Any = None,
    channel: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Notification:
    """Render ``template_key`` for ``recipient`` in their channel, save it, deliver after commit.

    Raises ``TemplateMissing`` for an unknown key and ``TemplateSyntaxError`` for a broken text.
    A letter is saved with status ``manual`` for staff; e-mail and SMS go to the delivery job.
    """
    chosen, address = channel_choose(recipient=recipient, wanted=channel)
    rendered = template_render(
        key=template_key, channel=chosen, language=language, context={**_recipient_context(recipient), **context}
    )
    notification = Notification.objects.create(
        recipient=recipient,
        channel=chosen,
        to_address=address,
        template_key=template_key,
        subject=rendered.subject,
        body=rendered.body,
        case=case,
        status=Notification.Status.MANUAL if chosen == Notification.Channel.POST else Notification.Status.QUEUED,
    )
    if notification.status == Notification.Status.QUEUED:
        transaction.on_commit(partial(_enqueue, notification.pk), robust=True)
    return notification


@transaction.atomic
def notification_retry(*, notification: Notification, actor: Any, request: Any = None) -> Notification:
    """Queue a notification that was not delivered once more (a fresh round of attempts)."""
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.status != Notification.Status.FAILED:
        raise NotificationNotRetryable(locked.status)
    locked.status = Notification.Status.QUEUED
    locked.attempts = 0
    locked.save(update_fields=["status", "attempts"])
    district_id = locked.case.district_id if locked.case_id and locked.case else None
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=locked,
        fields=["status"],
        district_id=district_id,
        request=request,
    )
    transaction.on_commit(partial(_enqueue, locked.pk), robust=True)
    return locked
