"""Which records a user may see. District-bound roles see only their own district."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from loket.accounts.models import Role

CITY_WIDE_ROLES = frozenset({Role.AGENT, Role.CLERK, Role.BACKOFFICE, Role.HELPDESK, Role.MANAGER, Role.ADMIN})


def district_scope(user: Any) -> int | None:
    """The only district a user may see, or None when the user sees every district.

    Raises PermissionError for users with no staff scope at all (anonymous, citizens).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise PermissionError("no staff scope")
    if user.role in (Role.DISTRICT_STAFF, Role.COORDINATOR):
        return int(user.district_id)
    if user.role in CITY_WIDE_ROLES:
        return None
    raise PermissionError("no staff scope")


def filter_by_district(user: Any, queryset: QuerySet[Any], *lookups: str) -> QuerySet[Any]:
    """Limit ``queryset`` to records whose district (any of ``lookups``) is the user's own.

    City-wide roles get the queryset unchanged; citizens and anonymous users get nothing.
    """
    try:
        district_id = district_scope(user)
    except PermissionError:
        return queryset.none()
    if district_id is None:
        return queryset
    condition = Q()
    for lookup in lookups or ("district",):
        condition |= Q(**{f"{lookup}_id": district_id})
    return queryset.filter(condition)
