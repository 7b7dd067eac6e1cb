"""Reads for Mijn loket, the citizen's own page: their cases by kind, what waits for them.

Every read starts from the citizen's own user (``Case.citizen``): nothing here takes another
person's id. The case page itself reads through ``cases.selectors.case_get_for_user`` (a citizen
sees only their own cases; anything else is a 404) and ``cases.messages.case_citizen_view``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from loket.accounts.hooks import StartLink, StartSection
from loket.accounts.models import Role
from loket.cases.models import Case
from loket.cases.workflows import UnknownKind, Workflow, workflow_for, workflow_kinds

CASE_LIMIT = 200
# The kinds a citizen has a section for even when empty, with the section's anchor and texts.
KIND_SECTIONS = {
    "request": ("aanvragen", gettext_lazy("Mijn aanvragen"), gettext_lazy("U hebt nog geen aanvragen.")),
    "report": ("meldingen", gettext_lazy("Mijn meldingen"), gettext_lazy("U hebt nog geen meldingen.")),
}


@dataclass(frozen=True)
class CaseRow:
    reference: str
    title: str
    kind: str
    status_label: str
    deadline: dt.date | None
    created_at: dt.datetime
    waiting: bool
    closed: bool


@dataclass(frozen=True)
class CaseGroup:
    kind: str
    slug: str
    title: str
    empty: str
    rows: list[CaseRow] = field(default_factory=list)


def _workflow(kind: str) -> Workflow | None:
    try:
        return workflow_for(kind)
    except UnknownKind:
        return None


def waiting_condition() -> Q:
    """Cases in their kind's pausing status: they wait for the citizen's answer."""
    condition = Q(pk__in=[])
    for kind in workflow_kinds():
        pausing = workflow_for(kind).pausing
        if pausing:
            condition |= Q(kind=kind, status__in=sorted(pausing))
    return condition


def citizen_case_groups(*, user: Any) -> list[CaseGroup]:
    """The citizen's cases grouped by kind (requests, reports, then any other kind), newest first."""
    rows = (
        Case.objects.filter(citizen_id=user.pk)
        .order_by("-created_at", "-id")
        .values_list("reference", "title", "kind", "status", "deadline", "created_at", "closed_at")[:CASE_LIMIT]
    )
    groups: dict[str, CaseGroup] = {
        kind: CaseGroup(kind=kind, slug=slug, title=str(title), empty=str(empty))
        for kind, (slug, title, empty) in KIND_SECTIONS.items()
    }
    for reference, title, kind, status, deadline, created_at, closed_at in rows:
        workflow = _workflow(kind)
        group = groups.get(kind)
        if group is None:
            label = str(workflow.label_text) if workflow else kind
            group = groups[kind] = CaseGroup(
                kind=kind, slug=f"zaken-{kind}", title=_("Mijn zaken: %(kind)s") % {"kind": label}, empty=""
            )
        group.rows.append(
            CaseRow(
                reference=reference,
                title=title,
                kind=kind,
                status_label=workflow.label(status) if workflow else status,
                deadline=deadline,
                created_at=created_at,
                waiting=bool(workflow and workflow.pauses(status)),
                closed=closed_at is not None or bool(workflow and workflow.is_closed(status)),
            )
        )
    return list(groups.values())


def citizen_waiting_count(*, user: Any) -> int:
    return Case.objects.filter(waiting_condition(), citizen_id=user.pk).count()


def mijnloket_start_section(user: Any) -> StartSection | None:
    """ "Mijn loket" on the citizen's start page, with what waits for their answer."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.CITIZEN:
        return None
    url = reverse("citizens:mijnloket")
    links = [StartLink(_("Mijn loket: al uw aanvragen, meldingen en afspraken"), url)]
    waiting = citizen_waiting_count(user=user)
    if waiting:
        label = ngettext("%(count)s zaak wacht op uw antwoord", "%(count)s zaken wachten op uw antwoord", waiting) % {
            "count": waiting
        }
        links.append(StartLink(label, url + "#wacht-op-u"))
    return StartSection(title=_("Volg uw aanvragen, meldingen en afspraken"), links=links)
