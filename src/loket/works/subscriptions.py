"""Area subscriptions: asking for one, confirming it by the mailed link, ending it.

Nobody is subscribed by someone else: a subscription gets no notice until the link in the
confirmation mail was followed. The form answers the same whatever the address's state (it
never tells who is subscribed); asking again for an active or pending subscription of the same
address makes no second row, and mails at most once per ``RESEND_AFTER``; one address may start
at most ``MAX_REQUESTS_PER_DAY`` subscriptions a day.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.organisation.geocoding import normalize
from loket.organisation.geometry import METRES_PER_DEGREE_LAT
from loket.works import geometry as geo
from loket.works.mail import CONFIRM_VALID
from loket.works.models import AreaSubscription, WorkNotice

RADIUS_MIN_M = 100
RADIUS_MAX_M = 2000
RESEND_AFTER = timedelta(minutes=10)
MAX_REQUESTS_PER_DAY = 5
# Two subscriptions of one e-mail address this close are one place.
SAME_PLACE_M = 25.0
# Unconfirmed subscriptions are personal data nobody agreed to keep: forgotten after this.


class SubscriptionError(Exception):
    """A confirm or cancel link that cannot be used (any more)."""


@dataclass(frozen=True)
class SubscribeOutcome:
    subscription: AreaSubscription
    created: bool
    mailed: bool


def _distance_m(a: AreaSubscription, lat: float, lon: float) -> float:
    dx = (a.lon - lon) * geo.metres_per_degree_lon(lat)
    dy = (a.lat - lat) * METRES_PER_DEGREE_LAT
    return math.hypot(dx, dy)


def _same_place(subscription: AreaSubscription, *, address: str, lat: float, lon: float) -> bool:
    return normalize(subscription.address) == normalize(address) or _distance_m(subscription, lat, lon) <= SAME_PLACE_M


def _enqueue_mail(subscription_id: int) -> None:
    from loket.works.tasks import work_subscription_mail_job

    work_subscription_mail_job(subscription_id)


def _mail_after_commit(subscription: AreaSubscription, now: datetime) -> bool:
    """Queue the confirmation mail unless one went out a moment ago."""
    if subscription.confirmation_mailed_at is not None and subscription.confirmation_mailed_at > now - RESEND_AFTER:
        return False
    AreaSubscription.objects.filter(pk=subscription.pk).update(confirmation_mailed_at=now)
    subscription.confirmation_mailed_at = now
    transaction.on_commit(partial(_enqueue_mail, subscription.pk), robust=True)
    return True


@transaction.atomic
def subscription_request(
    *, email: str, address: str, lat: float, lon: float, radius_m: int, user: Any = None
) -> SubscribeOutcome:
    """Ask for a subscription: a new pending one with a confirmation mail, or the same
    address's existing one (pending: its place and radius updated, the mail sent again)."""
    email = email.strip()
    address = " ".join(address.split())
    if not RADIUS_MIN_M <= radius_m <= RADIUS_MAX_M:
        raise ValidationError(
            {
                "radius_m": _("Kies een straal tussen %(min)s en %(max)s meter.")
                % {"min": RADIUS_MIN_M, "max": RADIUS_MAX_M}
            }
        )
    now = timezone.now()
    open_rows = list(
        AreaSubscription.objects.select_for_update()
        .filter(email__iexact=email, cancelled_at__isnull=True)
        .order_by("-created_at", "-id")
    )
    for existing in open_rows:
        if not _same_place(existing, address=address, lat=lat, lon=lon):
            continue
        if not existing.is_active:
            existing.address, existing.lat, existing.lon, existing.radius_m = address, lat, lon, radius_m
            existing.save(update_fields=["address", "lat", "lon", "radius_m"])
        return SubscribeOutcome(existing, created=False, mailed=_mail_after_commit(existing, now))
    recent = AreaSubscription.objects.filter(email__iexact=email, created_at__gte=now - timedelta(days=1)).count()
    if recent >= MAX_REQUESTS_PER_DAY:
        raise ValidationError(
            {"email": _("Voor dit e-mailadres kwamen vandaag al te veel aanvragen. Probeer het morgen opnieuw.")},
            code="too_many",
        )
    subscription = AreaSubscription.objects.create(
        email=email,
        address=address,
        lat=lat,
        lon=lon,
        radius_m=radius_m,
        user=user if user is not None and getattr(user, "is_authenticated", False) else None,
    )
    return SubscribeOutcome(subscription, created=True, mailed=_mail_after_commit(subscription, now))


def subscription_by_token(token: str) -> AreaSubscription:
    """The subscription of a link's token; AreaSubscription.DoesNotExist for an unknown one."""
    if not token or len(token) > 40:
        raise AreaSubscription.DoesNotExist
    return AreaSubscription.objects.get(token=token)


def subscription_list_active_for_email(*, email: str, limit: int = 50) -> list[AreaSubscription]:
    """The confirmed, not cancelled subscriptions of an e-mail address (case-insensitive), the
    most recently confirmed first. An empty address has none."""
    email = email.strip()
    if not email:
        return []
    rows = AreaSubscription.objects.filter(email__iexact=email, confirmed_at__isnull=False, cancelled_at__isnull=True)
    return list(rows.order_by("-confirmed_at", "-id")[:limit])


def confirmation_expired(subscription: AreaSubscription) -> bool:
    sent = subscription.confirmation_mailed_at or subscription.created_at
    return subscription.confirmed_at is None and sent < timezone.now() - CONFIRM_VALID


@transaction.atomic
def subscription_confirm(*, subscription: AreaSubscription) -> AreaSubscription:
    """Confirm by the mailed link. Confirming twice changes nothing; an ended subscription or an
    expired link raises ``SubscriptionError``."""
    subscription = AreaSubscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.cancelled_at is not None:
        raise SubscriptionError(_("Dit abonnement is opgezegd. Abonneer u opnieuw als u weer berichten wilt."))
    if subscription.confirmed_at is not None:
        return subscription
    if confirmation_expired(subscription):
        raise SubscriptionError(_("Deze bevestigingslink is verlopen. Vraag het abonnement opnieuw aan."))
    subscription.confirmed_at = timezone.now()
    subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def subscription_cancel(*, subscription: AreaSubscription) -> AreaSubscription:
    """End a subscription (ending it twice changes nothing); notices not yet sent are dropped."""
    subscription = AreaSubscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.cancelled_at is None:
        subscription.cancelled_at = timezone.now()
        subscription.save(update_fields=["cancelled_at"])
        subscription.notices.exclude(status=WorkNotice.Status.SENT).delete()
    return subscription
