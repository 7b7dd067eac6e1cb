"""Fixtures of the queue tests: one location with an appointments queue (A), two walk-in
queues (B documents, C moving house), three desks and a clerk. Built here rather than from
the demo so that the tests say exactly what the floor looks like."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from loket.accounts.models import Role, User
from loket.catalogue.models import Service, Topic
from loket.counters.models import Appointment, CounterSettings, Desk, Queue
from loket.organisation.models import Location

NOW = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # a Tuesday
_numbers = itertools.count(1)


@dataclass
class Floor:
    location: Location
    eid: Service
    passport: Service
    moving: Service
    a: Queue
    b: Queue
    c: Queue
    desk1: Desk  # documents
    desk2: Desk  # documents and moving
    desk3: Desk  # moving


def make_floor(slug: str = "districtshuis-test") -> Floor:
    location = Location.objects.create(
        slug=slug,
        name=f"Districtshuis {slug}",
        kind=Location.Kind.DISTRICT_HOUSE,
        street="Markt",
        number="1",
        postcode="2000",
    )
    CounterSettings.objects.create(location=location, lookahead_minutes=10)
    topic, _ = Topic.objects.get_or_create(slug="documenten", defaults={"name": "Documenten", "level": "city"})

    def service(slug: str, name: str, minutes: int) -> Service:
        found, _ = Service.objects.get_or_create(
            slug=slug, defaults={"name": name, "topic": topic, "counter": "both", "appointment_minutes": minutes}
        )
        found.locations.add(location)
        return found

    eid = service("eid", "Elektronische identiteitskaart", 10)
    passport = service("paspoort", "Paspoort", 15)
    moving = service("verhuis", "Adreswijziging", 20)
    a = Queue.objects.create(location=location, letter="A", name="Afspraken", for_appointments=True)
    a.services.set([eid, passport, moving])
    b = Queue.objects.create(location=location, letter="B", name="Documenten")
    b.services.set([eid, passport])
    c = Queue.objects.create(location=location, letter="C", name="Verhuis")
    c.services.set([moving])
    desks = []
    for name, services in (("Loket 1", [eid, passport]), ("Loket 2", [eid, passport, moving]), ("Loket 3", [moving])):
        desk = Desk.objects.create(location=location, name=name, is_open=True)
        desk.services.set(services)
        desks.append(desk)
    return Floor(location, eid, passport, moving, a, b, c, *desks)


@pytest.fixture
def floor(db) -> Floor:
    return make_floor()


@pytest.fixture
def make_appointment():
    def make(floor: Floor, *, start: dt.datetime, service: Service | None = None, **extra: Any) -> Appointment:
        service = service or floor.eid
        values: dict[str, Any] = {
            "reference": f"APT-2026-{next(_numbers):06d}",
            "status": Appointment.Status.BOOKED,
            "channel": "online",
            "name": "An Peeters",
            "email": "an@example.org",
            **extra,
        }
        return Appointment.objects.create(
            location=floor.location,
            service=service,
            desk=floor.desk1,
            start=start,
            end=start + dt.timedelta(minutes=service.appointment_minutes),
            **values,
        )

    return make


@pytest.fixture
def clerk(db) -> User:
    return User.objects.create_user(username="clerk", password=None, role=Role.CLERK)


@pytest.fixture
def citizen_user(db) -> User:
    return User.objects.create_user(username="burger", password=None, role=Role.CITIZEN)


def at(minutes: int) -> dt.datetime:
    """NOW plus some minutes."""
    return NOW + dt.timedelta(minutes=minutes)


__all__ = ["NOW", "Floor", "at", "make_floor", "timezone"]
