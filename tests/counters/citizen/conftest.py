"""Fixtures for the citizen-side tests: one counter, one service, two desks, a fixed clock.

The counter opens Monday to Friday 09:00-12:00; 2026-03-02 is a Monday (not a holiday). Tests
that render pages freeze the clock at Monday 07:00 with ``frozen``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from loket.accounts.models import Role, User
from loket.catalogue.models import Level, Service, Topic
from loket.counters.models import Appointment, AppointmentChannel, CounterSettings, Desk
from loket.organisation.models import Location, OpeningHours

BRUSSELS = ZoneInfo("Europe/Brussels")
MONDAY = dt.date(2026, 3, 2)
TUESDAY = MONDAY + dt.timedelta(days=1)
_counter = itertools.count()


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def frozen() -> Iterator[time_machine.Coordinates]:
    """The clock stands still on Monday 2026-03-02 07:00 in Brussels."""
    with time_machine.travel(at(MONDAY, 7), tick=False) as traveller:
        yield traveller


@pytest.fixture
def location(db) -> Location:
    location = Location.objects.create(
        slug="testloket",
        name="Districtshuis Test",
        kind=Location.Kind.DISTRICT_HOUSE,
        street="Teststraat",
        number="1",
        postcode="2000",
        lat=51.2194,
        lon=4.4025,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(location=location, weekday=day, opens=dt.time(9), closes=dt.time(12)) for day in range(5)
    )
    CounterSettings.objects.create(
        location=location, slot_minutes=10, online_share=100, min_notice_minutes=120, hold_minutes=10
    )
    return location


@pytest.fixture
def service(location) -> Service:
    topic = Topic.objects.create(slug="burgerzaken-citizen", name="Burgerzaken", level=Level.CITY)
    service = Service.objects.create(
        slug="identiteitskaart",
        name="Identiteitskaart",
        topic=topic,
        counter=Service.Counter.APPOINTMENT,
        appointment_minutes=20,
        documents="Uw oude identiteitskaart\nEen recente pasfoto",
    )
    service.locations.add(location)
    for number in (1, 2):
        desk = Desk.objects.create(location=location, name=f"Loket {number}")
        desk.services.add(service)
    return service


@pytest.fixture
def make_appointment(location, service):
    """A booked appointment written directly (no booking rules), for the message tests."""

    def make(start: dt.datetime, **extra: Any) -> Appointment:
        number = next(_counter)
        values: dict[str, Any] = {
            "reference": f"APT-2026-{number:06d}",
            "location": location,
            "service": service,
            "desk": location.desks.first(),
            "start": start,
            "end": start + dt.timedelta(minutes=20),
            "channel": AppointmentChannel.ONLINE,
            "status": Appointment.Status.BOOKED,
            "name": "An Peeters",
            "email": f"an{number}@example.org",
        }
        values.update(extra)
        return Appointment.objects.create(**values)

    return make


@pytest.fixture
def make_user(db):
    def make(role: str = Role.CITIZEN, **extra: Any) -> User:
        name = extra.pop("username", f"{role}-{next(_counter)}")
        extra.setdefault("email", f"{name}@example.org")
        return User.objects.create_user(username=name, password=None, role=role, **extra)

    return make


class FailingBackend:
    """A mail backend whose server is down."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Any) -> int:
        raise ConnectionRefusedError("smtp server unreachable")


FAILING_BACKEND = f"{__name__}.FailingBackend"
