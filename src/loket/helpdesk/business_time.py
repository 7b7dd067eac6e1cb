"""Business time: the clock of the helpdesk's targets, pure Python (no database, no Django models).

A ``BusinessCalendar`` says when the helpdesk works: periods per weekday in local time (a day
may have several, e.g. a lunch break), minus Belgian public holidays and the helpdesk's own
closure days. Two operations, both optionally minus *pauses* (intervals in which the clock stands
still, e.g. while the helpdesk waits for the asker):

- ``add_business_time(calendar, start, amount)``: the moment ``amount`` of business time after
  ``start``. Ending exactly at a period's close gives that close (a question due "at 17:00 on
  Friday"), not the next morning.
- ``business_time_between(calendar, start, end)``: how much business time lies in ``[start, end)``.

Periods are built as aware datetimes in the calendar's zone for each date, so a day with a
daylight-saving change is measured in real elapsed time; office hours themselves stay at their
local wall-clock times all year. Minute variants (``add_business_minutes``,
``business_minutes_between``) wrap the ``timedelta`` ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from loket.organisation.calendar import belgian_public_holidays

BRUSSELS = ZoneInfo("Europe/Brussels")
# A calendar with no business time for this long is an error, not an endless loop.
MAX_SEARCH_DAYS = 3660

Period = tuple[dt.time, dt.time]
Interval = tuple[dt.datetime, dt.datetime | None]  # a pause; None: still paused


def is_belgian_public_holiday(day: dt.date) -> bool:
    return day in belgian_public_holidays(day.year)


WEEKDAYS_9_TO_17: Mapping[int, tuple[Period, ...]] = {weekday: ((dt.time(9), dt.time(17)),) for weekday in range(5)}


@dataclass(frozen=True)
class BusinessCalendar:
    """When the clock runs: ``hours`` maps a weekday (Monday 0) to its periods (opens, closes)."""

    hours: Mapping[int, Sequence[Period]] = field(default_factory=lambda: dict(WEEKDAYS_9_TO_17))
    closed_days: frozenset[dt.date] = frozenset()
    is_holiday: Callable[[dt.date], bool] = is_belgian_public_holiday
    zone: dt.tzinfo = BRUSSELS

    def __post_init__(self) -> None:
        for weekday, periods in self.hours.items():
            if not 0 <= weekday <= 6:
                raise ValueError(f"weekday {weekday} is not 0 (Monday) to 6 (Sunday)")
            for opens, closes in periods:
                if closes <= opens:
                    raise ValueError(f"a period must close after it opens: {opens}–{closes}")  # noqa: RUF001

    def is_business_day(self, day: dt.date) -> bool:
        return bool(self.hours.get(day.weekday())) and day not in self.closed_days and not self.is_holiday(day)

    def periods_on(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The day's business periods as UTC datetimes, in order (none on a closed day)."""
        if not self.is_business_day(day):
            return []
        periods = []
        for opens, closes in sorted(self.hours[day.weekday()]):
            # In UTC: arithmetic between datetimes sharing one tzinfo ignores the offset change.
            start = dt.datetime.combine(day, opens, tzinfo=self.zone).astimezone(dt.UTC)
            end = dt.datetime.combine(day, closes, tzinfo=self.zone).astimezone(dt.UTC)
            if end > start:  # a period inside a skipped daylight-saving hour has no length
                periods.append((start, end))
        return periods

    def local_date(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()


def _utc(moment: dt.datetime, name: str) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")
    return moment.astimezone(dt.UTC)


def _normalised_pauses(pauses: Iterable[Interval]) -> list[tuple[dt.datetime, dt.datetime | None]]:
    result = []
    for start, end in pauses:
        start = _utc(start, "a pause's start")
        if end is not None:
            end = _utc(end, "a pause's end")
            if end <= start:
                continue
        result.append((start, end))
    return sorted(result, key=lambda pause: pause[0])


def _minus_pauses(
    start: dt.datetime, end: dt.datetime, pauses: list[tuple[dt.datetime, dt.datetime | None]]
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """``[start, end)`` with the pauses cut out, as the pieces that remain, in order."""
    cursor = start
    for pause_start, pause_end in pauses:
        if pause_end is not None and pause_end <= cursor:
            continue
        if pause_start >= end:
            break
        if pause_start > cursor:
            yield cursor, pause_start
        if pause_end is None:
            return
        cursor = max(cursor, pause_end)
        if cursor >= end:
            return
    if cursor < end:
        yield cursor, end


def _pieces(
    calendar: BusinessCalendar,
    start: dt.datetime,
    pauses: list[tuple[dt.datetime, dt.datetime | None]],
    *,
    until: dt.datetime | None = None,
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Every stretch of running business time from ``start`` on, in order; up to the local date of
    ``until`` when given, else until a pause without end (``ValueError`` after too long a search)."""
    stop = min((pause_start for pause_start, pause_end in pauses if pause_end is None), default=None)
    last_day = calendar.local_date(until) if until is not None else None
    day = calendar.local_date(start)
    empty_days = 0
    while last_day is None or day <= last_day:
        if stop is not None and calendar.local_date(stop) < day:
            return  # paused for good: no more business time
        found = False
        for period_start, period_end in calendar.periods_on(day):
            if period_end <= start:
                continue
            for piece in _minus_pauses(max(period_start, start), period_end, pauses):
                found = True
                yield piece
        empty_days = 0 if found else empty_days + 1
        if last_day is None and empty_days > MAX_SEARCH_DAYS:
            raise ValueError(f"no business time in {MAX_SEARCH_DAYS} days after {start.isoformat()}")
        day += dt.timedelta(days=1)


def add_business_time(
    calendar: BusinessCalendar, start: dt.datetime, amount: dt.timedelta, *, pauses: Iterable[Interval] = ()
) -> dt.datetime:
    """The moment ``amount`` of business time after ``start`` (``start`` itself when amount is 0).

    Raises ``ValueError`` for a negative amount, a naive datetime, or when the clock never runs
    long enough (no office hours, or a pause without end).
    """
    start = _utc(start, "start")
    if amount < dt.timedelta(0):
        raise ValueError("the amount of business time must not be negative")
    if amount == dt.timedelta(0):
        return start.astimezone(calendar.zone)
    remaining = amount
    for piece_start, piece_end in _pieces(calendar, start, _normalised_pauses(pauses)):
        length = piece_end - piece_start
        if length >= remaining:
            return (piece_start + remaining).astimezone(calendar.zone)
        remaining -= length
    raise ValueError("the clock stands still for good before the amount of business time has run")


def business_time_between(
    calendar: BusinessCalendar, start: dt.datetime, end: dt.datetime, *, pauses: Iterable[Interval] = ()
) -> dt.timedelta:
    """Business time in ``[start, end)``; zero when ``end`` is not after ``start``."""
    start, end = _utc(start, "start"), _utc(end, "end")
    total = dt.timedelta(0)
    if end <= start:
        return total
    for piece_start, piece_end in _pieces(calendar, start, _normalised_pauses(pauses), until=end):
        if piece_start >= end:
            break
        total += min(piece_end, end) - piece_start
        if piece_end >= end:
            break
    return total


def add_business_minutes(
    calendar: BusinessCalendar, start: dt.datetime, minutes: int, *, pauses: Iterable[Interval] = ()
) -> dt.datetime:
    return add_business_time(calendar, start, dt.timedelta(minutes=minutes), pauses=pauses)


def business_minutes_between(
    calendar: BusinessCalendar, start: dt.datetime, end: dt.datetime, *, pauses: Iterable[Interval] = ()
) -> int:
    """Whole business minutes in ``[start, end)`` (seconds are dropped)."""
    return int(business_time_between(calendar, start, end, pauses=pauses) // dt.timedelta(minutes=1))
