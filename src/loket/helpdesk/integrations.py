"""What the helpdesk adds to the base apps through their hooks: the start-page section and the
clock that follows status changes made on the case engine's own pages."""

from __future__ import annotations

import logging
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.accounts.hooks import StartItem, StartLink, StartSection

log = logging.getLogger(__name__)


def clock_follow(*, case: Any, from_status: str, to_status: str, actor: Any) -> None:
    from loket.helpdesk.services import question_clock_follow

    question_clock_follow(case=case, from_status=from_status, to_status=to_status, actor=actor)


def start_section(user: Any) -> StartSection | None:
    """Districts: their questions and the published answers; the helpdesk: its queue."""
    from loket.helpdesk.selectors import question_counts

    if rules.DISTRICT_ASKERS.allows(user):
        counts = question_counts(user=user)
        return StartSection(
            title=_("Helpdesk binnengemeentelijke decentralisatie"),
            links=[
                StartLink(
                    _("Vragen van mijn district"),
                    reverse("helpdesk:district-home"),
                    _("%(count)s open") % {"count": counts["open"]},
                ),
                StartLink(_("Stel een vraag aan de helpdesk"), reverse("helpdesk:ask")),
                StartLink(_("Gepubliceerde antwoorden"), reverse("helpdesk:answers")),
            ],
        )
    if rules.HELPDESK_STAFF.allows(user):
        counts = question_counts(user=user)
        note = _("%(open)s open, %(breached)s over de termijn") % counts
        return StartSection(
            title=_("Helpdesk binnengemeentelijke decentralisatie"),
            links=[
                StartLink(_("Vragen van de districten behandelen"), reverse("helpdesk:queue"), note),
                StartLink(_("Vragen over de termijn"), reverse("helpdesk:queue") + "?termijn=over"),
            ],
        )
    return None


def questions_worklist_section(user: Any) -> StartSection | None:
    """A district's open questions in its workspace, with the moment the answer is due."""
    if not rules.DISTRICT_ASKERS.allows(user):
        return None
    from django.utils import timezone

    from loket.helpdesk.selectors import question_list_for_district

    items = []
    for case in question_list_for_district(user=user, status="open")[:10]:
        sla = case.helpdesk_sla
        waiting = sla.paused_since is not None
        note = _("wacht op jouw antwoord") if waiting else _("bij de helpdesk")
        due = None if waiting or sla.answered_at else timezone.localdate(sla.answer_due)
        url = reverse("helpdesk:question", args=[case.reference])
        items.append(StartItem(f"{case.reference} {case.title}", url, due, note))
    return StartSection(
        title=_("Open vragen aan de helpdesk"), items=items, empty=_("Je district heeft geen open vragen.")
    )
