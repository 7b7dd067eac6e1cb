"""Reads of the organisation: which district is here, and when a location is open.

Locating runs on every request of the locate endpoint, so it never touches the database
when warm: the district rows are cached in the process and, per set of districts valid on
a day, a :class:`~loket.organisation.geometry.GridIndex` is built once. The cache is
dropped when a district is saved or deleted in this process (signals, see ``apps.py``) and,
for changes made by other processes, when a cheap version key (count, id sum and latest
``updated_at`` of the districts) changes; that key is read at most every
``DISTRICT_CACHE_SECONDS`` (default 30).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Sum
from django.utils import timezone

from loket.organisation.calendar import public_holiday_name
from loket.organisation.geocoding import EmbeddedGeocoder, GeocodeResult, get_geocoder
from loket.organisation.geometry import GridIndex
from loket.organisation.models import District, Location, OpeningHours

log = logging.getLogger(__name__)

POSTCODE = re.compile(r"^\d{4}$")


class InvalidCoordinates(ValueError):
    """Latitude or longitude is not a number or out of range."""


@dataclass
class _DayView:
    districts: list[District]
    index: GridIndex
    by_postcode: dict[str, District]


@dataclass
class _Snapshot:
    version: tuple[Any, ...]
    checked_at: float
    districts: list[District]
    ttl: float
    by_day: dict[dt.date, _DayView] = field(default_factory=dict)
    by_ids: dict[tuple[int, ...], GridIndex] = field(default_factory=dict)


_lock = threading.Lock()
_snapshot: _Snapshot | None = None


def district_cache_clear(**_: Any) -> None:
    """Forget the cached districts and indexes (also usable as a signal receiver)."""
    global _snapshot
    with _lock:
        _snapshot = None


def _version() -> tuple[Any, ...]:
    figures = District.objects.aggregate(count=Count("id"), ids=Sum("id"), changed=Max("updated_at"))
    return (figures["count"], figures["ids"], figures["changed"])


def _current() -> _Snapshot:
    global _snapshot
    snapshot = _snapshot
    now = time.monotonic()
    if snapshot is not None and now - snapshot.checked_at < snapshot.ttl:
        return snapshot
    with _lock:
        version = _version()
        if _snapshot is not None and _snapshot.version == version:
            _snapshot.checked_at = now
            return _snapshot
        _snapshot = _Snapshot(
            version=version,
            checked_at=now,
            districts=list(District.objects.order_by("name")),
            ttl=float(getattr(settings, "DISTRICT_CACHE_SECONDS", 30)),
        )
        return _snapshot


def _day_view(day: dt.date) -> _DayView:
    snapshot = _current()
    view = snapshot.by_day.get(day)
    if view is not None:
        return view
    with _lock:
        districts = [district for district in snapshot.districts if district.is_valid_on(day)]
        key = tuple(district.pk for district in districts)
        index = snapshot.by_ids.get(key)
        if index is None:
            index = GridIndex(
                [district.boundary for district in districts], tolerance_m=settings.DISTRICT_BORDER_TOLERANCE_M
            )
            snapshot.by_ids[key] = index
        by_postcode: dict[str, District] = {}
        for district in districts:
            for postcode in district.postcodes:
                by_postcode.setdefault(str(postcode), district)
        if len(snapshot.by_day) > 400:
            snapshot.by_day.clear()
        view = snapshot.by_day[day] = _DayView(districts, index, by_postcode)
        return view


_today_cache: tuple[float, float, dt.date] = (0.0, 0.0, dt.date.min)


def _today() -> dt.date:
    """Today in the city's time zone, recomputed only outside the cached day (``localdate`` is slow).

    Both ends of the day are checked, so tests that travel in time still get the right day.
    """
    global _today_cache
    start, end, day = _today_cache
    if start <= time.time() < end:
        return day
    day = timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(day, dt.time())).timestamp()
    end = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time())).timestamp()
    _today_cache = (start, end, day)
    return day


def district_list_valid(*, day: dt.date | None = None) -> list[District]:
    """The districts valid on ``day`` (today in Brussels by default), from the cache."""
    return list(_day_view(day or _today()).districts)


def district_locate_point(*, lat: float, lon: float, day: dt.date | None = None) -> District | None:
    """The district at this point, or None outside the city (see ``GridIndex`` for borders).

    The returned rows are shared by the cache: read them, do not modify them.
    """
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError) as exc:
        raise InvalidCoordinates("Breedte- en lengtegraad moeten getallen zijn.") from exc
    if not (math.isfinite(lat) and math.isfinite(lon)) or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise InvalidCoordinates("Breedtegraad moet tussen -90 en 90 liggen, lengtegraad tussen -180 en 180.")
    view = _day_view(day or _today())
    found = view.index.locate(lat, lon)
    return None if found is None else view.districts[found]


def district_for_postcode(*, postcode: str, day: dt.date | None = None) -> District | None:
    """The district a postcode belongs to; a fallback only, since postal areas cross borders."""
    postcode = (postcode or "").strip()
    if not POSTCODE.match(postcode):
        return None
    return _day_view(day or _today()).by_postcode.get(postcode)


@dataclass(frozen=True)
class AddressLocation:
    """What locating an address found: ``found`` tells "unknown address" from "outside the city"
    (``district`` None); ``lat``/``lon`` are set only when the geocoder knows the exact point."""

    found: bool
    district: District | None = None
    lat: float | None = None
    lon: float | None = None


def _geocode(address: str) -> GeocodeResult | None:
    """The configured geocoder's answer; when an external one fails or knows nothing, the city's
    own street table (which knows at least the district)."""
    geocoder = get_geocoder()
    try:
        result = geocoder.geocode(address)
    except Exception:  # a geocoder plugged in by settings may raise; locating must not
        log.warning("geocoding failed for %r", address, exc_info=True)
        result = None
    if result is None and not isinstance(geocoder, EmbeddedGeocoder):
        result = EmbeddedGeocoder().geocode(address)
    return result


def address_locate(*, address: str, day: dt.date | None = None) -> AddressLocation:
    """Geocode an address once, then: coordinates win (the point and its district), then the
    geocoder's district, then the postcode. Every feature that turns an address into a place
    (reports, works, the locate endpoint) asks here and words the outcome itself."""
    address = " ".join(address.split())
    result = _geocode(address) if address else None
    if result is None:
        return AddressLocation(found=False)
    if result.lat is not None and result.lon is not None:
        try:
            district = district_locate_point(lat=result.lat, lon=result.lon, day=day)
        except InvalidCoordinates:
            return AddressLocation(found=False)
        return AddressLocation(True, district, result.lat, result.lon) if district else AddressLocation(True)
    view = _day_view(day or _today())
    if result.district_slug:
        for district in view.districts:
            if district.slug == result.district_slug:
                return AddressLocation(True, district)
    if result.postcode:
        return AddressLocation(True, view.by_postcode.get(result.postcode))
    return AddressLocation(found=False)


def district_locate_address(*, address: str, day: dt.date | None = None) -> District | None:
    """The district of an address through the configured geocoder, or None."""
    return address_locate(address=address, day=day).district


# --- Opening hours -------------------------------------------------------------------------


@dataclass(frozen=True)
class DayHours:
    periods: list[tuple[dt.time, dt.time]]
    closed_reason: str | None = None
    note: str | None = None  # the reason of an exception that changes the hours

    @property
    def is_closed(self) -> bool:
        return not self.periods


def location_day_hours(*, location: Location, day: dt.date) -> DayHours:
    """Opening periods on ``day``: public holidays close every location, then staff exceptions
    override the weekly pattern. Works with ``prefetch_related("opening_hours", "exceptions")``."""
    holiday = public_holiday_name(day)
    if holiday:
        return DayHours([], closed_reason=holiday)
    for exception in location.exceptions.all():  # type: ignore[attr-defined]
        if exception.date == day:
            if exception.closed:
                return DayHours([], closed_reason=exception.reason or "Uitzonderlijk gesloten")
            return DayHours([(exception.opens, exception.closes)], note=exception.reason or None)  # type: ignore[list-item]
    periods = sorted(
        (hours.opens, hours.closes)
        for hours in location.opening_hours.all()  # type: ignore[attr-defined]
        if hours.weekday == day.weekday()
    )
    return DayHours(periods)


def location_is_open(*, location: Location, at: dt.datetime) -> bool:
    local = timezone.localtime(at) if timezone.is_aware(at) else at
    hours = location_day_hours(location=location, day=local.date())
    return any(opens <= local.time() < closes for opens, closes in hours.periods)


def location_next_opening(*, location: Location, after: dt.datetime) -> dt.datetime | None:
    """The start of the first opening period that begins at or after ``after`` (≤ 30 days)."""
    local = timezone.localtime(after) if timezone.is_aware(after) else timezone.make_aware(after)
    for offset in range(31):
        day = local.date() + dt.timedelta(days=offset)
        for opens, _closes in location_day_hours(location=location, day=day).periods:
            start = timezone.make_aware(dt.datetime.combine(day, opens))
            if start >= local:
                return start
    return None


def location_upcoming_closures(*, location: Location, start: dt.date, days: int = 60) -> list[tuple[dt.date, DayHours]]:
    """Days in the coming ``days`` that differ from the weekly pattern: holidays and exceptions."""
    found = []
    exception_days = {exception.date for exception in location.exceptions.all()}  # type: ignore[attr-defined]
    for offset in range(days + 1):
        day = start + dt.timedelta(days=offset)
        if day in exception_days or public_holiday_name(day):
            found.append((day, location_day_hours(location=location, day=day)))
    return found


def location_list(*, district: District | None = None, kind: str | None = None) -> Any:
    queryset = Location.objects.select_related("district").prefetch_related("opening_hours", "exceptions")
    if district is not None:
        queryset = queryset.filter(district=district)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("name")


@dataclass(frozen=True)
class WeekdayHours:
    weekday: int
    name: str
    periods: list[tuple[dt.time, dt.time, bool]]  # opens, closes, by appointment only


def location_weekly_hours(*, location: Location) -> list[WeekdayHours]:
    """The weekly pattern, Monday to Sunday, for display (closed days have no periods)."""
    week = []
    for weekday, name in OpeningHours.Weekday.choices:
        periods = sorted(
            (hours.opens, hours.closes, hours.by_appointment_only)
            for hours in location.opening_hours.all()  # type: ignore[attr-defined]
            if hours.weekday == weekday
        )
        week.append(WeekdayHours(weekday, str(name), periods))
    return week
