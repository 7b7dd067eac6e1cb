"""What steering adds to the base apps' pages, through the hooks they offer."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.accounts.hooks import StartLink, StartSection


def steering_start_section(user: Any) -> StartSection | None:
    """Managers reach the figures from their start page."""
    if not rules.MANAGERS.allows(user):
        return None
    links = [
        StartLink(
            _("Kanaalmix"),
            reverse("steering:channel-mix"),
            _("zaken en contactmomenten per kanaal, per dienst, district of thema"),
        )
    ]
    return StartSection(title=_("Sturing en cijfers"), links=links)
