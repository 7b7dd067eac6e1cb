"""What consultations add to other apps' pages through their hooks."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loket.accounts import rules
from loket.accounts.hooks import StartLink, StartSection


def consultations_start_section(user: Any) -> StartSection | None:
    if not rules.HELPDESK_USERS.allows(user):
        return None
    from loket.consultations.selectors import actions_open_for, meetings_coming

    coming = meetings_coming(user=user).count()
    actions = actions_open_for(user=user).count()
    links = [
        StartLink(
            _("Overleg"),
            reverse("consultations:meeting-list"),
            ngettext("%(n)s komend overleg", "%(n)s komende overleggen", coming) % {"n": coming},
        ),
        StartLink(
            _("Open actiepunten"),
            reverse("consultations:meeting-list") + "#acties",
            ngettext("%(n)s actiepunt", "%(n)s actiepunten", actions) % {"n": actions},
        ),
    ]
    return StartSection(title=_("Overleg stad en districten"), links=links)
