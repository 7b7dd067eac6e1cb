"""The back office's work: the work queue (a read) and the bulk and composite writes on cases.

Reads always start from ``selectors.case_visible_to`` so a district's staff never see, claim or
assign another district's case, whatever reference they send. The work queue pages on the server
with LIMIT/OFFSET over an index-ordered query and a *capped* count (``COUNT`` over at most
``COUNT_CAP + 1`` rows), so a page view never counts a million rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import DISTRICT_ROLES, Role
from loket.cases.models import Case
from loket.cases.selectors import ORDERINGS, case_handled_by, case_visible_to
from loket.cases.services import case_assign, case_transition
from loket.cases.workflows import IllegalTransition, Workflow, workflow_for, workflow_kinds
from loket.catalogue.models import Service
from loket.organisation.models import District, Team

PER_PAGE = 25
COUNT_CAP = 1000
OPEN = ""  # the status filter's default: every open case
ALL = "alle"
DUE_CHOICES = ("overdue", "week")
ASSIGNEE_CHOICES = ("me", "nobody", "someone")
# What a work-queue row shows: no JSON (case data, a district's boundary) is loaded for a list.
LIST_FIELDS = (
    "reference",
    "kind",
    "title",
    "status",
    "deadline",
    "paused_since",
    "closed_at",
    "service__name",
    "service__slug",
    "team__name",
    "team__slug",
    "district__name",
    "district__slug",
    "assignee__username",
    "assignee__first_name",
    "assignee__last_name",
)


@dataclass(frozen=True)
class WorkQueueFilters:
    """What the work queue shows. Empty strings mean "no filter" (status: every open case)."""

    status: str = OPEN
    district: str = ""
    service: str = ""
    kind: str = ""
    team: str = ""
    due: str = ""
    assignee: str = ""

    def as_query(self) -> dict[str, str]:
        return {name: value for name, value in self.__dict__.items() if value}


@dataclass(frozen=True)
class WorkQueuePage:
    cases: list[Case]
    number: int
    per_page: int
    has_next: bool
    total: int
    total_capped: bool = False
    filters: WorkQueueFilters = field(default_factory=WorkQueueFilters)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.cases else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.cases)


def status_choices() -> list[tuple[str, str]]:
    """Every status of every registered kind, once, with its Dutch label."""
    seen: dict[str, str] = {}
    for kind in workflow_kinds():
        workflow = workflow_for(kind)
        for status in workflow.statuses:
            seen.setdefault(status, workflow.label(status))
    return sorted(seen.items(), key=lambda pair: pair[1])


def _week_end(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=6 - today.weekday())


def _id_for(model: Any, slug: str) -> int:
    """The id of the row with ``slug``, or 0 (no row has it) so that the filter matches nothing."""
    return model.objects.filter(slug=slug).values_list("id", flat=True).first() or 0


def work_queue_queryset(*, user: Any, filters: WorkQueueFilters) -> QuerySet[Case]:
    """The cases ``user`` may see that match ``filters``, ordered by deadline (most urgent first)."""
    return _filtered(case_visible_to(user=user), user=user, filters=filters)


def _scope_parts(*, user: Any, filters: WorkQueueFilters) -> list[QuerySet[Case]]:
    """The queue as disjoint, index-ordered parts. A district's scope is "competent OR requesting
    district": one OR query cannot walk an index in deadline order (SQLite sorts every open case of
    the district), so each side is read on its own and the two are merged."""
    if getattr(user, "is_authenticated", False) and user.role in DISTRICT_ROLES and user.is_active:
        own = Case.objects.filter(district_id=user.district_id)
        asked = Case.objects.filter(requesting_district_id=user.district_id).exclude(district_id=user.district_id)
        return [_filtered(own, user=user, filters=filters), _filtered(asked, user=user, filters=filters)]
    return [work_queue_queryset(user=user, filters=filters)]


def _deadline_key(case: Case) -> tuple[bool, dt.date, int]:
    return (case.deadline is None, case.deadline or dt.date.max, case.pk)


def _filtered(cases: QuerySet[Case], *, user: Any, filters: WorkQueueFilters) -> QuerySet[Case]:
    if filters.status == OPEN:
        cases = cases.filter(closed_at__isnull=True)
    elif filters.status != ALL:
        cases = cases.filter(status=filters.status)
    # Slugs become ids first, so the database filters on the indexed foreign key, not a join.
    if filters.district:
        cases = cases.filter(district_id=_id_for(District, filters.district))
    if filters.service:
        cases = cases.filter(service_id=_id_for(Service, filters.service))
    if filters.kind:
        cases = cases.filter(kind=filters.kind)
    if filters.team and filters.team != ALL:
        cases = cases.filter(team_id=_id_for(Team, filters.team))
    today = timezone.localdate()
    if filters.due == "overdue":
        cases = cases.filter(closed_at__isnull=True).filter(
            Q(paused_since__isnull=True, deadline__lt=today)
            | Q(paused_since__isnull=False, deadline__lt=F("paused_since"))
        )
    elif filters.due == "week":
        cases = cases.filter(closed_at__isnull=True, deadline__gte=today, deadline__lte=_week_end(today))
    if filters.assignee == "me":
        cases = cases.filter(assignee=user)
    elif filters.assignee == "nobody":
        cases = cases.filter(assignee__isnull=True)
    elif filters.assignee == "someone":
        cases = cases.filter(assignee__isnull=False)
    return cases.order_by(*ORDERINGS["deadline"])


def work_queue_page(*, user: Any, filters: WorkQueueFilters, page: int = 1, per_page: int = PER_PAGE) -> WorkQueuePage:
    """One page of the work queue: ``per_page`` rows, whether there is a next page, a capped count."""
    page = max(1, int(page))
    offset = (page - 1) * per_page
    parts = _scope_parts(user=user, filters=filters)
    listed = [part.select_related("service", "team", "district", "assignee").only(*LIST_FIELDS) for part in parts]
    if len(listed) == 1:
        rows = list(listed[0][offset : offset + per_page + 1])
    else:
        merged = sorted((c for part in listed for c in part[: offset + per_page + 1]), key=_deadline_key)
        rows = merged[offset : offset + per_page + 1]
    total = sum(part.order_by()[: COUNT_CAP + 1].count() for part in parts)
    return WorkQueuePage(
        cases=rows[:per_page],
        number=page,
        per_page=per_page,
        has_next=len(rows) > per_page,
        total=min(total, COUNT_CAP),
        total_capped=total > COUNT_CAP,
        filters=filters,
    )


def assignable_users(*, user: Any, case: Case | None = None) -> list[Any]:
    """Colleagues a case may go to: the members of the user's (or the case's) team and, for a
    district's case or a district user, that district's staff."""
    from loket.accounts.models import User

    teams = {t for t in (getattr(user, "team_id", None), case.team_id if case else None) if t}
    districts = {d for d in (getattr(user, "district_id", None), case.district_id if case else None) if d}
    condition = Q(pk=user.pk) | Q(team_id__in=teams)
    condition |= Q(role__in=[Role.DISTRICT_STAFF, Role.COORDINATOR], district_id__in=districts)
    people = User.objects.filter(condition, is_active=True).exclude(role=Role.CITIZEN)
    return list(people.order_by("first_name", "last_name", "username")[:200])


@transaction.atomic
def cases_bulk_assign(
    *, actor: Any, references: list[str], assignee: Any = None, team: Team | None = None
) -> list[Case]:
    """Assign every case in ``references`` (claim: ``assignee=actor``), or none of them.

    A reference the actor may not see is refused like an unknown one, and nothing is assigned.
    """
    wanted = list(dict.fromkeys(r.strip() for r in references if r and r.strip()))
    if not wanted:
        raise ValidationError({"references": _("Kies minstens één zaak.")})
    if assignee is None and team is None:
        raise ValidationError(_("Geef een medewerker of een team."))
    visible = case_visible_to(user=actor).filter(reference__in=wanted)
    found = {case.reference: case for case in visible if case_handled_by(user=actor, case=case)}
    missing = [r for r in wanted if r not in found]
    if missing:
        raise ValidationError(
            {"references": _("Onbekende zaak of geen toegang: %(refs)s.") % {"refs": ", ".join(missing)}}
        )
    return [case_assign(case=found[r], actor=actor, assignee=assignee, team=team) for r in wanted]


def pausing_target(*, case: Case) -> str | None:
    """The kind's pausing status ("wacht op de burger") that the case may move to now, if any."""
    workflow = workflow_for(case.kind)
    return next((s for s in workflow.allowed_next(case.status) if workflow.pauses(s)), None)


@transaction.atomic
def case_request_information(*, case: Case, message: str, actor: Any) -> Case:
    """Ask the citizen for more information: the pausing status with ``message`` as a public event.

    The deadline clock stops; moving on (e.g. back to "in behandeling") restarts it and moves the
    deadline by the working days spent waiting (``services.case_transition``).
    """
    if not message or not message.strip():
        raise ValidationError({"message": _("Schrijf welke informatie je van de burger nodig hebt.")})
    target = pausing_target(case=case)
    if target is None:
        workflow = workflow_for(case.kind)
        raise ValidationError(
            _("In de status '%(status)s' kan je geen informatie aan de burger vragen.")
            % {"status": workflow.label(case.status)}
        )
    return case_transition(case=case, to_status=target, actor=actor, text=message.strip(), public=True)


def closing_paths(*, case: Case) -> dict[str, list[str]]:
    """Each closed status reachable now, directly or through one open, non-pausing status
    (e.g. ``in_progress → decided → closed``), with the steps to take."""
    workflow = workflow_for(case.kind)
    paths: dict[str, list[str]] = {}
    for step in workflow.allowed_next(case.status):
        if workflow.is_closed(step):
            paths.setdefault(step, [step])
    for step in workflow.allowed_next(case.status):
        if workflow.is_closed(step) or workflow.pauses(step):
            continue
        for final in workflow.allowed_next(step):
            if workflow.is_closed(final):
                paths.setdefault(final, [step, final])
    return {status: paths[status] for status in workflow.statuses if status in paths}


@transaction.atomic
def case_decide_and_close(*, case: Case, decision: str, closing_status: str, actor: Any) -> Case:
    """Record the decision as a public event and close the case with ``closing_status``."""
    if not decision or not decision.strip():
        raise ValidationError({"decision": _("Schrijf de beslissing; de burger krijgt ze te zien.")})
    workflow: Workflow = workflow_for(case.kind)
    steps = closing_paths(case=case).get(closing_status)
    if steps is None:
        raise IllegalTransition(workflow=workflow, from_status=case.status, to_status=closing_status)
    for index, step in enumerate(steps):
        text = decision.strip() if index == 0 else ""
        case = case_transition(case=case, to_status=step, actor=actor, text=text, public=True)
    return case
