"""Bookable capacity: opening periods x desks serving a service x service duration → slots.

A slot starts on the location's grid (every ``slot_minutes`` from the start of an opening
period) and lasts ``appointment_minutes x persons``; it fits entirely in one opening period.
Its remaining places are the desks that serve the service and are free for the whole
[start, end); online bookings may in addition hold at most ``online_share`` % of those desks
at any moment (phone and counter bookings may use all of them).

The computation is in memory, bit-parallel, on minutes since local midnight. The occupation
comes from ``counters.occupancy`` (for availability: a per-process cache checked against each
location's booking version, plus holds and today read live). For each day, each desk's busy
minutes are one Python int used as a bit set; ``runs(free, d)`` keeps the
minutes from which a desk is free for d minutes in a row; bit-sliced counters then give, for
every minute at once, how many desks are free for a whole visit and how many more online
bookings fit under the online cap. Only the starts that have a place are turned into slots.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from loket.catalogue.models import Service
from loket.counters.models import AppointmentChannel, CounterSettings, Desk
from loket.counters.occupancy import (
    DAY_MINUTES,
    DayLoad,
    at_minute,
    availability_loads,
    booking_version_of,
    day_loads,
    day_loads_by_location,
    occupying,
)
from loket.organisation.calendar import public_holiday_name
from loket.organisation.models import Location
from loket.organisation.selectors import location_day_hours

__all__ = [
    "DAY_MINUTES",
    "DayLoad",
    "Slot",
    "at_minute",
    "availability",
    "availability_at_locations",
    "day_loads",
    "day_loads_by_location",
    "occupying",
]

BOOKABLE_COUNTER = (Service.Counter.APPOINTMENT, Service.Counter.BOTH)


@dataclass(frozen=True, slots=True)
class Slot:
    start: dt.datetime
    end: dt.datetime
    remaining: int


def counter_settings_for(location: Location) -> CounterSettings:
    """The location's settings, or the defaults (unsaved) when none were entered."""
    try:
        return location.counter_settings  # type: ignore[attr-defined, no-any-return]
    except CounterSettings.DoesNotExist:
        return CounterSettings(location=location)


def service_minutes(*, service: Service, persons: int = 1) -> int:
    """How long one visit takes: several people or products in one visit take longer."""
    return int(service.appointment_minutes) * max(1, int(persons))


def online_cap(*, share: int, desks: int) -> int:
    """How many desks online bookings may hold at once: share % rounded down, ≥ 1 when share > 0."""
    if share <= 0 or desks <= 0:
        return 0
    return max(1, desks * share // 100)


def service_bookable_at(*, location: Location, service: Service) -> bool:
    """Does ``location`` take appointments for ``service`` (active, by appointment, offered there)?"""
    return (
        service.active and service.counter in BOOKABLE_COUNTER and service.locations.filter(pk=location.pk).exists()  # type: ignore[attr-defined]
    )


def service_desk_ids(*, location: Location, service: Service) -> list[int]:
    """The bookable desks of ``location`` that serve ``service``, lowest id first."""
    return list(
        Desk.objects.filter(location=location, bookable=True, services=service)
        .order_by("id")
        .values_list("id", flat=True)
    )


@dataclass(frozen=True)
class Window:
    """What may be booked now: slots starting at or after ``earliest``, on days up to ``last_day``."""

    earliest: dt.datetime
    last_day: dt.date


def booking_window(*, settings: CounterSettings, now: dt.datetime) -> Window:
    """Minimum notice and horizon; day D+horizon is released at ``release_hour`` on day D."""
    local = timezone.localtime(now)
    horizon = int(settings.horizon_days)
    last_day = local.date() + dt.timedelta(days=horizon if local.hour >= settings.release_hour else horizon - 1)
    return Window(earliest=now + dt.timedelta(minutes=int(settings.min_notice_minutes)), last_day=last_day)


def local_minutes(value: dt.datetime, tz: dt.tzinfo) -> tuple[dt.date, int]:
    local = value.astimezone(tz)
    return local.date(), local.hour * 60 + local.minute


def day_starts(*, periods: list[tuple[dt.time, dt.time]], step: int, minutes: int) -> list[int]:
    """Slot starts (minutes since midnight) on the grid of each period, fitting in it."""
    starts: list[int] = []
    for opens, closes in periods:
        first, last = opens.hour * 60 + opens.minute, closes.hour * 60 + closes.minute
        starts.extend(range(first, last - minutes + 1, step))
    return starts


def remaining_at(
    *, first: int, minutes: int, load: DayLoad | None, desk_ids: list[int], channel: str, cap: int
) -> list[int]:
    """The desks free for [first, first + minutes), limited for online bookings to the online cap."""
    mask = ((1 << minutes) - 1) << first
    if load is None:
        free = list(desk_ids)
        held_online = 0
    else:
        busy = load.busy
        free = [desk for desk in desk_ids if not busy.get(desk, 0) & mask]
        held_online = 0
        if channel == AppointmentChannel.ONLINE and free:
            levels = load.levels(desk_ids, cap)
            held_online = next((k + 1 for k in range(cap - 1, -1, -1) if levels[k] & mask), 0)
    if channel == AppointmentChannel.ONLINE:
        return free[: max(0, cap - held_online)]
    return free


def location_for_capacity(location: Location) -> Location:
    """A fresh copy with settings, weekly hours and exceptions loaded (no query per day)."""
    return (
        Location.objects.select_related("counter_settings")
        .prefetch_related("opening_hours", "exceptions")
        .get(pk=location.pk)
    )


def availability(
    *,
    location: Location,
    service: Service,
    start_date: dt.date,
    end_date: dt.date,
    channel: str = AppointmentChannel.ONLINE,
    persons: int = 1,
    now: dt.datetime | None = None,
) -> list[Slot]:
    """Free slots (remaining > 0) of ``service`` at ``location`` from ``start_date`` to ``end_date``."""
    return availability_at_locations(
        service=service,
        locations=[location],
        start_date=start_date,
        end_date=end_date,
        channel=channel,
        persons=persons,
        now=now,
    )[location.pk]


def availability_at_locations(
    *,
    service: Service,
    locations: Iterable[Location] | None = None,
    start_date: dt.date,
    end_date: dt.date,
    channel: str = AppointmentChannel.ONLINE,
    persons: int = 1,
    now: dt.datetime | None = None,
) -> dict[int, list[Slot]]:
    """Free slots per location id (all locations offering ``service`` by default).

    Five queries when warm: the locations with their settings and booking versions, their hours,
    exceptions, desks, then holds and today's appointments; desk time after today comes from the
    occupancy cache for every location whose version is unchanged (one more query reloads the
    others)."""
    now = now or timezone.now()
    queryset = Location.objects.filter(services=service).select_related("counter_settings", "booking_version")
    if locations is not None:
        wanted = [location.pk for location in locations]
        queryset = queryset.filter(pk__in=wanted)
    found = list(queryset.prefetch_related("opening_hours", "exceptions").order_by("name"))
    result: dict[int, list[Slot]] = {pk: [] for pk in (wanted if locations is not None else [])}
    result.update({location.pk: [] for location in found})
    if not found or not service.active or service.counter not in BOOKABLE_COUNTER:
        return result
    desks: dict[int, list[int]] = defaultdict(list)
    for location_id, desk_id in (
        Desk.objects.filter(location__in=found, bookable=True, services=service)
        .order_by("id")
        .values_list("location_id", "id")
    ):
        desks[location_id].append(desk_id)
    today = timezone.localdate(now)
    first_day = max(start_date, today)
    windows = {location.pk: booking_window(settings=counter_settings_for(location), now=now) for location in found}
    last_day = min(end_date, max(window.last_day for window in windows.values()))
    if first_day > last_day:
        return result
    with_desks = [location for location in found if desks[location.pk]]
    loads = availability_loads(
        versions={location.pk: booking_version_of(location) for location in with_desks},
        ends={location.pk: min(last_day, windows[location.pk].last_day) for location in with_desks},
        start_date=first_day,
        now=now,
    )
    minutes = service_minutes(service=service, persons=persons)
    for location in found:
        window = windows[location.pk]
        result[location.pk] = location_slots(
            location=location,
            desk_ids=desks[location.pk],
            loads=loads.get(location.pk, {}),
            start_date=first_day,
            end_date=min(last_day, window.last_day),
            earliest=window.earliest,
            minutes=minutes,
            channel=channel,
        )
    return result


def location_slots(
    *,
    location: Location,
    desk_ids: list[int],
    loads: dict[dt.date, DayLoad],
    start_date: dt.date,
    end_date: dt.date,
    earliest: dt.datetime,
    minutes: int,
    channel: str,
) -> list[Slot]:
    """The free slots of one location, day by day, from its occupation loaded beforehand."""
    settings = counter_settings_for(location)
    online_only = channel == AppointmentChannel.ONLINE
    cap = online_cap(share=int(settings.online_share), desks=len(desk_ids))
    if not desk_ids or (online_only and cap == 0):
        return []
    step = int(settings.slot_minutes)
    tz = timezone.get_default_timezone()
    earliest_day, earliest_minute = local_minutes(earliest, tz)
    if earliest.second or earliest.microsecond:
        earliest_minute += 1
    slots: list[Slot] = []
    desk_key = tuple(desk_ids)
    day = max(start_date, earliest_day)
    hours_of = location_periods(location=location, start_date=day, end_date=end_date)
    grids: dict[tuple[tuple[dt.time, dt.time], ...], int] = {}
    while day <= end_date:
        periods = hours_of[day]
        if periods:
            starts = grids.get(periods)
            if starts is None:
                starts = grids[periods] = grid_mask(periods=list(periods), step=step, minutes=minutes)
            if day == earliest_day:
                starts &= ~((1 << earliest_minute) - 1)
            load = loads.get(day)
            key = (desk_key, minutes, cap if online_only else 0, starts)
            found = None if load is None else load.memo.get(key)
            if found is None:
                found = day_slots(day=day, starts=starts, load=load, desk_ids=desk_ids, minutes=minutes, cap=key[2])
                if load is not None:
                    load.remember(key, found)
            slots.extend(found)
        day += dt.timedelta(days=1)
    return slots


def day_slots(
    *, day: dt.date, starts: int, load: DayLoad | None, desk_ids: list[int], minutes: int, cap: int
) -> list[Slot]:
    """The free slots of one day among ``starts`` (a bit set of minutes); ``cap`` 0: not online."""
    tz = timezone.get_default_timezone()
    free, online = day_places(load=load, desk_ids=desk_ids, minutes=minutes, cap=cap)
    candidates = starts & free[0] & (online[0] if cap else -1)
    slots = []
    while candidates:
        low = candidates & -candidates
        first = low.bit_length() - 1
        candidates ^= low
        remaining = sum(1 for level in free if level & low)
        if cap:
            remaining = min(remaining, sum(1 for level in online if level & low))
        slots.append(Slot(at_minute(day, first, tz), at_minute(day, first + minutes, tz), remaining))
    return slots


def location_periods(
    *, location: Location, start_date: dt.date, end_date: dt.date
) -> dict[dt.date, tuple[tuple[dt.time, dt.time], ...]]:
    """Opening periods per day, as ``location_day_hours`` gives them, asking it only for the days
    that may differ from the weekly pattern (exceptions, public holidays)."""
    weekly: dict[int, list[tuple[dt.time, dt.time]]] = defaultdict(list)
    for hours in location.opening_hours.all():  # type: ignore[attr-defined]
        weekly[hours.weekday].append((hours.opens, hours.closes))
    pattern = {weekday: tuple(sorted(periods)) for weekday, periods in weekly.items()}
    exceptional = {exception.date for exception in location.exceptions.all()}  # type: ignore[attr-defined]
    found = {}
    day = start_date
    while day <= end_date:
        if day in exceptional or public_holiday_name(day):
            found[day] = tuple(location_day_hours(location=location, day=day).periods)
        else:
            found[day] = pattern.get(day.weekday(), ())
        day += dt.timedelta(days=1)
    return found


def runs(free: int, length: int) -> int:
    """The bits b of ``free`` such that bits b .. b+length-1 are all set (free for ``length`` minutes)."""
    covered = 1
    while covered < length and free:
        shift = min(covered, length - covered)
        free &= free >> shift
        covered += shift
    return free


def grid_mask(*, periods: list[tuple[dt.time, dt.time]], step: int, minutes: int) -> int:
    mask = 0
    for first in day_starts(periods=periods, step=step, minutes=minutes):
        mask |= 1 << first
    return mask


def counted(masks: Iterable[int], size: int) -> list[int]:
    """Bit-sliced counters: result[k] has the bits set in at least k+1 of ``masks``."""
    levels = [0] * size
    for mask in masks:
        for k in range(size - 1, 0, -1):
            levels[k] |= levels[k - 1] & mask
        levels[0] |= mask
    return levels


def day_places(*, load: DayLoad | None, desk_ids: list[int], minutes: int, cap: int) -> tuple[list[int], list[int]]:
    """For every start minute of one day at once, as bit-sliced counters:

    - ``free[k]``: the starts from which at least k+1 desks are free for ``minutes``;
    - ``online[k]``: the starts from which at least k+1 more online bookings fit under ``cap``
      (``online[k]`` = no minute of the visit already has cap-k or more online bookings).
    """
    whole = (1 << DAY_MINUTES) - 1
    if load is None:
        return [whole] * len(desk_ids), [whole] * cap
    busy = load.busy
    free = counted((runs(whole & ~busy.get(desk, 0), minutes) for desk in desk_ids), len(desk_ids))
    if not cap:
        return free, []
    held = load.levels(desk_ids, cap)  # held[j]: minutes with at least j+1 online bookings
    online = [runs(whole & ~held[cap - 1 - k], minutes) for k in range(cap)]
    return free, online
