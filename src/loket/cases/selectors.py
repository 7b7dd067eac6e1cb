"""Reads on cases, always through the reader's scope.

- citizens see only the cases they are the citizen of;
- district-bound roles (district staff, coordinators) see a case when its competent
  ``district`` or its ``requesting_district`` is theirs;
- city-wide roles see every case.

A district role *handles* its competent district's cases except those its district asked (a
helpdesk question): those it follows, the public history only and no writes (``case_handled_by``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import DISTRICT_ROLES, Role
from loket.accounts.scoping import filter_by_district
from loket.cases.models import Case, CaseEvent

ORDERINGS: dict[str, tuple[str | OrderBy, ...]] = {
    "deadline": (F("deadline").asc(nulls_last=True), "id"),
    "-deadline": (F("deadline").desc(nulls_last=True), "-id"),
    "created_at": ("created_at", "id"),
    "-created_at": ("-created_at", "-id"),
    "reference": ("reference",),
    "-reference": ("-reference",),
}


def case_visible_to(*, user: Any) -> QuerySet[Case]:
    cases = Case.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return cases.none()
    if user.role == Role.CITIZEN:
        return cases.filter(citizen=user)
    return filter_by_district(user, cases, "district", "requesting_district")


def _by_slug_or_instance(field: str, value: Any) -> Q:
    if isinstance(value, str):
        return Q(**{f"{field}__slug": value})
    return Q(**{field: value})


def case_list_for_user(
    *,
    user: Any,
    status: str | list[str] | None = None,
    kind: str | None = None,
    district: Any = None,
    team: Any = None,
    assignee: Any = None,
    overdue: bool | None = None,
    order: str = "deadline",
) -> QuerySet[Case]:
    """The cases ``user`` may see, filtered on the server. ``district``/``team`` take an
    instance or a slug; ``overdue`` means open and past its deadline (a paused case is
    overdue when the deadline passed before the clock stopped)."""
    if order not in ORDERINGS:
        raise ValueError(_("Onbekende sortering: '%(order)s'.") % {"order": order})
    cases = case_visible_to(user=user).select_related("team", "district", "requesting_district", "assignee", "topic")
    if status:
        cases = cases.filter(status__in=[status] if isinstance(status, str) else status)
    if kind:
        cases = cases.filter(kind=kind)
    if district is not None:
        cases = cases.filter(_by_slug_or_instance("district", district))
    if team is not None:
        cases = cases.filter(_by_slug_or_instance("team", team))
    if assignee is not None:
        cases = cases.filter(assignee=assignee)
    if overdue is not None:
        today = timezone.localdate()
        late = Q(closed_at__isnull=True) & (
            Q(paused_since__isnull=True, deadline__lt=today)
            | Q(paused_since__isnull=False, deadline__lt=F("paused_since"))
        )
        cases = cases.filter(late) if overdue else cases.exclude(late)
    return cases.order_by(*ORDERINGS[order])


def case_get_for_user(*, user: Any, reference: str) -> Case:
    """One case by reference, or 404 when it does not exist or ``user`` may not see it."""
    case = (
        case_visible_to(user=user)
        .select_related(
            "team", "district", "requesting_district", "location_district", "assignee", "topic", "service", "citizen"
        )
        .filter(reference=reference)
        .first()
    )
    if case is None:
        raise Http404(_("Geen zaak met referentie %(reference)s.") % {"reference": reference})
    return case


def case_handled_by(*, user: Any, case: Case) -> bool:
    """Whether ``user`` handles ``case`` (its internal history and its writes) rather than only
    follows it as the district that asked it, or as its citizen."""
    role = getattr(user, "role", None)
    if role == Role.CITIZEN:
        return False
    if role in DISTRICT_ROLES:
        # A question keeps the asking district as its district; the helpdesk handles it.
        return case.district_id == user.district_id and case.requesting_district_id != user.district_id
    return True


def case_get_for_handler(*, user: Any, reference: str) -> Case:
    """One case ``user`` handles: 404 outside their scope, 403 for a case they only follow."""
    case = case_get_for_user(user=user, reference=reference)
    if not case_handled_by(user=user, case=case):
        raise PermissionDenied(_("Deze zaak volgt u enkel op; het bevoegde team behandelt ze."))
    return case


def case_history(*, case: Case, public_only: bool = False) -> QuerySet[CaseEvent]:
    events = case.events.select_related("actor", "assignee", "team", "attachment").order_by("at", "id")
    return events.filter(public=True) if public_only else events
