"""What each role sees on its start page: plain reads, scoped by the case engine's selectors."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from loket.accounts.models import Role, User
from loket.cases.models import Case
from loket.cases.selectors import case_list_for_user

START_LIST_LIMIT = 50


def count_by(cases: QuerySet[Case], field: str) -> list[dict[str, Any]]:
    """``[{"value": ..., "count": n}]`` for ``field``, largest group first."""
    rows = cases.order_by().values(field).annotate(count=Count("id")).order_by("-count", field)
    return [{"value": row[field], "count": row["count"]} for row in rows]


def start_page_data(*, user: User) -> dict[str, Any]:
    """The context of ``user``'s start page; which template shows it follows from the role."""
    role = user.role
    if role == Role.CITIZEN:
        return {"cases": case_list_for_user(user=user, order="-created_at")[:START_LIST_LIMIT]}
    visible = case_list_for_user(user=user)
    open_cases = visible.filter(closed_at__isnull=True)
    if role in (Role.AGENT, Role.CLERK):
        return {"status_counts": count_by(visible, "status"), "open_cases": open_cases[:START_LIST_LIMIT]}
    if role == Role.BACKOFFICE:
        team_cases = open_cases.filter(team_id=user.team_id) if user.team_id else open_cases.none()
        return {"team": user.team, "open_cases": team_cases[:START_LIST_LIMIT]}
    if role in (Role.DISTRICT_STAFF, Role.COORDINATOR):
        return {"district": user.district, "open_cases": open_cases[:START_LIST_LIMIT]}
    if role == Role.HELPDESK:
        return {"open_questions": open_cases.filter(kind="question")[:START_LIST_LIMIT]}
    if role == Role.MANAGER:
        return {
            "total": visible.count(),
            "open_total": open_cases.count(),
            "by_kind": count_by(visible, "kind"),
            "by_status": count_by(visible, "status"),
            "by_channel": count_by(visible, "channel"),
            "by_district": count_by(visible, "district__name"),
        }
    return {}
