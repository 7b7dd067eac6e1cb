"""Who can write and receive letters: each district's three bodies and the city's bodies.

A party is named by a code (``district_council:berchem``, ``city_service:stad-mobiliteit``,
``city_college``) so forms and the API never need database ids; the row is made on first use.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from loket.correspondence.models import Party
from loket.organisation.models import City, District, Team

DISTRICT_KINDS = (Party.Kind.DISTRICT_COUNCIL, Party.Kind.DISTRICT_EXECUTIVE, Party.Kind.DISTRICT_COORDINATOR)
CITY_BODIES = (Party.Kind.CITY_COLLEGE, Party.Kind.CITY_COUNCIL)


def _city_email() -> str:
    city = City.objects.first()
    return city.email if city else ""


def party_choices() -> list[tuple[str, str]]:
    """Every party code with its name: each current district's bodies, the city's bodies, city services."""
    choices: list[tuple[str, str]] = []
    for district in District.objects.order_by("name"):
        for kind in DISTRICT_KINDS:
            choices.append((f"{kind}:{district.slug}", f"{Party.Kind(kind).label} {district.name}"))
    for kind in CITY_BODIES:
        choices.append((str(kind), str(Party.Kind(kind).label).capitalize()))
    for team in Team.objects.filter(level=Team.Level.CITY).order_by("name"):
        choices.append((f"{Party.Kind.CITY_SERVICE}:{team.slug}", team.name))
    return choices


def party_for_code(code: str) -> Party:
    """The party for ``code``, made on first use; ValidationError for an unknown code."""
    party = Party.objects.filter(code=code).first()
    if party is not None:
        return party
    kind, _sep, slug = code.partition(":")
    unknown = ValidationError(_("Onbekende afzender of bestemmeling: '%(code)s'.") % {"code": code})
    if kind in DISTRICT_KINDS:
        district = District.objects.filter(slug=slug).first()
        if district is None:
            raise unknown
        values = {
            "kind": kind,
            "district": district,
            "name": f"{Party.Kind(kind).label} {district.name}",
            "email": district.email,
        }
    elif kind == Party.Kind.CITY_SERVICE:
        team = Team.objects.filter(slug=slug, level=Team.Level.CITY).first()
        if team is None:
            raise unknown
        values = {"kind": kind, "team": team, "name": team.name, "email": team.email}
    elif kind in CITY_BODIES and not slug:
        values = {"kind": kind, "name": str(Party.Kind(kind).label).capitalize(), "email": _city_email()}
    else:
        raise unknown
    party, _created = Party.objects.get_or_create(code=code, defaults=values)
    return party
