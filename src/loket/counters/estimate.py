"""Reading the queue: its order, a ticket's position and its estimated wait.

The order (the same in SQL for call-next and in Python for positions):

0. checked-in appointments that are due (start ≤ now + ``lookahead_minutes``), by start;
1. visitors who need assistance (priority), first come first served;
2. walk-ins, first come first served (a transferred ticket keeps its original time);
3. appointments checked in early, by start, only when nobody else waits.

The estimate is a small queueing model: the work ahead of the ticket (each ticket ahead takes
the median of recent service times of its service at that location, falling back to
``Service.appointment_minutes``), plus what is left of the visits at the desks now, plus the
booked appointments that will become due meanwhile, shared by the open desks that serve the
ticket's service. A ticket ahead whose service is also served elsewhere weighs only its share
on these desks. ``bench/counters_queue_simulation.py`` measures it against a simulated day.
"""

from __future__ import annotations

import datetime as dt
import heapq
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from loket.counters.models import Appointment, CounterSettings, Desk, Queue, Ticket
from loket.organisation.models import Location

RECENT_SAMPLE = 30  # finished visits per service that make "recent service times"
MIN_SAMPLE = 3  # below this many, the service's nominal duration is used
RECENT_DAYS = 7


def counter_settings(location: Location) -> CounterSettings:
    """The location's settings, or the defaults when none were saved."""
    found = CounterSettings.objects.filter(location=location).first()
    return found if found is not None else CounterSettings(location=location)


def due_by(*, location: Location, now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(minutes=counter_settings(location).lookahead_minutes)


def queue_ordered(queryset: QuerySet[Ticket], *, due: dt.datetime) -> QuerySet[Ticket]:
    """Waiting tickets in the order desks call them (see the module docstring)."""
    return queryset.annotate(
        rank=Case(
            When(appointment__isnull=False, appointment__start__lte=due, then=Value(0)),
            When(appointment__isnull=False, then=Value(3)),
            When(priority=True, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        key=Case(When(appointment__isnull=False, then=F("appointment__start")), default=F("created_at")),
    ).order_by("rank", "key", "created_at", "id")


def sort_key(ticket: Ticket, *, due: dt.datetime) -> tuple[int, dt.datetime, dt.datetime, int]:
    """The same order as :func:`queue_ordered`, for tickets already in memory."""
    appointment = ticket.appointment
    if appointment is not None:
        return (0 if appointment.start <= due else 3, appointment.start, ticket.created_at, ticket.pk)
    return (1 if ticket.priority else 2, ticket.created_at, ticket.created_at, ticket.pk)


def desk_eligible(desk: Desk) -> Q:
    """Waiting tickets this desk may call: sent to it, or for a service it serves."""
    services = desk.services.values("id")
    queues = Queue.objects.filter(location_id=desk.location_id, services__in=services).values("id")
    by_service = Q(service_id__in=services) | Q(service__isnull=True, queue_id__in=queues)
    return Q(desk=desk) | (Q(desk__isnull=True) & by_service)


def waiting_for_desk(*, desk: Desk, now: dt.datetime) -> QuerySet[Ticket]:
    """The waiting list of one desk, in calling order."""
    waiting = Ticket.objects.filter(
        desk_eligible(desk),
        location_id=desk.location_id,
        day=timezone.localdate(now),
        status=Ticket.Status.WAITING,
    )
    return queue_ordered(waiting, due=due_by(location=desk.location, now=now))


@dataclass
class _Floor:
    """What the estimate needs to know about one location at one moment (a few queries)."""

    location: Location
    now: dt.datetime
    due: dt.datetime
    waiting: list[Ticket]
    desks: list[Desk]
    desk_services: dict[int, set[int]]
    busy: list[Ticket]
    minutes: dict[int | None, float] = field(default_factory=dict)

    def desks_for(self, service_id: int | None, *, open_only: bool = True) -> set[int]:
        return {
            d.pk
            for d in self.desks
            if (d.is_open or not open_only) and (service_id is None or service_id in self.desk_services[d.pk])
        }


def _floor(*, location: Location, now: dt.datetime) -> _Floor:
    desks = list(Desk.objects.filter(location=location))
    pairs = Desk.services.through.objects.filter(desk__location=location).values_list("desk_id", "service_id")
    desk_services: dict[int, set[int]] = {d.pk: set() for d in desks}
    for desk_id, service_id in pairs:
        desk_services[desk_id].add(service_id)
    today = Ticket.objects.filter(location=location, day=timezone.localdate(now)).select_related(
        "appointment", "service"
    )
    return _Floor(
        location=location,
        now=now,
        due=due_by(location=location, now=now),
        waiting=list(today.filter(status=Ticket.Status.WAITING)),
        desks=desks,
        desk_services=desk_services,
        busy=list(today.filter(status__in=[Ticket.Status.CALLED, Ticket.Status.SERVING], desk__isnull=False)),
    )


def service_minutes(*, location: Location, service_id: int | None, now: dt.datetime, nominal: float = 15) -> float:
    """The median duration of the last visits for this service at this location."""
    if service_id is None:
        return nominal
    recent = (
        Ticket.objects.filter(
            location=location,
            service_id=service_id,
            status=Ticket.Status.DONE,
            finished_at__lte=now,
            finished_at__gte=now - dt.timedelta(days=RECENT_DAYS),
            called_at__isnull=False,
        )
        .order_by("-finished_at")
        .values_list("called_at", "finished_at")[:RECENT_SAMPLE]
    )
    durations: list[float] = []
    for called, finished in recent:  # the desk is taken from the call on
        if called is not None and finished is not None:
            durations.append((finished - called).total_seconds() / 60)
    if len(durations) < MIN_SAMPLE:
        return nominal
    # the mean is what desks spend on average; visits over three times the median are
    # left out (a clerk who forgot to press "klaar" must not slow every estimate)
    median = statistics.median(durations)
    return float(statistics.fmean(d for d in durations if d <= 3 * median))


def _minutes(floor: _Floor, ticket: Ticket) -> float:
    key = ticket.service_id
    if key not in floor.minutes:
        nominal = ticket.service.appointment_minutes if ticket.service is not None else 15
        floor.minutes[key] = service_minutes(location=floor.location, service_id=key, now=floor.now, nominal=nominal)
    return floor.minutes[key]


def _share(floor: _Floor, other: Ticket, desks: set[int]) -> float:
    """How much of another ticket's work lands on ``desks`` (1 when only they can serve it)."""
    if other.desk_id is not None:
        return 1.0 if other.desk_id in desks else 0.0
    theirs = floor.desks_for(other.service_id) or floor.desks_for(other.service_id, open_only=False)
    if not theirs:
        return 0.0
    return len(theirs & desks) / len(theirs)


def _ahead(floor: _Floor, ticket: Ticket) -> Iterable[Ticket]:
    mine = sort_key(ticket, due=floor.due)
    return (t for t in floor.waiting if t.pk != ticket.pk and sort_key(t, due=floor.due) < mine)


def ticket_position(*, ticket: Ticket, now: dt.datetime | None = None) -> int:
    """1 for the next to be called among the tickets that compete for the same desks."""
    if ticket.status != Ticket.Status.WAITING:
        return 0
    floor = _floor(location=ticket.location, now=now or timezone.now())
    desks = floor.desks_for(ticket.service_id, open_only=False) if ticket.desk_id is None else {ticket.desk_id}
    return 1 + sum(1 for t in _ahead(floor, ticket) if _share(floor, t, desks) > 0)


def _booked_due(floor: _Floor, desks: set[int], until: dt.datetime) -> list[float]:
    """Work of booked appointments (not here yet) that become due before ``until`` on these desks."""
    services = {s for d in desks for s in floor.desk_services[d]}
    lookahead = floor.due - floor.now
    booked = Appointment.objects.filter(
        location=floor.location,
        status=Appointment.Status.BOOKED,
        service_id__in=services,
        start__gte=floor.now,
        start__lte=until + lookahead,
    ).select_related("service")
    work = []
    for appointment in booked:
        theirs = floor.desks_for(appointment.service_id) or {appointment.desk_id}
        minutes = floor.minutes.get(appointment.service_id) or service_minutes(
            location=floor.location,
            service_id=appointment.service_id,
            now=floor.now,
            nominal=appointment.service.appointment_minutes,
        )
        work.append(minutes * len(theirs & desks) / max(1, len(theirs)))
    return work


def _desks_free_at(floor: _Floor, desks: set[int]) -> list[float]:
    """Minutes from now until each desk is free: 0 for an idle desk, what is left of the visit else."""
    free = dict.fromkeys(desks, 0.0)
    for current in floor.busy:
        if current.desk_id in free:
            usual = _minutes(floor, current)
            elapsed = (floor.now - (current.called_at or floor.now)).total_seconds() / 60
            free[current.desk_id] = max(1.0, usual - elapsed)
    return sorted(free.values())


def _schedule(free_at: list[float], work: list[float]) -> list[float]:
    """Hand each piece of work, in order, to the desk that is free first."""
    heap = list(free_at)
    heapq.heapify(heap)
    for minutes in work:
        heapq.heappush(heap, heapq.heappop(heap) + minutes)
    return heap


def ticket_wait_estimate(*, ticket: Ticket, now: dt.datetime | None = None) -> int:
    """Estimated minutes until this waiting ticket is called (0 when it is not waiting).

    The tickets ahead, then the booked appointments that become due meanwhile, are handed in
    order to the desk that is free first; the ticket is called when the next desk frees up.
    """
    now = now or timezone.now()
    if ticket.status != Ticket.Status.WAITING:
        return 0
    floor = _floor(location=ticket.location, now=now)
    if ticket.desk_id is not None:
        desks = {ticket.desk_id}
    else:
        desks = floor.desks_for(ticket.service_id) or floor.desks_for(ticket.service_id, open_only=False)
    if not desks:
        return round(_minutes(floor, ticket))
    ahead = [_minutes(floor, t) * _share(floor, t, desks) for t in _ahead(floor, ticket)]
    free_at = _schedule(_desks_free_at(floor, desks), [m for m in ahead if m > 0])
    wait = min(free_at)
    if ticket.appointment is None or ticket.appointment.start <= floor.due:
        # appointments booked for the coming minutes will go first when they arrive
        due = _booked_due(floor, desks, now + dt.timedelta(minutes=wait))
        wait = min(_schedule(free_at, due))
    else:
        # called when it becomes due (at the next desk to free up), or sooner when the desks run dry
        early = (ticket.appointment.start - floor.due).total_seconds() / 60
        wait = min(wait, early + _minutes(floor, ticket) / (2 * len(desks)))
    return max(0, round(wait))


def display_called(*, location: Location, now: dt.datetime | None = None, limit: int = 8) -> list[Ticket]:
    """What the waiting-room display shows: the latest calls first (a recall rises to the top)."""
    now = now or timezone.now()
    return list(
        Ticket.objects.filter(
            location=location,
            day=timezone.localdate(now),
            status__in=[Ticket.Status.CALLED, Ticket.Status.SERVING],
            desk__isnull=False,
        )
        .select_related("desk")
        .order_by("-last_called_at", "-id")[:limit]
    )
