"""Booking on behalf from the workspace: ``?burger=`` prefills the caller and links the appointment."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import time_machine

from loket.catalogue.models import Level, Service, Topic
from loket.counters.models import Appointment, CounterSettings, Desk
from loket.organisation.models import Location, OpeningHours

BRUSSELS = ZoneInfo("Europe/Brussels")
TUESDAY = dt.date(2026, 3, 3)
BOOK_FOR = "/medewerker/afspraak/"


@pytest.fixture
def bookable(an) -> Service:
    location = Location.objects.create(
        slug="cc-testloket", name="Testloket", kind=Location.Kind.CITY_COUNTER, street="Teststraat", number="1"
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(location=location, weekday=day, opens=dt.time(9), closes=dt.time(12)) for day in range(5)
    )
    CounterSettings.objects.create(location=location, slot_minutes=10, online_share=100, min_notice_minutes=120)
    topic = Topic.objects.create(slug="cc-burgerzaken", name="Burgerzaken test", level=Level.CITY)
    service = Service.objects.create(
        slug="cc-identiteitskaart", name="Identiteitskaart test", topic=topic, counter=Service.Counter.APPOINTMENT
    )
    service.locations.add(location)
    Desk.objects.create(location=location, name="Loket 1").services.add(service)
    return service


def test_the_caller_chosen_in_the_workspace_is_prefilled_and_linked_to_the_appointment(agent_client, an, bookable):
    choice = {"service": bookable.slug, "persons": 1, "location": "cc-testloket", "day": TUESDAY.isoformat()}
    start = dt.datetime(2026, 3, 3, 10, 0, tzinfo=BRUSSELS)
    with time_machine.travel(dt.datetime(2026, 3, 2, 7, 0, tzinfo=BRUSSELS), tick=False):
        first = agent_client.get(BOOK_FOR, {"burger": an.pk})
        times = agent_client.get(f"{BOOK_FOR}?{urlencode(choice)}")
        done = agent_client.post(
            f"{BOOK_FOR}?{urlencode(choice)}",
            {"start": start.isoformat(), "name": "An Van den Bossche", "email": "an.vdb@example.org"},
        )

    assert "U maakt een afspraak voor An Van den Bossche." in first.text
    assert 'value="An Van den Bossche"' in times.text
    assert 'value="03 123 45 67"' in times.text
    assert done.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.citizen == an.user
    assert appointment.channel == "phone"


def test_an_unknown_caller_id_is_ignored_and_nothing_is_prefilled(agent_client, an, bookable):
    page = agent_client.get(BOOK_FOR, {"burger": "999999"})

    assert page.status_code == 200
    assert "U maakt een afspraak voor" not in page.text
    assert "counters_book_for_citizen" not in agent_client.session
