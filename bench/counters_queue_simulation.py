"""A simulated day at the counters, driven through the real queue services with a simulated clock.

10 locations, 5,000 visitors (a quarter with an appointment, some needing assistance, a few
who leave before they are called, a few sent on to another queue), arrival peaks in the
morning and after lunch, random (log-normal) service times per service, desks that serve
different sets of services, and one desk per location that closes over lunch. Every step goes
through ``loket.counters.queues`` (``ticket_take``, ``appointment_check_in``, ``desk_call_next``,
``ticket_recall``, ``ticket_no_show``, ``ticket_start``, ``ticket_transfer``, ``ticket_finish``)
with ``now=`` the simulated time. Prints the tickets called twice (must be 0) and the share of
visitors whose estimate at arrival was within ±5 minutes of their real wait.

    .venv/bin/python bench/counters_queue_simulation.py                       # SQLite scratch file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench .venv/bin/python bench/counters_queue_simulation.py
    options: --visitors 5000 --locations 10 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import itertools
import math
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _setup import SQLITE_WAL, django_ready, scratch_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

DAY = dt.date(2026, 3, 10)  # a Tuesday
OPEN, CLOSE = 9 * 60, 16 * 60  # minutes after midnight
# service: (nominal minutes, real mean minutes, share of visitors)
SERVICES = {
    "sim-eid": (10, 8, 0.40),
    "sim-paspoort": (15, 12, 0.20),
    "sim-verhuis": (20, 15, 0.20),
    "sim-attest": (5, 5, 0.20),
}
DOCS, MOVING = ["sim-eid", "sim-paspoort", "sim-attest"], ["sim-verhuis", "sim-attest"]
DESK_PATTERN = ["docs", "all", "moving", "docs", "all", "docs", "moving", "all", "docs", "moving"]
APPOINTMENT_SHARE, PRIORITY_SHARE, WALK_AWAY_SHARE, TRANSFER_SHARE = 0.25, 0.04, 0.02, 0.02
APPOINTMENT_NO_SHOW = 0.05
SERVICE_CV = 0.45
LOAD = 0.85  # average desk utilisation the desks are sized for
TOLERANCE = 5


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visitors", type=int, default=5000)
    parser.add_argument("--locations", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--detail", action="store_true", help="the estimate's accuracy per kind of visitor")
    return parser.parse_args()


def local(minutes: float) -> dt.datetime:
    from django.utils import timezone

    start = dt.datetime.combine(DAY, dt.time(0), tzinfo=timezone.get_default_timezone())
    return start + dt.timedelta(minutes=minutes)


@dataclass(order=True)
class Event:
    at: float
    seq: int
    kind: str = field(compare=False)
    payload: Any = field(compare=False)


@dataclass
class Visitor:
    location: int
    service: str
    arrival: float
    priority: bool = False
    appointment_start: float | None = None
    walks_away: bool = False
    transfer: bool = False
    minutes: float = 0.0
    ticket_id: int | None = None
    estimate: int | None = None
    called: float | None = None


def arrival_minute(rng: random.Random) -> float:
    """Peaks at 9:30 and 13:15 on a base rate over the opening hours."""
    while True:
        choice = rng.random()
        if choice < 0.35:
            minute = rng.gauss(9.5 * 60, 40)
        elif choice < 0.6:
            minute = rng.gauss(13.25 * 60, 45)
        else:
            minute = rng.uniform(OPEN, CLOSE - 15)
        if OPEN - 5 <= minute <= CLOSE - 15:
            return minute


def service_time(rng: random.Random, mean: float) -> float:
    sigma = math.sqrt(math.log(1 + SERVICE_CV**2))
    return max(1.0, rng.lognormvariate(math.log(mean) - sigma**2 / 2, sigma))


def visitors_plan(rng: random.Random, *, count: int, locations: int) -> list[Visitor]:
    weights = [1.4 - 0.8 * i / max(1, locations - 1) for i in range(locations)]
    names, shares = list(SERVICES), [s[2] for s in SERVICES.values()]
    plan = []
    for _ in range(count):
        where = rng.choices(range(locations), weights)[0]
        service = rng.choices(names, shares)[0]
        visitor = Visitor(location=where, service=service, arrival=arrival_minute(rng))
        visitor.minutes = service_time(rng, SERVICES[service][1])
        if rng.random() < APPOINTMENT_SHARE:
            start = OPEN + 10 * rng.randrange(0, (CLOSE - OPEN - 20) // 10)
            visitor.appointment_start = start
            visitor.arrival = start - rng.uniform(-5, 15) if rng.random() > 0.1 else start + rng.uniform(0, 5)
            visitor.walks_away = rng.random() < APPOINTMENT_NO_SHOW  # never comes: stays booked
        else:
            visitor.priority = rng.random() < PRIORITY_SHARE
            visitor.walks_away = rng.random() < WALK_AWAY_SHARE
        visitor.transfer = service != "sim-verhuis" and rng.random() < TRANSFER_SHARE
        plan.append(visitor)
    return plan


def floor_build(plan: list[Visitor], locations: int) -> tuple[list[Any], dict[str, Any], dict[int, list[Any]]]:
    from loket.catalogue.models import Service, Topic
    from loket.counters.models import Appointment, CounterSettings, Desk, Queue, Ticket, TicketCounter
    from loket.organisation.models import Location

    earlier = Location.objects.filter(slug__startswith="sim-")  # a reused database: start afresh
    Ticket.objects.filter(location__in=earlier).update(transferred_to=None)
    for model in (Ticket, TicketCounter, Appointment, Queue, Desk, CounterSettings):
        model.objects.filter(**{"queue__location__in" if model is TicketCounter else "location__in": earlier}).delete()
    earlier.delete()
    topic, _ = Topic.objects.get_or_create(slug="sim-documenten", defaults={"name": "Documenten", "level": "city"})
    services = {}
    for slug, (nominal, _mean, _share) in SERVICES.items():
        services[slug], _ = Service.objects.update_or_create(
            slug=slug, defaults={"name": slug, "topic": topic, "counter": "both", "appointment_minutes": nominal}
        )
    places, desks = [], {}
    for i in range(locations):
        place = Location.objects.create(
            slug=f"sim-{i}", name=f"Simulatie {i}", kind="district_house", street="Markt", number="1", postcode="2000"
        )
        CounterSettings.objects.create(location=place, lookahead_minutes=10)
        a = Queue.objects.create(location=place, letter="A", name="Afspraken", for_appointments=True)
        a.services.set(services.values())
        Queue.objects.create(location=place, letter="B", name="Documenten").services.set([services[s] for s in DOCS])
        Queue.objects.create(location=place, letter="C", name="Verhuis").services.set([services["sim-verhuis"]])
        work = sum(v.minutes for v in plan if v.location == i)
        count = max(3, math.ceil(work / ((CLOSE - OPEN) * LOAD)))
        desks[i] = []
        for n in range(count):
            kind = DESK_PATTERN[n % len(DESK_PATTERN)]
            desk = Desk.objects.create(location=place, name=f"Loket {n + 1}", is_open=True)
            slugs = DOCS if kind == "docs" else MOVING if kind == "moving" else list(SERVICES)
            desk.services.set([services[s] for s in slugs])
            desks[i].append(desk)
        places.append(place)
    return places, services, desks


def appointments_book(plan: list[Visitor], places: list[Any], services: dict[str, Any], desks: dict[int, list[Any]]):
    from loket.counters.models import Appointment

    booked = {}
    for n, visitor in enumerate(plan):
        if visitor.appointment_start is None:
            continue
        service = services[visitor.service]
        desk = next(d for d in desks[visitor.location] if visitor.service in DESK_SLUGS[d.pk])
        booked[n] = Appointment.objects.create(
            reference=f"APT-2026-{900000 + n:06d}",
            location=places[visitor.location],
            service=service,
            desk=desk,
            start=local(visitor.appointment_start),
            end=local(visitor.appointment_start + service.appointment_minutes),
            channel="online",
            status=Appointment.Status.BOOKED,
            name="Simulatie",
            email="sim@example.org",
        )
    return booked


DESK_SLUGS: dict[int, set[str]] = {}


def simulate(plan: list[Visitor], rng: random.Random) -> dict[str, Any]:
    from loket.counters import queues
    from loket.counters.models import Queue, Ticket

    places, services, desks = floor_build(plan, len({v.location for v in plan}))
    for location_desks in desks.values():
        for desk in location_desks:
            DESK_SLUGS[desk.pk] = set(desk.services.values_list("slug", flat=True))
    booked = appointments_book(plan, places, services, desks)
    moving_queue = {q.location_id: q for q in Queue.objects.filter(letter="C")}
    events: list[Event] = []
    seq = itertools.count()

    def push(at: float, kind: str, payload: Any) -> None:
        heapq.heappush(events, Event(at, next(seq), kind, payload))

    for n, visitor in enumerate(plan):
        if not (visitor.appointment_start is not None and visitor.walks_away):
            push(visitor.arrival, "arrive", n)
    lunch_desk = {i: d[0] for i, d in desks.items()}
    for i in desks:
        push(12.5 * 60, "lunch", i)
        push(13.25 * 60, "back", i)
    idle = {d.pk: d for ds in desks.values() for d in ds}
    calls: Counter[int] = Counter()
    by_ticket: dict[int, int] = {}

    def wake(location: int, at: float) -> None:
        for desk in desks[location]:
            if desk.pk in idle and desk.is_open:
                del idle[desk.pk]
                push(at, "call", desk)

    while events:
        event = heapq.heappop(events)
        now = local(event.at)
        if event.kind == "arrive":
            visitor = plan[event.payload]
            place = places[visitor.location]
            if visitor.appointment_start is not None:
                ticket = queues.appointment_check_in(appointment=booked[event.payload], now=now)
            else:
                ticket = queues.ticket_take(
                    location=place, service=services[visitor.service], priority=visitor.priority, now=now
                )
            visitor.ticket_id, visitor.estimate = ticket.pk, ticket.estimated_wait_minutes
            by_ticket[ticket.pk] = event.payload
            wake(visitor.location, event.at)
        elif event.kind == "call":
            desk = event.payload
            if not desk.is_open:
                continue
            ticket = queues.desk_call_next(desk=desk, now=now)
            if ticket is None:
                idle[desk.pk] = desk
                continue
            calls[ticket.pk] += 1
            n = by_ticket.get(ticket.pk)
            visitor = plan[n] if n is not None else None
            if visitor is not None and visitor.called is None:
                visitor.called = event.at
            if visitor is not None and visitor.walks_away and ticket.appointment_id is None:
                push(event.at + 1, "recall", (desk, ticket))
                continue
            queues.ticket_start(ticket=ticket, now=local(event.at + 0.5))
            minutes = visitor.minutes if visitor is not None and n is not None else service_time(rng, 10)
            if visitor is not None and visitor.transfer and ticket.queue.letter != "C":
                push(event.at + 3, "transfer", (desk, ticket))
            else:
                push(event.at + 0.5 + minutes, "finish", (desk, ticket))
        elif event.kind == "recall":
            desk, ticket = event.payload
            queues.ticket_recall(ticket=ticket, now=now)
            push(event.at + 1, "no_show", (desk, ticket))
        elif event.kind == "no_show":
            desk, ticket = event.payload
            queues.ticket_no_show(ticket=ticket, now=now)
            push(event.at, "call", desk)
        elif event.kind == "transfer":
            desk, ticket = event.payload
            queues.ticket_transfer(ticket=ticket, queue=moving_queue[ticket.location_id], now=now)
            push(event.at, "call", desk)
            wake(next(i for i, p in enumerate(places) if p.pk == ticket.location_id), event.at)
        elif event.kind == "finish":
            desk, ticket = event.payload
            queues.ticket_finish(ticket=ticket, outcome="afgehandeld", now=now)
            push(event.at, "call", desk)
        elif event.kind == "lunch":
            desk = lunch_desk[event.payload]
            queues.desk_close(desk=desk)
            desk.is_open = False
        elif event.kind == "back":
            desk = lunch_desk[event.payload]
            queues.desk_open(desk=desk)
            desk.is_open = True
            idle[desk.pk] = desk
            wake(event.payload, event.at)
    called_twice = sum(1 for count in calls.values() if count > 1)
    still_waiting = Ticket.objects.filter(status=Ticket.Status.WAITING).count()
    return {"called_twice": called_twice, "still_waiting": still_waiting, "desks": sum(len(d) for d in desks.values())}


def main() -> None:
    args = parse()
    backend = scratch_database(
        sqlite_name="loket-bench-queue.sqlite3", sqlite_label=SQLITE_WAL, recreate_postgres=False
    )
    django_ready(demo=())
    rng = random.Random(args.seed)
    plan = visitors_plan(rng, count=args.visitors, locations=args.locations)
    started = time.perf_counter()
    result = simulate(plan, rng)
    elapsed = time.perf_counter() - started
    measured = [v for v in plan if v.called is not None and v.estimate is not None]
    errors = [(v.called - v.arrival) - v.estimate for v in measured]  # type: ignore[operator]
    waits = sorted(v.called - v.arrival for v in measured)  # type: ignore[operator]
    within = sum(1 for e in errors if abs(e) <= TOLERANCE) / max(1, len(errors))
    print(f"database: {backend}; {args.locations} locations, {result['desks']} desks, {len(plan)} visitors planned")
    print(
        f"visitors who took a ticket and were called: {len(measured)}; "
        f"still waiting at the end: {result['still_waiting']}"
    )
    print(f"tickets called twice: {result['called_twice']}")
    print(f"estimate within ±{TOLERANCE} min of the real wait: {within:.1%} (target ≥ 80 %)")
    print(
        f"real wait: median {statistics.median(waits):.1f} min, p90 {waits[int(0.9 * (len(waits) - 1))]:.1f} min; "
        f"estimate error: median {statistics.median(errors):+.1f} min, "
        f"mean absolute {statistics.fmean(abs(e) for e in errors):.1f} min"
    )
    print(f"simulated in {elapsed:.1f} s")
    if args.detail:
        detail(measured)


def detail(measured: list[Visitor]) -> None:
    def kind(v: Visitor) -> str:
        return "appointment" if v.appointment_start is not None else "priority" if v.priority else "walk-in"

    def band(v: Visitor) -> str:
        wait = v.called - v.arrival  # type: ignore[operator]
        return "wait <10" if wait < 10 else "wait 10-30" if wait < 30 else "wait ≥30"

    for label, key in (("kind", kind), ("real wait", band), ("service", lambda v: v.service)):
        groups: dict[str, list[float]] = {}
        for v in measured:
            groups.setdefault(key(v), []).append((v.called - v.arrival) - v.estimate)  # type: ignore[operator]
        for name, errs in sorted(groups.items()):
            share = sum(1 for e in errs if abs(e) <= TOLERANCE) / len(errs)
            print(
                f"  {label:9} {name:12} n={len(errs):5}  within {share:6.1%}  "
                f"median error {statistics.median(errs):+.1f}"
            )


if __name__ == "__main__":
    main()
