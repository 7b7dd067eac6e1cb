"""What consultations add to other apps' pages through their hooks."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loket.accounts import rules
from loket.accounts.hooks import StartItem, StartLink, StartSection


def consultations_start_section(user: Any) -> StartSection | None:
    if not rules.HELPDESK_USERS.allows(user):
        return None
    from loket.consultations.selectors import meetings_coming

    coming = meetings_coming(user=user).count()
    links = [
        StartLink(
            _("Overleg"),
            reverse("consultations:meeting-list"),
            ngettext("%(n)s komend overleg", "%(n)s komende overleggen", coming) % {"n": coming},
        ),
    ]
    return StartSection(title=_("Overleg stad en districten"), links=links)


def meetings_worklist_section(user: Any) -> StartSection | None:
    """Coming meetings, with the deadline for proposing agenda items."""
    if not rules.HELPDESK_USERS.allows(user):
        return None
    from django.utils import formats, timezone

    from loket.consultations.selectors import meetings_coming

    items = []
    for meeting in meetings_coming(user=user)[:5]:
        when = formats.date_format(timezone.localtime(meeting.starts_at), "l j F Y H:i")
        deadline = timezone.localdate(meeting.proposals_until) if meeting.proposals_until else None
        note = _("%(when)s; agendapunten voorstellen tot de datum hiernaast") % {"when": when} if deadline else when
        url = reverse("consultations:meeting-detail", args=[meeting.pk])
        items.append(StartItem(meeting.title, url, deadline, note))
    return StartSection(title=_("Komende overleggen"), items=items, empty=_("Geen komende overleggen."))


def actions_worklist_section(user: Any) -> StartSection | None:
    """Open action points of the meetings the user takes part in."""
    if not rules.HELPDESK_USERS.allows(user):
        return None
    from loket.consultations.selectors import actions_open_for

    items = [
        StartItem(
            action.title,
            reverse("consultations:meeting-detail", args=[action.meeting_id]) + "#acties",
            action.due_date,
            action.owner_name,
        )
        for action in actions_open_for(user=user)[:10]
    ]
    return StartSection(title=_("Open actiepunten"), items=items, empty=_("Geen open actiepunten."))
