"""Demo counters: settings, desks and queues for every location with counter services; a few appointments.

Safe to run again: settings, desks and queues are updated in place (edits to them are reset),
and a demo appointment is only booked when its (fictional) visitor has no open one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from loket.catalogue.models import Service
from loket.counters.booking import BookingRefused, SlotTaken, appointment_book, availability
from loket.counters.models import Appointment, AppointmentChannel, CounterSettings, Desk, Queue
from loket.organisation.models import Location

ORDER = 50

Log = Callable[[str], None]

# Desks per regional counter ("Loket op maat" with wider hours); small counters have two.
REGIONAL_DESKS = {"districtshuis-antwerpen": 6, "districtshuis-deurne": 5, "districtshuis-merksem": 4}
DEFAULT_REGIONAL_DESKS = 5
SMALL_DESKS = 2

ID_SERVICES = {"identiteitskaart", "kids-id", "reispas"}

# letter, name, which services, for appointments
QUEUES = [
    ("A", "Afspraken", "appointment", True),
    ("B", "Identiteitskaarten en reisdocumenten", "id", False),
    ("C", "Andere burgerzaken", "other", False),
]

# email, name, location slug, service slug, days from today, channel
APPOINTMENTS = [
    ("an.peeters@example.org", "An Peeters (fictief)", "districtshuis-antwerpen", "identiteitskaart", 1, "online"),
    ("jan.desmet@example.org", "Jan De Smet (fictief)", "districtshuis-antwerpen", "reispas", 1, "phone"),
    ("fatima.amrani@example.org", "Fatima Amrani (fictief)", "districtshuis-deurne", "identiteitskaart", 2, "online"),
    ("lies.maes@example.org", "Lies Maes (fictief)", "districtshuis-merksem", "rijbewijs", 2, "counter"),
    ("tom.claes@example.org", "Tom Claes (fictief)", "districtshuis-wilrijk", "adreswijziging", 3, "online"),
    ("sara.jacobs@example.org", "Sara Jacobs (fictief)", "districtshuis-berchem", "kids-id", 4, "phone"),
]  # fmt: skip


def counter_locations() -> list[Location]:
    """Locations that offer counter services (self-service points have no counter)."""
    return list(
        Location.objects.exclude(kind=Location.Kind.SELF_SERVICE)
        .filter(services__counter__in=[c for c in Service.Counter.values if c != Service.Counter.NONE])
        .distinct()
        .order_by("name")
    )


def desk_count(location: Location) -> int:
    if location.regional:
        return REGIONAL_DESKS.get(location.slug, DEFAULT_REGIONAL_DESKS)
    return SMALL_DESKS


def queue_services(services: list[Service], which: str) -> list[Service]:
    if which == "appointment":
        return [s for s in services if s.counter in (Service.Counter.APPOINTMENT, Service.Counter.BOTH)]
    if which == "id":
        return [s for s in services if s.slug in ID_SERVICES]
    return [s for s in services if s.slug not in ID_SERVICES]


def load_location(location: Location) -> int:
    CounterSettings.objects.update_or_create(
        location=location,
        defaults={
            "slot_minutes": 10,
            "online_share": 70,
            "min_notice_minutes": 120,
            "horizon_days": 60,
            "release_hour": 8,
            "hold_minutes": 10,
            "reminder_hours": 24,
            "no_show_grace_minutes": 15,
            "lookahead_minutes": 10,
            "one_open_per_service": True,
        },
    )
    services = list(location.services.exclude(counter=Service.Counter.NONE).filter(active=True))  # type: ignore[attr-defined]
    count = desk_count(location)
    for number in range(1, count + 1):
        desk, _ = Desk.objects.update_or_create(location=location, name=f"Loket {number}", defaults={"bookable": True})
        desk.services.set(services)
    for letter, name, which, for_appointments in QUEUES:
        queue, _ = Queue.objects.update_or_create(
            location=location, letter=letter, defaults={"name": name, "for_appointments": for_appointments}
        )
        queue.services.set(queue_services(services, which))
    return count


def load_appointments(log: Log) -> None:
    now = timezone.now()
    booked = 0
    for email, name, slug, service_slug, days, channel in APPOINTMENTS:
        if Appointment.objects.filter(email=email, status=Appointment.Status.BOOKED, end__gt=now).exists():
            continue
        location = Location.objects.filter(slug=slug).first()
        service = Service.objects.filter(slug=service_slug).first()
        if location is None or service is None:
            continue
        first_day = timezone.localdate(now) + dt.timedelta(days=days)
        slots = availability(
            location=location,
            service=service,
            start_date=first_day,
            end_date=first_day + dt.timedelta(days=14),
            channel=channel,
            now=now,
        )
        for slot in slots[len(slots) // 3 :][:3]:
            try:
                appointment_book(
                    location=location,
                    service=service,
                    start=slot.start,
                    channel=channel or AppointmentChannel.ONLINE,
                    name=name,
                    email=email,
                    phone="0470 00 00 00",
                    now=now,
                )
            except (SlotTaken, BookingRefused):
                continue
            booked += 1
            break
    log(f"{booked} demo-afspraken geboekt")


def load(*, log: Log) -> None:
    locations = counter_locations()
    desks = sum(load_location(location) for location in locations)
    log(f"{len(locations)} loketten met {desks} balies en {len(locations) * len(QUEUES)} wachtrijen")
    load_appointments(log)
