from __future__ import annotations

import datetime as dt

import pytest

from loket.counters.booking import BookingRefused, appointment_cancel
from loket.counters.models import CounterSettings
from tests.counters.booking.conftest import MONDAY, at, book

TUESDAY = MONDAY + dt.timedelta(days=1)


def test_a_second_open_appointment_for_the_same_service_is_refused_by_email(location, service, desks, now):
    book(location, service, at(TUESDAY, 9), email="an@example.org", now=now)
    with pytest.raises(BookingRefused) as refused:
        book(location, service, at(TUESDAY, 10), email="AN@Example.org", now=now)
    assert refused.value.code == "one_open_per_service"


def test_a_citizen_is_recognised_by_account_whatever_the_email(location, service, desks, now, make_user):
    citizen = make_user()
    book(location, service, at(TUESDAY, 9), email="one@example.org", citizen=citizen, now=now)
    with pytest.raises(BookingRefused):
        book(location, service, at(TUESDAY, 10), email="other@example.org", citizen=citizen, now=now)


def test_a_cancelled_appointment_no_longer_counts(location, service, desks, now):
    first = book(location, service, at(TUESDAY, 9), email="an@example.org", now=now)
    appointment_cancel(appointment=first, now=now)
    assert book(location, service, at(TUESDAY, 10), email="an@example.org", now=now).reference


def test_the_rule_can_be_switched_off(location, service, desks, now):
    CounterSettings.objects.filter(location=location).update(one_open_per_service=False)
    book(location, service, at(TUESDAY, 9), email="an@example.org", now=now)
    assert book(location, service, at(TUESDAY, 10), email="an@example.org", now=now).reference
