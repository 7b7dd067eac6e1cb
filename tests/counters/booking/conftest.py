"""Fixtures for the booking tests: one small counter, one service, three desks, a fixed clock.

The counter opens Monday to Friday 09:00-12:00; 2026-03-02 is a Monday (not a holiday).
The confirmation job is replaced by a recorder, so these tests never depend on the mail module.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from loket.accounts.models import Role, User
from loket.catalogue.models import Level, Service, Topic
from loket.counters.models import CounterSettings, Desk
from loket.organisation.models import Location, OpeningHours

BRUSSELS = ZoneInfo("Europe/Brussels")
MONDAY = dt.date(2026, 3, 2)
_counter = itertools.count()


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def now() -> dt.datetime:
    """Monday 2026-03-02 07:00, before the release hour (08:00)."""
    return at(MONDAY, 7)


@pytest.fixture(autouse=True)
def confirmations(monkeypatch) -> list[int]:
    """The ids whose confirmation job ran (after commit)."""
    sent: list[int] = []
    monkeypatch.setattr("loket.counters.tasks.appointment_confirmation_job", sent.append)
    return sent


@pytest.fixture
def location(db) -> Location:
    location = Location.objects.create(
        slug="testloket",
        name="Testloket",
        kind=Location.Kind.CITY_COUNTER,
        street="Teststraat",
        number="1",
        postcode="2000",
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(location=location, weekday=day, opens=dt.time(9), closes=dt.time(12)) for day in range(5)
    )
    CounterSettings.objects.create(
        location=location,
        slot_minutes=10,
        online_share=100,
        min_notice_minutes=120,
        horizon_days=60,
        release_hour=8,
        hold_minutes=10,
        no_show_grace_minutes=15,
    )
    return location


@pytest.fixture
def service(location) -> Service:
    topic = Topic.objects.create(slug="burgerzaken-test", name="Burgerzaken", level=Level.CITY)
    service = Service.objects.create(
        slug="identiteitskaart-test",
        name="Identiteitskaart",
        topic=topic,
        counter=Service.Counter.APPOINTMENT,
        appointment_minutes=20,
    )
    service.locations.add(location)
    return service


@pytest.fixture
def desks(location, service) -> list[Desk]:
    made = []
    for number in (1, 2, 3):
        desk = Desk.objects.create(location=location, name=f"Loket {number}")
        desk.services.add(service)
        made.append(desk)
    return made


@pytest.fixture
def settings_of(location):
    def change(**values: Any) -> None:
        CounterSettings.objects.filter(location=location).update(**values)

    return change


@pytest.fixture
def make_user(db):
    def make(role: str = Role.CITIZEN, **extra: Any) -> User:
        name = extra.pop("username", f"{role}-{next(_counter)}")
        return User.objects.create_user(username=name, password=None, role=role, email=f"{name}@example.org", **extra)

    return make


def book(location, service, start, *, channel="phone", email=None, now=None, **extra):
    from loket.counters.booking import appointment_book

    return appointment_book(
        location=location,
        service=service,
        start=start,
        channel=channel,
        name="Test Burger",
        email=email or f"burger{next(_counter)}@example.org",
        now=now,
        **extra,
    )
