"""Who may use what: every permission rule of Loket lives in this module.

Each view declares one rule: function views with ``@allow(rules.X)``, API views with
``rule = rules.X`` (checked by :class:`RulePermission`). Which *records* a permitted user
sees is decided by :mod:`loket.accounts.scoping` (district staff see only their district).
A test walks every URL and fails on a view that declares no rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from loket.accounts.models import Role

_ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    roles: frozenset[str] = field(default_factory=frozenset)
    anonymous: bool = False

    def allows(self, user: Any) -> bool:
        if user is None or not getattr(user, "is_authenticated", False):
            return self.anonymous
        if not user.is_active:
            return False
        return user.role in self.roles


PUBLIC = Rule("public", "Iedereen, ook zonder aan te melden.", _ALL_ROLES, anonymous=True)
AUTHENTICATED = Rule("authenticated", "Elke aangemelde gebruiker.", _ALL_ROLES)
CITIZEN = Rule("citizen", "Burgers (hun eigen gegevens).", frozenset({Role.CITIZEN}))
STAFF = Rule("staff", "Elke medewerker.", _ALL_ROLES - {Role.CITIZEN})
CASE_WORKERS = Rule(
    "case_workers",
    "Medewerkers die zaken behandelen of opvolgen (binnen hun bereik).",
    frozenset(
        {
            Role.AGENT,
            Role.CLERK,
            Role.BACKOFFICE,
            Role.DISTRICT_STAFF,
            Role.COORDINATOR,
            Role.HELPDESK,
            Role.MANAGER,
            Role.ADMIN,
        }
    ),
)
FRONT_OFFICE = Rule(
    "front_office",
    "Contactcenter en loket: zaken starten namens een burger.",
    frozenset({Role.AGENT, Role.CLERK, Role.BACKOFFICE, Role.ADMIN}),
)
COUNTER_STAFF = Rule(
    "counter_staff", "Loketmedewerkers aan de balie.", frozenset({Role.CLERK, Role.MANAGER, Role.ADMIN})
)
CORRESPONDENTS = Rule(
    "correspondents",
    "Wie brieven tussen districten en stad registreert of leest: districten, stadsdiensten, helpdesk.",
    frozenset(
        {
            Role.DISTRICT_STAFF,
            Role.COORDINATOR,
            Role.BACKOFFICE,
            Role.HELPDESK,
            Role.MANAGER,
            Role.ADMIN,
        }
    ),
)
HELPDESK_STAFF = Rule(
    "helpdesk_staff",
    "De helpdesk binnengemeentelijke decentralisatie: vragen van de districten behandelen.",
    frozenset({Role.HELPDESK, Role.MANAGER, Role.ADMIN}),
)
DISTRICT_ASKERS = Rule(
    "district_askers",
    "Districtsmedewerkers en bestuurscoördinatoren: vragen stellen aan de helpdesk (eigen district).",
    frozenset({Role.DISTRICT_STAFF, Role.COORDINATOR}),
)
HELPDESK_USERS = Rule(
    "helpdesk_users",
    "Wie vragen aan de helpdesk stelt of behandelt: de districten (eigen district) en de helpdesk.",
    HELPDESK_STAFF.roles | DISTRICT_ASKERS.roles,
)
MANAGERS = Rule("managers", "Stafdienst en beheerders.", frozenset({Role.MANAGER, Role.ADMIN}))
ADMINS = Rule("admins", "Beheerders.", frozenset({Role.ADMIN}))

ALL_RULES = (
    PUBLIC,
    AUTHENTICATED,
    CITIZEN,
    STAFF,
    CASE_WORKERS,
    FRONT_OFFICE,
    COUNTER_STAFF,
    CORRESPONDENTS,
    HELPDESK_STAFF,
    DISTRICT_ASKERS,
    HELPDESK_USERS,
    MANAGERS,
    ADMINS,
)

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def allow(rule: Rule) -> Callable[[V], V]:
    """Guard a function view: anonymous visitors go to the login page, others get 403."""

    def decorate(view: V) -> V:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not rule.allows(request.user):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.loket_rule = rule  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate


def declared_rule(view: Any) -> Rule | None:
    """The rule a resolved view callable declares, or None when it declares none."""
    rule = getattr(view, "loket_rule", None)
    if rule is not None:
        return rule
    cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
    rule = getattr(cls, "rule", None)
    return rule if isinstance(rule, Rule) else None


class RulePermission(BasePermission):
    """DRF permission that applies the view's declared ``rule``; a view without one is closed."""

    def has_permission(self, request: Request, view: Any) -> bool:
        rule = getattr(view, "rule", None)
        if not isinstance(rule, Rule):
            return False
        return rule.allows(request.user)
