"""The citizen timeline's sources: each app that knows something a citizen did adds one.

A source is a callable ``source(citizen, *, limit) -> list[TimelineItem]`` returning at most
``limit`` items, newest first. citizens registers its own (contact moments, cases); counters
registers appointments from ``CountersConfig.ready``. Sources run in registration order.

Mijn loket (the citizen's own page) takes sections the same way: ``register_mijnloket_section``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class TimelineItem:
    at: dt.datetime
    kind: str  # "contact", "case", "appointment", …
    channel: str  # phone, counter, email, online, chat, …
    title: str
    status: str  # a Dutch label
    url: str = ""
    reference: str = ""


TimelineSource = Callable[..., list[TimelineItem]]

_sources: list[TimelineSource] = []


def register_timeline_source(source: TimelineSource) -> TimelineSource:
    """Add a source once (registering the same callable twice keeps one)."""
    if source not in _sources:
        _sources.append(source)
    return source


def timeline_sources() -> list[TimelineSource]:
    return list(_sources)


# --- Mijn loket ------------------------------------------------------------------------------
# A feature app adds a section to the citizen's Mijn loket (counters: "Mijn afspraken") with a
# provider ``provider(user) -> MijnLoketSection | None``, registered in its ``AppConfig.ready``.
# Sections are shown even when empty (``empty`` says so), in registration order.


@dataclass(frozen=True, slots=True)
class MijnLoketItem:
    title: str
    status: str  # a Dutch label
    when: dt.datetime | dt.date | None = None
    reference: str = ""
    url: str = ""
    url_label: str = ""  # the link's text when it is not the title, e.g. "Wijzig of annuleer"
    note: str = ""


@dataclass(frozen=True, slots=True)
class MijnLoketSection:
    slug: str  # the section's anchor on the page, e.g. "afspraken"
    title: str
    items: tuple[MijnLoketItem, ...] = ()
    empty: str = ""
    action_label: str = ""
    action_url: str = ""


MijnLoketProvider = Callable[[Any], "MijnLoketSection | None"]

_mijnloket_sections: list[MijnLoketProvider] = []


def register_mijnloket_section(provider: MijnLoketProvider) -> MijnLoketProvider:
    """Add a section to Mijn loket once (registering the same callable twice keeps one)."""
    if provider not in _mijnloket_sections:
        _mijnloket_sections.append(provider)
    return provider


def mijnloket_sections(*, user: Any) -> list[MijnLoketSection]:
    sections = (provider(user) for provider in _mijnloket_sections)
    return [section for section in sections if section is not None]
