"""The mails of the works app, in Dutch: confirming a subscription, and new works in the area.

Texts are rendered like the notifications app's templates (plain text, no HTML escaping).
Every mail to a subscriber carries the link that ends the subscription.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import translation

from loket.notifications.rendering import message_render
from loket.works import geometry as geo
from loket.works.models import AreaSubscription, WorkNotice

# How long the link in the confirmation mail stays valid.
CONFIRM_VALID = timedelta(days=7)

SIGNATURE = "Met vriendelijke groeten,\nStad Antwerpen\n03 22 11 333 · info@antwerpen.be"

CONFIRM_SUBJECT = "Bevestig uw abonnement op werken in uw buurt"
CONFIRM_BODY = (
    "Beste,\n\n"
    "U vroeg om een e-mail wanneer er nieuwe werken op het openbaar domein gepland worden "
    "binnen {{ radius }} m van {{ address }}.\n\n"
    "Bevestig uw abonnement met deze link:\n{{ confirm_url }}\n\n"
    "De link is {{ valid_days }} dagen geldig. Vroeg u dit niet aan? Dan hoeft u niets te doen: "
    "zonder bevestiging krijgt u geen berichten.\n\n" + SIGNATURE
)

ALREADY_SUBJECT = "U bent al geabonneerd op werken in uw buurt"
ALREADY_BODY = (
    "Beste,\n\n"
    "Iemand vroeg een abonnement aan op nieuwe werken binnen {{ radius }} m van {{ address }} "
    "voor dit e-mailadres. U bent daar al op geabonneerd; er verandert niets.\n\n"
    "De werken in uw buurt: {{ nearby_url }}\n"
    "Wilt u geen berichten meer? Zeg uw abonnement op: {{ cancel_url }}\n\n" + SIGNATURE
)

NOTICE_SUBJECT = (
    "{% if count == 1 %}Nieuw werk in uw buurt: {{ works.0.title }}"
    "{% else %}{{ count }} nieuwe werken in uw buurt{% endif %}"
)
NOTICE_BODY = (
    "Beste,\n\n"
    "{% if count == 1 %}Er is een nieuw werk op het openbaar domein gepland"
    "{% else %}Er zijn {{ count }} nieuwe werken op het openbaar domein gepland{% endif %} "
    "binnen {{ radius }} m van {{ address }}:\n\n"
    "{% for work in works %}"
    "* {{ work.title }} ({{ work.kind }})\n"
    "  Van {{ work.start|date:'j F Y' }} tot en met {{ work.end|date:'j F Y' }}, "
    "op ongeveer {{ work.distance }} m van uw adres.\n"
    "{% if work.severe %}  Let op: ernstige hinder.\n{% endif %}"
    "  Meer informatie: {{ work.url }}\n\n"
    "{% endfor %}"
    "Alle werken in uw buurt: {{ nearby_url }}\n\n"
    "Wilt u deze berichten niet meer krijgen? Zeg uw abonnement op: {{ cancel_url }}\n\n" + SIGNATURE
)


def absolute(path: str) -> str:
    return f"{settings.LOKET_BASE_URL}{path}"


def confirm_url(subscription: AreaSubscription) -> str:
    return absolute(reverse("works:subscription-confirm", kwargs={"token": subscription.token}))


def cancel_url(subscription: AreaSubscription) -> str:
    return absolute(reverse("works:subscription-cancel", kwargs={"token": subscription.token}))


def nearby_url(subscription: AreaSubscription) -> str:
    query = urlencode(
        {"address": subscription.address, "lat": f"{subscription.lat:.6f}", "lon": f"{subscription.lon:.6f}"}
    )
    return absolute(f"{reverse('works:nearby')}?{query}")


def _message(*, to: str, subject: str, body: str, context: dict[str, Any], **kwargs: Any) -> EmailMessage:
    with translation.override("nl"):
        rendered = message_render(subject=subject, body=body, context=context)
    return EmailMessage(rendered.subject, rendered.body, settings.DEFAULT_FROM_EMAIL, [to], **kwargs)


def _subscription_context(subscription: AreaSubscription) -> dict[str, Any]:
    return {
        "address": subscription.address,
        "radius": subscription.radius_m,
        "nearby_url": nearby_url(subscription),
        "cancel_url": cancel_url(subscription),
    }


def confirmation_mail(subscription: AreaSubscription) -> EmailMessage:
    """The mail with the confirmation link (or, for an active subscription, "you already are")."""
    context = {
        **_subscription_context(subscription),
        "confirm_url": confirm_url(subscription),
        "valid_days": CONFIRM_VALID.days,
    }
    if subscription.is_active:
        return _message(to=subscription.email, subject=ALREADY_SUBJECT, body=ALREADY_BODY, context=context)
    return _message(to=subscription.email, subject=CONFIRM_SUBJECT, body=CONFIRM_BODY, context=context)


def subscription_mail_deliver(*, subscription_id: int) -> bool:
    """Send the confirmation mail once; False when there is nothing to send (ended, gone).
    A failing mail server raises, so the job is retried."""
    subscription = AreaSubscription.objects.filter(pk=subscription_id, cancelled_at__isnull=True).first()
    if subscription is None:
        return False
    confirmation_mail(subscription).send()
    return True


def notice_mail(*, notices: list[WorkNotice], connection: BaseEmailBackend | None = None) -> EmailMessage:
    """One mail to one subscriber about the works of these notices (all of that subscription)."""
    subscription = notices[0].subscription
    works = []
    for notice in notices:
        work = notice.work
        works.append(
            {
                "title": work.title,
                "kind": work.get_kind_display(),  # type: ignore[attr-defined]
                "start": work.start_date,
                "end": work.end_date,
                "distance": _rounded(geo.distance_m(work.geometry, subscription.lat, subscription.lon)),
                "severe": work.hindrances.filter(severe=True).exists(),
                "url": absolute(reverse("works:detail", args=[work.pk])),
            }
        )
    context = {**_subscription_context(subscription), "works": works, "count": len(works)}
    return _message(
        to=subscription.email, subject=NOTICE_SUBJECT, body=NOTICE_BODY, context=context, connection=connection
    )


def _rounded(metres: float) -> int:
    """Metres rounded to tens: the distance is to the nearest edge of the work, give or take."""
    return int(round(metres / 10.0) * 10)
