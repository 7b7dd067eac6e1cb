"""What the contact centre adds to the base apps' pages, through the hooks they offer."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.accounts.hooks import StartLink, StartSection
from loket.accounts.models import Role


def contact_centre_start_section(user: Any) -> StartSection | None:
    """Agents (and the rest of the front office) reach the workspace and the callback list."""
    if not rules.FRONT_OFFICE.allows(user):
        return None
    links = [
        StartLink(
            _("Contactcenter: burger zoeken, contact registreren, doorgeven"),
            reverse("contactcentre:workspace"),
        )
    ]
    with suppress(NoReverseMatch):  # the callback list is the case engine's (internal tasks)
        links.append(StartLink(_("Terugbellijst"), reverse("cases:callback-list")))
    title = _("Contactcenter") if user.role == Role.AGENT else _("Contactcenter (namens burgers)")
    return StartSection(title=title, links=links)
