from __future__ import annotations

import datetime as dt

import pytest

from loket.counters.models import Appointment
from loket.counters.queues import QueueRefused, appointment_check_in
from tests.counters.queue.conftest import NOW, at


def test_check_in_gives_a_ticket_in_the_appointments_queue(floor, make_appointment):
    appointment = make_appointment(floor, start=at(20), needs_assistance=True)
    ticket = appointment_check_in(appointment=appointment, now=NOW)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CHECKED_IN and appointment.checked_in_at == NOW
    assert (ticket.queue, ticket.service, ticket.priority) == (floor.a, floor.eid, True)


def test_checking_in_twice_answers_the_same_ticket(floor, make_appointment):
    appointment = make_appointment(floor, start=at(20))
    assert appointment_check_in(appointment=appointment, now=NOW) == appointment_check_in(
        appointment=appointment, now=at(1)
    )


def test_it_refuses_a_cancelled_appointment(floor, make_appointment):
    appointment = make_appointment(floor, start=at(20), status=Appointment.Status.CANCELLED)
    with pytest.raises(QueueRefused) as refused:
        appointment_check_in(appointment=appointment, now=NOW)
    assert refused.value.code == "appointment_cancelled"


def test_it_refuses_an_appointment_of_another_day(floor, make_appointment):
    appointment = make_appointment(floor, start=at(20) + dt.timedelta(days=1))
    with pytest.raises(QueueRefused) as refused:
        appointment_check_in(appointment=appointment, now=NOW)
    assert refused.value.code == "appointment_not_today"


def test_it_refuses_an_appointment_that_was_only_held(floor, make_appointment):
    appointment = make_appointment(floor, start=at(20), status=Appointment.Status.HELD)
    with pytest.raises(QueueRefused):
        appointment_check_in(appointment=appointment, now=NOW)
