"""Extension points: feature apps add sections to a user's start page without accounts importing them.

A provider takes the user and returns a ``StartSection`` (a title and links) or None; counters,
for example, gives clerks the desk screens of their locations and agents the booking on behalf.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from loket.organisation.calendar import add_working_days


@dataclass(frozen=True)
class StartLink:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class StartItem:
    """One piece of work with a deadline on a start page (a district's workspace, for example)."""

    label: str
    url: str
    due: dt.date | None = None
    note: str = ""

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()

    @property
    def due_soon(self) -> bool:
        """Due within the next two working days (and not yet late)."""
        if self.due is None or self.overdue:
            return False
        return self.due <= add_working_days(timezone.localdate(), 2)


@dataclass(frozen=True)
class StartSection:
    title: str
    links: list[StartLink] = field(default_factory=list)
    # Work with deadlines, shown as a table with the late and the urgent ones marked.
    items: list[StartItem] = field(default_factory=list)
    empty: str = ""


StartSectionProvider = Callable[[Any], StartSection | None]

_start_sections: list[StartSectionProvider] = []


def register_start_section(provider: StartSectionProvider) -> StartSectionProvider:
    """Add a section to the start pages (idempotent; usable as a decorator)."""
    if provider not in _start_sections:
        _start_sections.append(provider)
    return provider


def start_sections(*, user: Any) -> list[StartSection]:
    sections = (provider(user) for provider in _start_sections)
    return [s for s in sections if s is not None and (s.links or s.items or s.empty)]
