"""Desk occupancy per location and local day, as bit sets; a per-process cache for availability.

Loading: one query reads the occupying appointments of a period as integer epoch minutes (no
datetime parsing) and folds them into :class:`DayLoad` bit sets (one Python int per desk and day).
Writes under the location lock always load from the database (:func:`day_loads`).

Caching (:func:`availability_loads`, used by availability only). Per process, per location, the
bit sets of the days after today are kept with the location's :class:`BookingVersion`, read in the
same query as the locations themselves (``select_related``), before any appointment row. They are
reused only while the version is unchanged; a changed location is reloaded in one query. The
cache holds booked and checked-in appointments only; two things are always read live, in one
small query per call:

- holds (they stop counting by time, and holding does not raise the version), and
- today: check-in (``queues.appointment_check_in``) keeps the desk occupied, so it leaves the
  version alone, but a checked-in visitor served or marked no-show at the desk
  (``queues.ticket_finish``/``ticket_no_show``) frees the rest of their slot without a version
  change. Check-in is refused on any other day than the appointment's, so only today can change
  that way.

Desks (added, services changed, bookable toggled) and opening hours are not part of the cached
data at all: the cache holds every desk's busy minutes of the location, and availability reads
the desks and hours on every call. Memory: days from tomorrow to the furthest day asked (at most
the horizon) per location; older days are dropped when a day passes.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import BigIntegerField, F, Func, Q
from django.utils import timezone

from loket.counters.models import Appointment, AppointmentChannel, BookingVersion
from loket.organisation.models import Location

DAY_MINUTES = 24 * 60
OPEN = (Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN)

MEMO_PER_DAY = 16  # results kept per cached day (services x persons x channels asked)
Row = tuple[int, int, str, int, int]  # location id, desk id, channel, start and end in epoch minutes


@dataclass
class DayLoad:
    """One day's occupation of a location's desks, as bit sets of busy minutes."""

    busy: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    online: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    # Results computed from this load (availability's slots of one day, per desks, duration, cap
    # and start grid); a cached DayLoad never changes, so they stay right while it is cached.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key: Any, value: Any) -> Any:
        if len(self.memo) >= MEMO_PER_DAY:
            self.memo.clear()
        self.memo[key] = value
        return value

    def levels(self, desk_ids: Iterable[int], cap: int) -> list[int]:
        """levels[k]: the minutes at which at least k+1 of these desks hold an online booking."""
        levels = [0] * cap
        for desk in desk_ids:
            mask = self.online.get(desk, 0)
            if not mask:
                continue
            for k in range(cap - 1, 0, -1):
                levels[k] |= levels[k - 1] & mask
            levels[0] |= mask
        return levels

    def copy(self) -> DayLoad:
        return DayLoad(busy=defaultdict(int, self.busy), online=defaultdict(int, self.online))


class EpochMinutes(Func):
    """Whole minutes since 1970 (UTC) of a datetime column, computed by the database."""

    output_field = BigIntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "CAST(ROUND((julianday(%(expressions)s) - 2440587.5) * 1440) AS INTEGER)"
        return self.as_sql(compiler, connection, template=template)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "CAST(FLOOR(EXTRACT(EPOCH FROM %(expressions)s) / 60) AS BIGINT)"
        return self.as_sql(compiler, connection, template=template)


def at_minute(day: dt.date, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=tz)


@dataclass(frozen=True)
class DayIndex:
    """Local days of a period with the UTC epoch of each day's wall-clock midnight."""

    days: list[dt.date]
    bases: list[int]  # epoch minute of local midnight, with the day's offset at noon (DST nights are closed)

    @classmethod
    def build(cls, start_date: dt.date, end_date: dt.date, tz: dt.tzinfo) -> DayIndex:
        days, bases = [], []
        day = start_date
        while day <= end_date:
            noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=tz)
            days.append(day)
            bases.append(int(noon.timestamp()) // 60 - 12 * 60)
            day += dt.timedelta(days=1)
        return cls(days, bases)

    def locate(self, epoch_minute: int) -> tuple[int, int]:
        """(day index, minute of the local day) of an instant (day index -1: before the period)."""
        index = bisect_right(self.bases, epoch_minute) - 1
        return index, epoch_minute - self.bases[index] if index >= 0 else 0


def occupying(*, now: dt.datetime) -> Q:
    """Appointments that hold their desk: booked, checked in, or held and not yet expired."""
    return Q(status__in=OPEN) | Q(status=Appointment.Status.HELD, hold_expires_at__gt=now)


def _rows_query(*, location_ids: list[int], desk_ids: list[int] | None, begin: dt.datetime, finish: dt.datetime) -> Any:
    queryset = (
        Appointment.objects.filter(start__lt=finish, end__gt=begin)
        # A lower bound on start too, so the (location, start) index skips the past.
        .filter(start__gte=begin - dt.timedelta(days=1), location_id__in=location_ids)
        .annotate(start_minute=EpochMinutes("start"), end_minute=EpochMinutes("end"))
    )
    return queryset if desk_ids is None else queryset.filter(desk_id__in=desk_ids)


def _fetch(queryset: Any) -> list[Row]:
    rows = queryset.values_list("location_id", "desk_id", "channel", "start_minute", "end_minute").order_by()
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:  # plain tuples: no per-row model machinery
        cursor.execute(sql, params)
        return cursor.fetchall()  # type: ignore[no-any-return]


def _fold(rows: Iterable[Row], index: DayIndex) -> dict[int, dict[dt.date, DayLoad]]:
    loads: dict[int, dict[dt.date, DayLoad]] = defaultdict(lambda: defaultdict(DayLoad))
    online = AppointmentChannel.ONLINE
    for location_id, desk, channel, start, end in rows:
        day_index, first = index.locate(start)
        if day_index < 0:
            continue
        last = min(first + end - start, DAY_MINUTES)
        mask = ((1 << (last - first)) - 1) << first
        load = loads[location_id][index.days[day_index]]
        load.busy[desk] |= mask
        if channel == online:
            load.online[desk] |= mask
    return loads


def _days(start_date: dt.date, end_date: dt.date) -> list[dt.date]:
    return [start_date + dt.timedelta(days=offset) for offset in range((end_date - start_date).days + 1)]


def _bounds(start_date: dt.date, end_date: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_default_timezone()
    return at_minute(start_date, 0, tz), at_minute(end_date + dt.timedelta(days=1), 0, tz)


def day_loads_by_location(
    *,
    location_ids: list[int],
    desk_ids: list[int] | None,
    start_date: dt.date,
    end_date: dt.date,
    now: dt.datetime,
    exclude_id: int | None = None,
    statuses: Sequence[str] | None = None,
) -> dict[int, dict[dt.date, DayLoad]]:
    """The occupation per location and local day in [start_date, end_date], from ONE query.

    ``desk_ids`` None: every desk; ``statuses`` None: everything occupying at ``now``."""
    if not location_ids or (desk_ids is not None and not desk_ids):
        return defaultdict(lambda: defaultdict(DayLoad))
    begin, finish = _bounds(start_date, end_date)
    queryset = _rows_query(location_ids=location_ids, desk_ids=desk_ids, begin=begin, finish=finish)
    queryset = queryset.filter(occupying(now=now) if statuses is None else Q(status__in=statuses))
    if exclude_id is not None:
        queryset = queryset.exclude(pk=exclude_id)
    return _fold(_fetch(queryset), DayIndex.build(start_date, end_date, timezone.get_default_timezone()))


def day_loads(
    *,
    location: Location,
    desk_ids: list[int],
    start_date: dt.date,
    end_date: dt.date,
    now: dt.datetime,
    exclude_id: int | None = None,
) -> dict[dt.date, DayLoad]:
    """The occupation per local day of one location in [start_date, end_date], from ONE query (no cache)."""
    return day_loads_by_location(
        location_ids=[location.pk],
        desk_ids=desk_ids,
        start_date=start_date,
        end_date=end_date,
        now=now,
        exclude_id=exclude_id,
    ).get(location.pk, {})


# --- the booking version -------------------------------------------------------------------------


@transaction.atomic
def booking_version_bump(*, location_ids: Iterable[int]) -> None:
    """Raise the booking version of these locations. Call it inside the transaction of every write
    that changes the desk time of a booked or checked-in appointment (status, desk, start, end,
    channel, a new or deleted row), including direct writes outside :mod:`counters.booking`."""
    for pk in sorted(set(location_ids)):
        if BookingVersion.objects.filter(location_id=pk).update(version=F("version") + 1):
            continue
        # The first write at a location creates the row; the location lock keeps it to one creator.
        Location.objects.select_for_update().filter(pk=pk).values_list("pk", flat=True).first()
        if not BookingVersion.objects.filter(location_id=pk).update(version=F("version") + 1):
            BookingVersion.objects.create(location_id=pk, version=secrets.randbits(52))


def booking_version_of(location: Location) -> int | None:
    """The version loaded with ``select_related("booking_version")``; None: never written, not cached."""
    try:
        return int(location.booking_version.version)  # type: ignore[attr-defined]
    except BookingVersion.DoesNotExist:
        return None


# --- the per-process cache -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    version: int
    first: dt.date  # the days first..last are known (a missing day has no appointment)
    last: dt.date
    days: dict[dt.date, DayLoad]


_cache: dict[int, _Entry] = {}
_cache_lock = threading.Lock()


def occupancy_cache_clear() -> None:
    with _cache_lock:
        _cache.clear()


def occupancy_cache_size() -> tuple[int, int]:
    """(locations, days) held in this process's cache."""
    entries = list(_cache.values())
    return len(entries), sum(len(entry.days) for entry in entries)


def _cached_days(
    *, versions: dict[int, int | None], ends: dict[int, dt.date], first: dt.date, tomorrow: dt.date, now: dt.datetime
) -> dict[int, dict[dt.date, DayLoad]]:
    """Booked and checked-in occupancy from ``first`` (tomorrow or later) to each location's end day."""
    found: dict[int, dict[dt.date, DayLoad]] = {}
    updates: dict[int, _Entry] = {}
    dropped: list[int] = []
    missing: dict[tuple[dt.date, dt.date], list[int]] = defaultdict(list)
    for pk, version in versions.items():
        entry = _cache.get(pk)
        if entry is not None and (entry.version != version or entry.last < tomorrow):
            entry = None
            dropped.append(pk)
        elif entry is not None and entry.first < tomorrow:  # a day passed: drop it
            days = {day: load for day, load in entry.days.items() if day >= tomorrow}
            entry = updates[pk] = _Entry(entry.version, tomorrow, entry.last, days)
        end = ends[pk]
        if end < first:
            continue
        if entry is None or entry.first > first:
            missing[(first, end)].append(pk)
            continue
        found[pk] = entry.days
        if end > entry.last:
            missing[(entry.last + dt.timedelta(days=1), end)].append(pk)
    for (start_date, end_date), pks in missing.items():
        loads = day_loads_by_location(
            location_ids=pks, desk_ids=None, start_date=start_date, end_date=end_date, now=now, statuses=OPEN
        )
        for pk in pks:
            days = dict(loads.get(pk, {}))
            for day in _days(start_date, end_date):
                days.setdefault(day, DayLoad())  # an empty day too, for its memo
            kept = updates.get(pk) or _cache.get(pk)
            if pk in found and kept is not None:  # extend a valid entry
                entry = _Entry(kept.version, kept.first, end_date, {**kept.days, **days})
            else:
                entry = _Entry(versions[pk] or 0, start_date, end_date, days)
            found[pk] = entry.days
            if versions[pk] is not None:
                updates[pk] = entry
    with _cache_lock:
        for pk in dropped:
            if pk not in updates:
                _cache.pop(pk, None)
        _cache.update(updates)
    return found


def _live_days(
    *, location_ids: list[int], start_date: dt.date, end_date: dt.date, today: dt.date, now: dt.datetime
) -> dict[int, dict[dt.date, DayLoad]]:
    """Unexpired holds of the period and today's booked or checked-in appointments, in ONE query."""
    begin, finish = _bounds(start_date, end_date)
    holds = _rows_query(location_ids=location_ids, desk_ids=None, begin=begin, finish=finish).filter(
        status=Appointment.Status.HELD, hold_expires_at__gt=now
    )
    if start_date <= today <= end_date:
        today_begin, today_finish = _bounds(today, today)
        today_rows = _rows_query(location_ids=location_ids, desk_ids=None, begin=today_begin, finish=today_finish)
        holds = holds.values_list("location_id", "desk_id", "channel", "start_minute", "end_minute").order_by()
        rows = today_rows.filter(status__in=OPEN).values_list(
            "location_id", "desk_id", "channel", "start_minute", "end_minute"
        )
        fetched: list[Row] = list(holds.union(rows.order_by(), all=True))
    else:
        fetched = _fetch(holds)
    return _fold(fetched, DayIndex.build(start_date, end_date, timezone.get_default_timezone()))


def availability_loads(
    *,
    versions: dict[int, int | None],
    ends: dict[int, dt.date],
    start_date: dt.date,
    now: dt.datetime,
) -> dict[int, dict[dt.date, DayLoad]]:
    """The occupation per location and day from ``start_date`` to ``ends[location]``, as
    :func:`day_loads_by_location` would load it, from the cache where each location's version
    (read BEFORE this call, in the same query as the locations) still matches."""
    if not versions:
        return {}
    today = timezone.localdate(now)
    tomorrow = today + dt.timedelta(days=1)
    cached = _cached_days(versions=versions, ends=ends, first=max(start_date, tomorrow), tomorrow=tomorrow, now=now)
    live = _live_days(
        location_ids=list(versions), start_date=start_date, end_date=max(ends.values()), today=today, now=now
    )
    result: dict[int, dict[dt.date, DayLoad]] = {}
    for pk in versions:
        days = dict(cached.get(pk, {}))
        for day, load in live.get(pk, {}).items():
            if day > ends[pk]:
                continue
            base = days.get(day)
            if base is None:
                days[day] = load
                continue
            merged = base.copy()  # never change a cached DayLoad
            for desk, mask in load.busy.items():
                merged.busy[desk] |= mask
            for desk, mask in load.online.items():
                merged.online[desk] |= mask
            days[day] = merged
        result[pk] = days
    return result
