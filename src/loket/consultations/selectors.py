"""Reads on consultations. The helpdesk, managers and admins see every meeting; district staff
and coordinators see the meetings their district takes part in; nobody else sees any."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import DISTRICT_ROLES, Role
from loket.consultations.models import ActionPoint, AgendaItem, Meeting

ORGANISERS = frozenset({Role.HELPDESK, Role.ADMIN})
SEE_ALL = frozenset({Role.HELPDESK, Role.MANAGER, Role.ADMIN})


def is_organiser(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.role in ORGANISERS)


def meetings_visible_to(*, user: Any) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("series")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return meetings.none()
    if user.role in SEE_ALL:
        return meetings
    if user.role in DISTRICT_ROLES:
        return meetings.filter(pk__in=Meeting.objects.filter(districts=user.district_id).values("pk"))
    return meetings.none()


def meeting_get(*, user: Any, meeting_id: int) -> Meeting:
    meeting = meetings_visible_to(user=user).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404(_("Geen overleg met dit nummer binnen jouw bereik."))
    return meeting


def meetings_coming(*, user: Any, now: dt.datetime | None = None) -> QuerySet[Meeting]:
    now = now or timezone.now()
    return meetings_visible_to(user=user).filter(ends_at__gte=now).exclude(status=Meeting.Status.CANCELLED)


def agenda(*, meeting: Meeting) -> list[AgendaItem]:
    """The accepted items in their order."""
    return list(
        meeting.items.filter(status=AgendaItem.Status.ACCEPTED).prefetch_related("documents").select_related("district")
    )


def proposals_visible(*, meeting: Meeting, user: Any) -> list[AgendaItem]:
    """Items still proposed or refused: all for organisers, a district's own for that district."""
    items = meeting.items.exclude(status=AgendaItem.Status.ACCEPTED).select_related("district")
    if is_organiser(user) or user.role == Role.MANAGER:
        return list(items)
    return list(items.filter(district_id=user.district_id))


def actions_carried(*, meeting: Meeting) -> list[ActionPoint]:
    """The series' action points from earlier meetings that were still open when this one
    started: open ones, and the ones closed at this very meeting."""
    earlier = Q(series_id=meeting.series_id, meeting__starts_at__lt=meeting.starts_at)
    still_open = Q(status=ActionPoint.Status.OPEN) | Q(done_in=meeting)
    return list(ActionPoint.objects.filter(earlier & still_open).select_related("owner_district", "meeting"))


def actions_open_for(*, user: Any) -> QuerySet[ActionPoint]:
    """Open action points in meetings the user sees; a district's own first in its workspace."""
    actions = ActionPoint.objects.filter(status=ActionPoint.Status.OPEN).select_related("meeting", "owner_district")
    visible = meetings_visible_to(user=user).values("pk")
    actions = actions.filter(meeting_id__in=visible)
    if getattr(user, "role", None) in DISTRICT_ROLES:
        actions = actions.filter(Q(owner_district_id=user.district_id) | Q(owner_district__isnull=True))
    return actions.order_by("due_date", "id")
