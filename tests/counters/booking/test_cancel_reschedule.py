from __future__ import annotations

import datetime as dt

import pytest

from loket.audit.models import AuditEntry
from loket.counters.booking import (
    BookingRefused,
    SlotTaken,
    appointment_cancel,
    appointment_get_by_reference,
    appointment_reschedule,
    availability,
)
from loket.counters.models import Appointment
from tests.counters.booking.conftest import MONDAY, at, book

TUESDAY = MONDAY + dt.timedelta(days=1)


def remaining(location, service, start, now):
    slots = availability(
        location=location, service=service, start_date=TUESDAY, end_date=TUESDAY, channel="phone", now=now
    )
    return {slot.start: slot.remaining for slot in slots}.get(start, 0)


def test_booking_with_personal_data_is_audited(location, service, desks, now, make_user, confirmations):
    agent = make_user("agent")
    appointment = book(location, service, at(TUESDAY, 9), now=now, actor=agent)
    entry = AuditEntry.objects.get(object_id=str(appointment.pk))
    assert entry.action == "create" and entry.actor == agent and "email" in entry.fields


def test_cancelling_frees_the_place(location, service, desks, now):
    appointments = [book(location, service, at(TUESDAY, 9), now=now) for _ in desks]
    assert remaining(location, service, at(TUESDAY, 9), now) == 0
    cancelled = appointment_cancel(appointment=appointments[1], now=now)
    assert cancelled.status == Appointment.Status.CANCELLED and cancelled.cancelled_at == now
    assert remaining(location, service, at(TUESDAY, 9), now) == 1
    assert book(location, service, at(TUESDAY, 9), now=now).desk_id == desks[1].pk


def test_a_served_appointment_cannot_be_cancelled(location, service, desks, now):
    appointment = book(location, service, at(TUESDAY, 9), now=now)
    Appointment.objects.filter(pk=appointment.pk).update(status=Appointment.Status.SERVED)
    with pytest.raises(BookingRefused) as refused:
        appointment_cancel(appointment=appointment, now=now)
    assert refused.value.code == "not_open"


def test_rescheduling_books_the_new_time_and_cancels_the_old(location, service, desks, now, confirmations):
    old = book(location, service, at(TUESDAY, 9), email="an@example.org", now=now)
    new = appointment_reschedule(appointment=old, start=at(TUESDAY, 10), now=now)
    old.refresh_from_db()
    assert old.status == Appointment.Status.CANCELLED
    assert new.status == Appointment.Status.BOOKED and new.start == at(TUESDAY, 10)
    assert new.rescheduled_from == old and new.email == "an@example.org" and new.reference != old.reference
    assert appointment_get_by_reference(reference=new.reference) == new


def test_rescheduling_may_overlap_the_old_time_on_a_full_day(location, service, desks, now):
    others = [book(location, service, at(TUESDAY, 9, 10), now=now) for _ in desks[1:]]
    old = book(location, service, at(TUESDAY, 9), now=now)
    assert {a.desk_id for a in others} | {old.desk_id} == {d.pk for d in desks}
    new = appointment_reschedule(appointment=old, start=at(TUESDAY, 9, 10), now=now)
    assert new.desk_id == old.desk_id


def test_a_taken_time_leaves_the_old_appointment_intact(location, service, desks, now):
    for _ in desks:
        book(location, service, at(TUESDAY, 10), now=now)
    old = book(location, service, at(TUESDAY, 9), now=now)
    with pytest.raises(SlotTaken):
        appointment_reschedule(appointment=old, start=at(TUESDAY, 10), now=now)
    old.refresh_from_db()
    assert old.status == Appointment.Status.BOOKED
    assert Appointment.objects.filter(status="booked").count() == 4
