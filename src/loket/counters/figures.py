"""Figures for the staff service (issue 3 §7): visitors, waiting and service times, no-shows.

Two queries: one pass over the period's tickets, in which the database computes each ticket's
waiting and service time in seconds and its hour (native SQL on SQLite and PostgreSQL, no Python
callbacks), and one grouped count of the appointments. Rows are tallied per (location, service,
hour) cell and rolled up; medians and 90th percentiles are computed here and interpolate linearly
between the closest ranks (PostgreSQL's ``percentile_cont``), the same on both databases.

What is counted:

- a *visitor* is a ticket created in the period that was not handed on to another ticket
  (a transferred ticket continues as its successor, which is the one counted); an *appointment*
  visitor has a ticket with an appointment (checked in), a *walk-in* one without;
- *waiting time* runs from taking the ticket (for appointments: from check-in) to being called,
  for every ticket that was called — a visitor transferred to another queue waits twice;
- *service time* runs from being served (or, when the desk did not mark that, called) to being
  finished, for tickets finished as done;
- the *no-show rate* is appointments marked no-show over the booked appointments (booked,
  checked in, served or no-show; not held or cancelled) whose start lies in the period and has
  passed.

Hours are hours of the day in Brussels: of taking the ticket, and of an appointment's start.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Case, Count, F, FloatField, Func, IntegerField, Q, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.catalogue.models import Service
from loket.counters.models import Appointment, Ticket
from loket.organisation.models import Location

BRUSSELS = ZoneInfo("Europe/Brussels")
DUE_STATUSES = (
    Appointment.Status.BOOKED,
    Appointment.Status.CHECKED_IN,
    Appointment.Status.SERVED,
    Appointment.Status.NO_SHOW,
)
NO_SERVICE = 0  # key for tickets that name no service


# Django's own date functions run as Python callbacks on SQLite, once per row: seconds per month of
# tickets. These two stay native on both databases; Brussels hours are derived from UTC hours here.
class SecondsBetween(Func):
    """Seconds from the second expression to the first, to the millisecond, as a float."""

    arity = 2
    arg_joiner = " - "
    template = "CAST(ROUND(CAST(EXTRACT(EPOCH FROM (%(expressions)s)) AS NUMERIC), 3) AS DOUBLE PRECISION)"
    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "ROUND((julianday(%(expressions)s)) * 86400.0, 3)"
        return self.as_sql(compiler, connection, template=template, arg_joiner=") - julianday(", **extra)


class EpochHour(Func):
    """Whole hours since 1970 (UTC) of a datetime."""

    arity = 1
    template = "CAST(FLOOR(EXTRACT(EPOCH FROM %(expressions)s) / 3600) AS BIGINT)"
    output_field = IntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # to the nearest millisecond first: julianday is a float
        template = "(CAST((julianday(%(expressions)s) - 2440587.5) * 86400000.0 + 0.5 AS INTEGER) / 3600000)"
        return self.as_sql(compiler, connection, template=template, **extra)


@lru_cache(maxsize=4096)
def _brussels_hour(epoch_hour: int) -> int:
    return dt.datetime.fromtimestamp(epoch_hour * 3600, BRUSSELS).hour


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The ``fraction`` percentile of sorted ``values``, interpolated linearly (None when empty)."""
    if not values:
        return None
    position = fraction * (len(values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


@dataclass(frozen=True)
class Durations:
    """How many durations were measured, and their median and 90th percentile in seconds."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, seconds: Iterable[float]) -> Durations:
        ordered = sorted(seconds)
        if ordered and ordered[0] < 0:  # a clock that went wrong never makes a negative time
            ordered = [max(value, 0.0) for value in ordered]
        return cls(count=len(ordered), median=percentile(ordered, 0.5), p90=percentile(ordered, 0.9))

    @property
    def median_minutes(self) -> float | None:
        return None if self.median is None else self.median / 60

    @property
    def p90_minutes(self) -> float | None:
        return None if self.p90 is None else self.p90 / 60


@dataclass(frozen=True)
class FigureRow:
    """The figures of one location, one service, one hour of the day, or of everything."""

    key: str
    label: str
    visitors: int
    appointments: int
    walk_ins: int
    waiting: Durations
    service: Durations
    no_shows: int
    appointments_due: int

    @property
    def no_show_rate(self) -> float | None:
        """Share of due appointments nobody came for (0..1), None when none were due."""
        return self.no_shows / self.appointments_due if self.appointments_due else None

    @property
    def no_show_percent(self) -> float | None:
        rate = self.no_show_rate
        return None if rate is None else rate * 100


@dataclass(frozen=True)
class CounterFigures:
    start: dt.datetime
    end: dt.datetime  # exclusive
    location: Location | None
    total: FigureRow
    by_location: list[FigureRow]
    by_service: list[FigureRow]
    by_hour: list[FigureRow]


@dataclass
class _Tally:
    visitors: int = 0
    appointments: int = 0
    waits: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    no_shows: int = 0
    due: int = 0

    def add(self, other: _Tally) -> None:
        self.visitors += other.visitors
        self.appointments += other.appointments
        self.waits.extend(other.waits)
        self.services.extend(other.services)
        self.no_shows += other.no_shows
        self.due += other.due

    def row(self, key: str, label: str) -> FigureRow:
        return FigureRow(
            key=key,
            label=label,
            visitors=self.visitors,
            appointments=self.appointments,
            walk_ins=self.visitors - self.appointments,
            waiting=Durations.of(self.waits),
            service=Durations.of(self.services),
            no_shows=self.no_shows,
            appointments_due=self.due,
        )


def period_bounds(*, start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware bounds [start, end): dates are whole days in Brussels (``end`` included); datetimes are kept."""
    low = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time.min, tzinfo=BRUSSELS)
    if isinstance(end, dt.datetime):
        return low, end
    return low, dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=BRUSSELS)


def counter_figures(
    *, start: dt.date, end: dt.date, location: Location | None = None, now: dt.datetime | None = None
) -> CounterFigures:
    """The figures of a period at one location or all of them (see the module's docstring)."""
    low, high = period_bounds(start=start, end=end)
    now = now or timezone.now()
    # Everything is first tallied per cell (location, service, Brussels hour), then rolled up.
    cells: dict[tuple[int, int, int], _Tally] = defaultdict(_Tally)

    tickets = Ticket.objects.filter(created_at__gte=low, created_at__lt=high)
    if location is not None:
        tickets = tickets.filter(location=location)
    tickets = tickets.annotate(
        service_key=Coalesce(F("service_id"), F("appointment__service_id")), hour=EpochHour("created_at")
    )

    # One pass over the period's tickets, straight from the cursor: a second grouped scan, or
    # Django's per-value converters, would each add half again to the time of a month.
    rows = tickets.annotate(
        visitor=Case(When(status=Ticket.Status.TRANSFERRED, then=0), default=1, output_field=IntegerField()),
        booked=Case(When(appointment__isnull=True, then=0), default=1, output_field=IntegerField()),
        wait=SecondsBetween("called_at", Coalesce(F("appointment__checked_in_at"), F("created_at"))),
        service_time=Case(
            When(
                status=Ticket.Status.DONE,
                finished_at__isnull=False,
                then=SecondsBetween("finished_at", Coalesce(F("served_at"), F("called_at"))),
            ),
            default=None,
            output_field=FloatField(),
        ),
    ).values_list("location_id", "service_key", "hour", "visitor", "booked", "wait", "service_time")
    sql, params = rows.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    hour_of = _brussels_hour
    for location_id, service_id, epoch_hour, visitor, booked, wait, service_time in fetched:
        cell = cells[(location_id, service_id or NO_SERVICE, hour_of(epoch_hour))]
        if visitor:
            cell.visitors += 1
            cell.appointments += booked
        if wait is not None:  # called
            cell.waits.append(wait)
        if service_time is not None:
            cell.services.append(service_time)

    appointments = Appointment.objects.filter(start__gte=low, start__lt=min(high, now), status__in=DUE_STATUSES)
    if location is not None:
        appointments = appointments.filter(location=location)
    due = (
        appointments.annotate(hour=EpochHour("start"))
        .values("location_id", "service_id", "hour")
        .annotate(due=Count("id"), no_shows=Count("id", filter=Q(status=Appointment.Status.NO_SHOW)))
        .order_by()
    )
    for planned in due:
        cell = cells[(planned["location_id"], planned["service_id"], _brussels_hour(planned["hour"]))]
        cell.due += planned["due"]
        cell.no_shows += planned["no_shows"]

    total = _Tally()
    tallies: dict[str, dict[int, _Tally]] = {dim: defaultdict(_Tally) for dim in ("location", "service", "hour")}
    for (location_id, service_id, hour), cell in cells.items():
        cell.waits.sort()  # rolled-up lists are then sorted runs, which sorting merges cheaply
        cell.services.sort()
        for tally in (total, tallies["location"][location_id], tallies["service"][service_id], tallies["hour"][hour]):
            tally.add(cell)

    return CounterFigures(
        start=low,
        end=high,
        location=location,
        total=total.row("total", _("Alle loketten") if location is None else location.name),
        by_location=_location_rows(tallies["location"]),
        by_service=_service_rows(tallies["service"]),
        by_hour=[
            tally.row(f"{hour:02d}", f"{hour:02d}:00–{(hour + 1) % 24:02d}:00")  # noqa: RUF001
            for hour, tally in sorted(tallies["hour"].items())
        ],
    )


def _location_rows(tallies: dict[int, _Tally]) -> list[FigureRow]:
    locations = Location.objects.in_bulk(list(tallies))
    rows = [tallies[pk].row(locations[pk].slug, locations[pk].name) for pk in tallies if pk in locations]
    return sorted(rows, key=lambda row: row.label)


def _service_rows(tallies: dict[int, _Tally]) -> list[FigureRow]:
    services = Service.objects.in_bulk([pk for pk in tallies if pk != NO_SERVICE])
    rows = [tallies[pk].row(services[pk].slug, services[pk].name) for pk in tallies if pk in services]
    rows.sort(key=lambda row: row.label)
    if NO_SERVICE in tallies:
        rows.append(tallies[NO_SERVICE].row("", _("Zonder dienst")))
    return rows
