"""The citizen timeline's sources: each app that knows something a citizen did adds one.

A source is a callable ``source(citizen, *, limit) -> list[TimelineItem]`` returning at most
``limit`` items, newest first. citizens registers its own (contact moments, cases); counters
registers appointments from ``CountersConfig.ready``. Sources run in registration order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


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
