"""A hand-made counter day at Berchem and Deurne (10 March 2026), and users by role.

The figures of this day are computed by hand in test_figures.py; change both together.
"""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from loket.catalogue.models import Level, Service, Topic
from loket.counters.models import Appointment, CounterSettings, Desk, Queue, Ticket
from loket.organisation.models import Location
from tests.accounts.conftest import fast_hashing, make_user  # noqa: F401

BRUSSELS = ZoneInfo("Europe/Brussels")
DAY = dt.date(2026, 3, 10)
_tokens = itertools.count()


def at(hhmm: str, day: dt.date = DAY) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BRUSSELS)


@pytest.fixture
def services(antwerp):
    topic = Topic.objects.create(slug="identiteit", name="Identiteit", level=Level.CITY)
    eid = Service.objects.create(slug="eid", name="Identiteitskaart", topic=topic, counter=Service.Counter.BOTH)
    licence = Service.objects.create(slug="rijbewijs", name="Rijbewijs", topic=topic, counter=Service.Counter.BOTH)
    for slug in ("districtshuis-berchem", "districtshuis-deurne"):
        location = Location.objects.get(slug=slug)
        eid.locations.add(location)
        licence.locations.add(location)
    return {"eid": eid, "rijbewijs": licence}


@pytest.fixture
def berchem(services) -> Location:
    location = Location.objects.get(slug="districtshuis-berchem")
    CounterSettings.objects.get_or_create(location=location)
    return location


@pytest.fixture
def desk(berchem, services) -> Desk:
    desk = Desk.objects.create(location=berchem, name="Loket 1")
    desk.services.set(services.values())
    return desk


def ticket(
    queue: Queue, number: int, created: str, *, status: str = Ticket.Status.DONE, day: dt.date = DAY, **times: object
) -> Ticket:
    values = {name: at(value, day) if isinstance(value, str) else value for name, value in times.items()}
    return Ticket.objects.create(
        location=queue.location,
        queue=queue,
        day=day,
        number=number,
        code=f"{queue.letter}{number:03d}",
        status=status,
        created_at=at(created, day),
        public_token=f"token-{next(_tokens)}",
        **values,
    )


def appointment(
    desk: Desk, service: Service, start: str, status: str, *, day: dt.date = DAY, **extra: object
) -> Appointment:
    begin = at(start, day)
    return Appointment.objects.create(
        location=desk.location,
        service=service,
        desk=desk,
        start=begin,
        end=begin + dt.timedelta(minutes=15),
        channel="online",
        status=status,
        name="Jan Janssens",
        email="jan@example.org",
        **extra,
    )


@pytest.fixture
def counter_day(berchem, desk, services):
    """Eight visitors (one with an appointment) and six appointments over two locations."""
    eid, licence = services["eid"], services["rijbewijs"]
    walk_in = Queue.objects.create(location=berchem, letter="A", name="Zonder afspraak")
    walk_in.services.set([eid, licence])
    booked = Queue.objects.create(location=berchem, letter="B", name="Afspraken", for_appointments=True)

    ticket(walk_in, 1, "09:00", service=eid, called_at="09:10", served_at="09:11", finished_at="09:21")
    ticket(walk_in, 2, "09:05", service=eid, called_at="09:25", finished_at="09:40")
    ticket(walk_in, 3, "09:30", service=licence, called_at="10:00", finished_at="10:05")
    ticket(walk_in, 4, "10:15", service=licence, status=Ticket.Status.NO_SHOW, called_at="10:20")
    served = appointment(desk, eid, "10:30", Appointment.Status.SERVED, checked_in_at=at("10:20"))
    ticket(booked, 1, "10:21", appointment=served, called_at="10:32", finished_at="10:52")
    ticket(walk_in, 5, "10:40", service=eid, status=Ticket.Status.WAITING)
    successor = ticket(walk_in, 7, "11:06", service=licence, called_at="11:16", finished_at="11:26")
    transferred = Ticket.Status.TRANSFERRED
    ticket(walk_in, 6, "11:00", service=eid, status=transferred, called_at="11:05", transferred_to=successor)

    appointment(desk, eid, "11:30", Appointment.Status.NO_SHOW)
    appointment(desk, licence, "12:00", Appointment.Status.BOOKED)
    appointment(desk, eid, "13:00", Appointment.Status.CANCELLED)
    appointment(desk, eid, "13:15", Appointment.Status.HELD)

    deurne = Location.objects.get(slug="districtshuis-deurne")
    deurne_desk = Desk.objects.create(location=deurne, name="Loket 1")
    deurne_queue = Queue.objects.create(location=deurne, letter="A", name="Zonder afspraak")
    ticket(deurne_queue, 1, "14:00", service=eid, called_at="14:40", finished_at="14:50")
    appointment(deurne_desk, eid, "15:00", Appointment.Status.NO_SHOW)
    # The next day does not belong to the period.
    ticket(walk_in, 1, "09:00", service=eid, called_at="09:30", finished_at="09:40", day=DAY + dt.timedelta(days=1))
    return {"berchem": berchem, "deurne": deurne}


@pytest.fixture
def manager_client(client, make_user):  # noqa: F811
    client.force_login(make_user("manager", username="stafdienst"))
    return client


@pytest.fixture
def evening(time_machine):
    """The evening of the hand-made day: every appointment of the day is past."""
    time_machine.move_to(at("18:00"), tick=False)
