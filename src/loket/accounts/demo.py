"""Demo users: one per role, and district staff and a coordinator per district. Password ``demo``.

Demo users carry ``is_demo`` and can only log in while ``DEMO_MODE`` is on (see backends.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone

from loket.accounts.models import Role, User
from loket.organisation.models import District, Team

ORDER = 30
DEMO_PASSWORD = "demo"

CITY_USERS: list[tuple[str, str, str, str, str | None]] = [
    # username, first name, last name, role, team slug
    ("citizen", "Jan", "Janssens", Role.CITIZEN, None),
    ("agent", "An", "Peeters", Role.AGENT, "stad-contactcenter"),
    ("clerk", "Karim", "El Amrani", Role.CLERK, None),
    ("backoffice", "Els", "Maes", Role.BACKOFFICE, "stad-burgerzaken"),
    # The central specialists team (second line) that counters and the contact centre escalate to.
    ("specialist", "Wim", "Verbruggen", Role.BACKOFFICE, "stad-specialisten"),
    ("helpdesk", "Lotte", "Wouters", Role.HELPDESK, "stad-helpdesk"),
    ("manager", "Marc", "Claes", Role.MANAGER, None),
    ("admin", "Sofie", "Beheer", Role.ADMIN, None),
]


def demo_user_specs() -> list[dict[str, Any]]:
    """Every demo user as the fields to store, city users first, then two per district."""
    teams = {team.slug: team for team in Team.objects.filter(slug__in=[t for *_, t in CITY_USERS if t])}
    specs: list[dict[str, Any]] = [
        {
            "username": username,
            "first_name": first,
            "last_name": last,
            "role": role,
            "team": teams.get(team) if team else None,
            "district": None,
            "is_staff": role == Role.ADMIN,
            "is_superuser": role == Role.ADMIN,
        }
        for username, first, last, role, team in CITY_USERS
    ]
    for district in District.objects.valid_on(timezone.localdate()).order_by("slug"):
        for prefix, role, label in (
            ("district", Role.DISTRICT_STAFF, "Districtsmedewerker"),
            ("coordinator", Role.COORDINATOR, "Bestuurscoördinator"),
        ):
            specs.append(
                {
                    "username": f"{prefix}-{district.slug}",
                    "first_name": label,
                    "last_name": district.name,
                    "role": role,
                    "team": None,
                    "district": district,
                    "is_staff": False,
                    "is_superuser": False,
                }
            )
    return specs


def load(*, log: Callable[[str], None]) -> None:
    created = updated = 0
    usernames = []
    for spec in demo_user_specs():
        username = spec.pop("username")
        usernames.append(username)
        _user, was_created = User.objects.update_or_create(
            username=username,
            defaults={**spec, "is_demo": True, "is_active": True, "email": f"{username}@demo.invalid"},
        )
        created += was_created
        updated += not was_created
    # One argon2 hash for all demo users: hashing is deliberately slow (about half a second), and
    # "demo" is public anyway. This bypasses the password validators on purpose: demo mode only.
    demo_users = User.objects.filter(username__in=usernames, is_demo=True)
    hashes = set(demo_users.values_list("password", flat=True))
    if len(hashes) != 1 or not check_password(DEMO_PASSWORD, hashes.pop()):
        demo_users.update(password=make_password(DEMO_PASSWORD))
    log(
        f"demogebruikers: {created} aangemaakt, {updated} bijgewerkt (wachtwoord '{DEMO_PASSWORD}', enkel in demomodus)"
    )
