"""The citizen's subscriptions to new works in Mijn loket (``citizens.hooks.register_mijnloket_section``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.citizens.hooks import MijnLoketItem, MijnLoketSection
from loket.works.subscriptions import subscription_list_active_for_email


def work_subscriptions_section(user: Any) -> MijnLoketSection | None:
    """The active subscriptions of the citizen's e-mail address, each with its cancel link.

    A subscription is made for an e-mail address, logged in or not, so the account's address is
    what finds them (in any case); only confirmed ones count, since confirming by the mailed link
    proves the address's owner asked for it.
    """
    if not getattr(user, "is_authenticated", False) or user.role != Role.CITIZEN:
        return None
    items = [
        MijnLoketItem(
            title=subscription.address,
            note=_("Nieuwe werken binnen %(radius)s m") % {"radius": subscription.radius_m},
            status=_("bevestigd"),
            when=timezone.localtime(subscription.confirmed_at) if subscription.confirmed_at else None,
            url=reverse("works:subscription-cancel", kwargs={"token": subscription.token}),
            url_label=_("Zeg op"),
        )
        for subscription in subscription_list_active_for_email(email=user.email or "")
    ]
    return MijnLoketSection(
        slug="werken",
        title=_("Mijn abonnementen op werken"),
        items=tuple(items),
        empty=_("U krijgt geen e-mails over nieuwe werken in uw buurt."),
        action_label=_("Abonneer u op nieuwe werken in uw buurt"),
        action_url=reverse("works:subscribe"),
    )
