"""Demo data for the catalogue: the competences register and the service catalogue. Idempotent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loket.catalogue import demo_knowledge
from loket.catalogue.demo_services import COUNTERS, COUNTERS_SELF, DISTRICT_HOUSES, SERVICES
from loket.catalogue.demo_topics import CITY_TOPICS, DELEGATED, DISTRICT_TOPICS
from loket.catalogue.models import Competence, Level, Service, Topic
from loket.organisation.models import District, Location, Team

ORDER = 20


def load(*, log: Callable[[str], None]) -> None:
    _load_topics(log=log)
    _load_services(log=log)
    demo_knowledge.load(log=log)


def _load_topics(*, log: Callable[[str], None]) -> None:
    districts = list(District.objects.all())
    rows = 0
    for slug, name, suffix, description, note in DISTRICT_TOPICS:
        topic, _ = Topic.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "level": Level.DISTRICT,
                "description": description,
                "legal_basis": DELEGATED + note,
            },
        )
        Competence.objects.filter(topic=topic, district__isnull=True).delete()
        for district in districts:
            team = Team.objects.get(slug=f"{district.slug}-{suffix}")
            Competence.objects.update_or_create(topic=topic, district=district, defaults={"team": team})
            rows += 1
    for slug, name, team_slug, description, note in CITY_TOPICS:
        topic, _ = Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "level": Level.CITY, "description": description, "legal_basis": note}
        )
        Competence.objects.filter(topic=topic, district__isnull=False).delete()
        Competence.objects.update_or_create(
            topic=topic, district=None, defaults={"team": Team.objects.get(slug=team_slug)}
        )
        rows += 1
    log(f"{len(DISTRICT_TOPICS) + len(CITY_TOPICS)} thema's, {rows} bevoegdheden")


def _locations_for(where: str) -> list[Location]:
    kinds = {
        # The counters of "Loket op maat" are housed in the district houses plus the city counters.
        COUNTERS: [Location.Kind.DISTRICT_HOUSE, Location.Kind.CITY_COUNTER],
        COUNTERS_SELF: [Location.Kind.DISTRICT_HOUSE, Location.Kind.CITY_COUNTER, Location.Kind.SELF_SERVICE],
        DISTRICT_HOUSES: [Location.Kind.DISTRICT_HOUSE],
    }.get(where, [])
    return list(Location.objects.filter(kind__in=kinds)) if kinds else []


# Every field a service row may leave out, so a second run resets edits made to the demo data.
DEFAULTS: dict[str, Any] = {
    "online": False,
    "by_phone": False,
    "counter": Service.Counter.NONE,
    "fee": "",
    "documents": "",
    "lead_time": "",
    "appointment_minutes": 15,
    "on_behalf_allowed": False,
    "handling_days": None,
    "popular": False,
    "home_visit": False,
    "active": True,
}


def _load_services(*, log: Callable[[str], None]) -> None:
    for data in SERVICES:
        values: dict[str, Any] = DEFAULTS | data
        slug = values.pop("slug")
        where = str(values.pop("where"))
        values["topic"] = Topic.objects.get(slug=values["topic"])
        service, _ = Service.objects.update_or_create(slug=slug, defaults=values)
        service.locations.set(_locations_for(where))
    log(f"{len(SERVICES)} diensten")
