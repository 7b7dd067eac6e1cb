from __future__ import annotations

import datetime as dt

import pytest

from loket.counters.booking import (
    BookingRefused,
    SlotTaken,
    appointment_confirm,
    appointment_hold,
    appointment_holds_expire,
    availability,
)
from loket.counters.models import Appointment
from tests.counters.booking.conftest import MONDAY, at

TUESDAY = MONDAY + dt.timedelta(days=1)


def remaining(location, service, start, now):
    slots = availability(location=location, service=service, start_date=TUESDAY, end_date=TUESDAY, now=now)
    return {slot.start: slot.remaining for slot in slots}.get(start, 0)


def hold(location, service, now, channel="online"):
    return appointment_hold(location=location, service=service, start=at(TUESDAY, 9), channel=channel, now=now)


def test_a_hold_takes_a_desk_until_it_expires(location, service, desks, now):
    held = hold(location, service, now)
    assert held.status == Appointment.Status.HELD and held.desk_id == desks[0].pk
    assert held.hold_expires_at == now + dt.timedelta(minutes=10)
    assert held.reference is None
    assert remaining(location, service, at(TUESDAY, 9), now) == 2
    assert remaining(location, service, at(TUESDAY, 9), now + dt.timedelta(minutes=10)) == 3


def test_expired_holds_never_block_a_booking_even_before_the_job_runs(location, service, desks, now):
    for _ in desks:
        hold(location, service, now)
    with pytest.raises(SlotTaken):
        hold(location, service, now + dt.timedelta(minutes=9))
    assert hold(location, service, now + dt.timedelta(minutes=11)).desk_id == desks[0].pk


def test_confirming_a_hold_books_it_with_a_reference(location, service, desks, now, confirmations):
    held = hold(location, service, now)
    booked = appointment_confirm(
        appointment=held, name="An Peeters", email="an@example.org", now=now + dt.timedelta(minutes=5)
    )
    assert booked.status == Appointment.Status.BOOKED
    assert booked.reference.startswith("APT-2026-")
    assert booked.hold_expires_at is None


def test_an_expired_hold_cannot_be_confirmed(location, service, desks, now):
    held = hold(location, service, now)
    with pytest.raises(BookingRefused) as refused:
        appointment_confirm(appointment=held, name="An", email="an@example.org", now=now + dt.timedelta(minutes=10))
    assert refused.value.code == "hold_expired"


def test_the_job_deletes_expired_holds_only(location, service, desks, now):
    hold(location, service, now)
    fresh = hold(location, service, now + dt.timedelta(minutes=5))
    assert appointment_holds_expire(now=now + dt.timedelta(minutes=12)) == 1
    assert list(Appointment.objects.values_list("pk", flat=True)) == [fresh.pk]
