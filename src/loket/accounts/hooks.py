"""Extension points: feature apps add sections to a user's start page without accounts importing them.

A provider takes the user and returns a ``StartSection`` (a title and links) or None; counters,
for example, gives clerks the desk screens of their locations and agents the booking on behalf.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class StartLink:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class StartSection:
    title: str
    links: list[StartLink] = field(default_factory=list)


StartSectionProvider = Callable[[Any], StartSection | None]

_start_sections: list[StartSectionProvider] = []


def register_start_section(provider: StartSectionProvider) -> StartSectionProvider:
    """Add a section to the start pages (idempotent; usable as a decorator)."""
    if provider not in _start_sections:
        _start_sections.append(provider)
    return provider


def start_sections(*, user: Any) -> list[StartSection]:
    sections = (provider(user) for provider in _start_sections)
    return [section for section in sections if section is not None and section.links]
