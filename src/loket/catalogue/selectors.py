"""Reads of the catalogue: the competences register ("who handles topic T here") and services."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from loket.catalogue.models import Competence, Level, Service, Topic
from loket.organisation import selectors as organisation
from loket.organisation.generations import GenerationCache
from loket.organisation.models import District, Location, Team


class CompetenceError(ValueError):
    """The register cannot say who handles a topic at the given place."""


class UnknownTopic(CompetenceError):
    pass


class OutsideCity(CompetenceError):
    """The place lies outside the city: no district and no city team is competent there."""


class LocationNeeded(CompetenceError):
    """A district topic needs a place (district, coordinates or postcode) to find the district."""


class NoCompetentTeam(CompetenceError):
    """The register has no row for this topic (in this district): a gap in the configuration."""


@dataclass(frozen=True)
class CompetenceAnswer:
    topic: Topic
    level: str
    district: District | None
    team: Team


def topic_get(*, slug: str) -> Topic:
    try:
        return Topic.objects.get(slug=slug)
    except Topic.DoesNotExist:
        raise UnknownTopic(f"Onbekend thema: {slug!r}.") from None


def _district_at(
    *, district: District | None, lat: float | None, lon: float | None, postcode: str | None
) -> District | None:
    """The district at the given place; None when no place is given. Raises OutsideCity."""
    if district is not None:
        return district
    if lat is not None or lon is not None:
        if lat is None or lon is None:
            raise LocationNeeded("Geef zowel breedtegraad (lat) als lengtegraad (lon).")
        found = organisation.district_locate_point(lat=lat, lon=lon)
    elif postcode:
        found = organisation.district_for_postcode(postcode=postcode)
    else:
        return None
    if found is None:
        raise OutsideCity("Deze plaats ligt buiten de stad Antwerpen.")
    return found


def competence_lookup(
    *,
    topic: Topic | str,
    district: District | None = None,
    lat: float | None = None,
    lon: float | None = None,
    postcode: str | None = None,
) -> CompetenceAnswer:
    """Who handles ``topic`` here: the city team for a city topic, else the team of the district at the place.

    A place outside the city is refused even for a city topic: the city is not competent there either.
    Raises UnknownTopic, OutsideCity, LocationNeeded, NoCompetentTeam (all ValueError) and the
    organisation's InvalidCoordinates for coordinates out of range.
    """
    if isinstance(topic, str):
        topic = topic_get(slug=topic)
    place = _district_at(district=district, lat=lat, lon=lon, postcode=postcode)
    if topic.level == Level.CITY:
        team = _competent_team(topic_id=topic.pk, district_id=None)
        if team is None:
            raise NoCompetentTeam(f"Geen stedelijk team voor {topic.name}.")
        return CompetenceAnswer(topic=topic, level=Level.CITY, district=None, team=team)
    if place is None:
        raise LocationNeeded(f"{topic.name} is een districtsbevoegdheid: geef een district, coördinaten of postcode.")
    team = _competent_team(topic_id=topic.pk, district_id=place.pk)
    if team is None:
        raise NoCompetentTeam(f"Geen team voor {topic.name} in district {place.name}.")
    return CompetenceAnswer(topic=topic, level=Level.DISTRICT, district=place, team=team)


# (topic id, district id or None for the city's row) → the register's team, or None for a gap.
_teams: GenerationCache[tuple[int, int | None], Team | None] = GenerationCache()


def _competent_team(*, topic_id: int, district_id: int | None) -> Team | None:
    """The register's team for a topic (in a district), kept per process while the routing
    generation (competences, teams, topics, …) is unchanged. The Team is shared: read only."""

    def load() -> Team | None:
        rows = Competence.objects.select_related("team").filter(topic_id=topic_id)
        rows = rows.filter(district__isnull=True) if district_id is None else rows.filter(district_id=district_id)
        row = rows.first()
        return row.team if row is not None else None

    return _teams.get((topic_id, district_id), load)


def competence_list_for_district(*, district: District) -> list[CompetenceAnswer]:
    """Every topic with who handles it for residents of ``district``: district topics first, then the city's."""
    rows = Competence.objects.select_related("topic", "team").filter(
        Q(district=district) | Q(district__isnull=True, topic__level=Level.CITY)
    )
    answers = [
        CompetenceAnswer(
            topic=row.topic, level=row.topic.level, district=district if row.district_id else None, team=row.team
        )
        for row in rows
    ]
    return sorted(answers, key=lambda a: (a.level != Level.DISTRICT, a.topic.name))


def topic_list_with_competences() -> QuerySet[Topic]:
    """The whole register, for the public page and the API: topics with their rows and teams."""
    rows = Competence.objects.select_related("team", "district").order_by("district__name")
    return Topic.objects.prefetch_related(Prefetch("competences", queryset=rows)).order_by("level", "name")


def service_active_queryset() -> QuerySet[Service]:
    return Service.objects.filter(active=True).select_related("topic")


def service_get(*, slug: str) -> Service:
    """An active service by slug; raises Service.DoesNotExist."""
    return service_active_queryset().prefetch_related("locations").get(slug=slug)


def service_list_popular(*, limit: int = 8) -> list[Service]:
    return list(service_active_queryset().filter(popular=True)[:limit])


def service_list_for_location(*, location: Location) -> list[Service]:
    """The active services offered at ``location``, by name (one query)."""
    return list(service_active_queryset().filter(locations=location).order_by("name"))
