"""Extension points: other apps add to organisation pages without organisation importing them.

The catalogue, for instance, registers a section with the competences of a district in its
``AppConfig.ready``::

    from loket.organisation.hooks import PageSection, register_district_section

    def competences(district):
        return PageSection(
            title=_("Bevoegdheden van het district"),
            template="catalogue/_district_competences.html",
            context={"competences": competence_list_for_district(district=district)},
        )

    register_district_section(competences)

The section's template is included with ``district`` and ``data`` (the section's context).
Location pages offer the same with ``register_location_section``; their section templates are
included with ``location`` and ``data``. The page renders each title as an ``<h2>``, so a
section's own headings start at ``<h3>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from loket.organisation.models import District, Location


@dataclass(frozen=True)
class PageSection:
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


DistrictSection = Callable[[District], PageSection | None]

_district_sections: list[DistrictSection] = []


def register_district_section(provider: DistrictSection) -> DistrictSection:
    """Add a section to every district page (idempotent; usable as a decorator)."""
    if provider not in _district_sections:
        _district_sections.append(provider)
    return provider


def district_sections(*, district: District) -> list[PageSection]:
    sections = (provider(district) for provider in _district_sections)
    return [section for section in sections if section is not None]


LocationSection = Callable[[Location], PageSection | None]

_location_sections: list[LocationSection] = []


def register_location_section(provider: LocationSection) -> LocationSection:
    """Add a section to every location page (idempotent; usable as a decorator)."""
    if provider not in _location_sections:
        _location_sections.append(provider)
    return provider


def location_sections(*, location: Location) -> list[PageSection]:
    sections = (provider(location) for provider in _location_sections)
    return [section for section in sections if section is not None]
