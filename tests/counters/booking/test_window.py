from __future__ import annotations

import datetime as dt

import pytest

from loket.counters.booking import BookingRefused, availability
from tests.counters.booking.conftest import MONDAY, at, book


def days_with_slots(location, service, now, start, end):
    slots = availability(location=location, service=service, start_date=start, end_date=end, now=now)
    return {slot.start.date() for slot in slots}


def test_slots_closer_than_the_minimum_notice_are_not_offered(location, service, desks):
    now = at(MONDAY, 9, 5)  # notice 120 minutes → from 11:05
    slots = availability(location=location, service=service, start_date=MONDAY, end_date=MONDAY, now=now)
    assert slots[0].start == at(MONDAY, 11, 10)


def test_booking_within_the_minimum_notice_is_refused(location, service, desks):
    with pytest.raises(BookingRefused) as refused:
        book(location, service, at(MONDAY, 10), now=at(MONDAY, 9))
    assert refused.value.code == "too_soon"


def test_the_last_day_of_the_horizon_is_released_at_the_release_hour(location, service, desks):
    last = MONDAY + dt.timedelta(days=60)  # 2026-05-01 is a public holiday, so take 63 days
    last = MONDAY + dt.timedelta(days=63)  # Monday 2026-05-04
    before = at(MONDAY + dt.timedelta(days=3), 7, 59)
    after = at(MONDAY + dt.timedelta(days=3), 8)
    assert last not in days_with_slots(location, service, before, last - dt.timedelta(days=7), last)
    assert last in days_with_slots(location, service, after, last - dt.timedelta(days=7), last)


def test_booking_a_day_not_yet_released_is_refused(location, service, desks):
    thursday = MONDAY + dt.timedelta(days=3)
    last = MONDAY + dt.timedelta(days=63)
    with pytest.raises(BookingRefused) as refused:
        book(location, service, at(last, 9), now=at(thursday, 7, 59))
    assert refused.value.code == "not_released"
    assert book(location, service, at(last, 9), now=at(thursday, 8)).reference


def test_booking_beyond_the_horizon_is_refused(location, service, desks, now):
    with pytest.raises(BookingRefused) as refused:
        book(location, service, at(MONDAY + dt.timedelta(days=64), 9), now=now)
    assert refused.value.code == "beyond_horizon"


def test_booking_outside_the_opening_hours_or_off_the_grid_is_refused(location, service, desks, now):
    tuesday = MONDAY + dt.timedelta(days=1)
    for start in (at(tuesday, 8, 50), at(tuesday, 11, 50), at(tuesday, 9, 5), at(dt.date(2026, 4, 6), 9)):
        with pytest.raises(BookingRefused) as refused:
            book(location, service, start, now=now)
        assert refused.value.code == "closed"


def test_a_service_not_offered_at_the_location_cannot_be_booked(location, service, desks, now):
    service.locations.clear()
    with pytest.raises(BookingRefused) as refused:
        book(location, service, at(MONDAY + dt.timedelta(days=1), 9), now=now)
    assert refused.value.code == "service_not_offered"
