"""Reads for the contact-centre workspace: defaults the agent starts from, and option lists.

Finding a citizen and their timeline are the citizens app's reads (``citizen_search``,
``citizen_timeline``); this module only adds what the workspace needs around them.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from loket.cases.models import Case, InternalTask
from loket.catalogue.models import Service
from loket.catalogue.selectors import competence_lookup
from loket.citizens.models import Citizen
from loket.organisation.calendar import add_working_days
from loket.organisation.models import Team

END_OF_WORKING_DAY = dt.time(17, 0)
MAX_CALL_SECONDS = 8 * 3600


def handover_due_default(*, now: dt.datetime | None = None) -> dt.datetime:
    """The default due time of a hand-over or callback: the end (17:00) of the next working day."""
    local = timezone.localtime(now or timezone.now())
    day = add_working_days(local.date(), 1)
    return timezone.make_aware(dt.datetime.combine(day, END_OF_WORKING_DAY), timezone.get_current_timezone())


def handover_team_default(*, service: Service | None, citizen: Citizen | None) -> Team | None:
    """The team competent for ``service`` where the citizen lives (competences register), or None.

    A district topic needs the citizen's district; without one (or without a service, or when the
    register has no row) there is no default and the agent chooses the team.
    """
    if service is None:
        return None
    try:
        answer = competence_lookup(topic=service.topic, district=citizen.district if citizen else None)
    except ValueError:
        return None
    return answer.team


def call_seconds(*, started: dt.datetime | None, now: dt.datetime | None = None) -> int:
    """Seconds since the call was opened (0 when unknown, capped: a forgotten tab is not a call)."""
    if started is None:
        return 0
    seconds = int(((now or timezone.now()) - started).total_seconds())
    return max(0, min(seconds, MAX_CALL_SECONDS))


def citizen_cases(*, citizen: Citizen, limit: int = 50) -> list[Case]:
    """The citizen's cases, newest first, to link a hand-over to one of them."""
    return list(
        Case.objects.filter(citizen_id=citizen.user_id)
        .only("id", "reference", "title", "created_at")
        .order_by("-created_at", "-id")[:limit]
    )


def service_choices() -> list[Service]:
    return list(Service.objects.filter(active=True).only("id", "slug", "name").order_by("name"))


def service_by_slug(*, slug: str) -> Service | None:
    return Service.objects.filter(slug=slug, active=True).select_related("topic").first() if slug else None


def citizen_open_tasks(*, citizen: Citizen, limit: int = 10) -> list[InternalTask]:
    """Hand-overs and callbacks still open for the citizen, the earliest due first."""
    return list(
        InternalTask.objects.filter(citizen_id=citizen.user_id, status=InternalTask.Status.OPEN)
        .select_related("team")
        .order_by("due_at", "id")[:limit]
    )
