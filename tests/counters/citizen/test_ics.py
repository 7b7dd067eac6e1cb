from __future__ import annotations

import datetime as dt

import icalendar

from loket.counters.messages import appointment_ics
from loket.counters.models import Appointment

from .conftest import TUESDAY, at


def _event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def test_the_calendar_file_parses_back_with_start_end_place_and_uid(db, make_appointment):
    appointment = make_appointment(at(TUESDAY, 10, 30))

    data = appointment_ics(appointment=appointment)
    event = _event(data)

    assert event.decoded("dtstart") == at(TUESDAY, 10, 30)
    assert event.decoded("dtend") == at(TUESDAY, 10, 50)
    assert event.decoded("dtstart").utcoffset() == dt.timedelta(0)
    assert str(event["uid"]) == f"{appointment.reference}@loket"
    assert str(event["location"]) == "Districtshuis Test, Teststraat 1, 2000 Antwerpen"
    assert str(event["summary"]) == "Afspraak: Identiteitskaart"
    assert "Een recente pasfoto" in str(event["description"])
    assert "/afspraak/" in str(event["description"])
    assert str(event["organizer"]).startswith("mailto:")
    assert str(icalendar.Calendar.from_ical(data)["method"]) == "PUBLISH"


def test_a_cancelled_appointment_gives_a_cancelling_calendar_file(db, make_appointment):
    appointment = make_appointment(at(TUESDAY, 10), status=Appointment.Status.CANCELLED)

    data = appointment_ics(appointment=appointment)

    assert str(icalendar.Calendar.from_ical(data)["method"]) == "CANCEL"
    assert str(_event(data)["status"]) == "CANCELLED"
