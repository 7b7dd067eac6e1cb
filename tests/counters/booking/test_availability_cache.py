"""Availability answers from a per-process occupancy cache, never from stale data.

Every test first warms the cache (a booking gives the location its version; two availability
calls fill and reuse the cache), then changes something and asks again at once.
"""

from __future__ import annotations

import datetime as dt

from loket.counters.booking import (
    appointment_cancel,
    appointment_hold,
    appointment_holds_expire,
    appointment_no_shows_mark,
    appointment_reschedule,
    availability,
)
from loket.counters.models import Appointment, BookingVersion, Desk
from loket.counters.occupancy import _cache, booking_version_bump, occupancy_cache_size
from loket.organisation.models import OpeningException
from tests.counters.booking.conftest import MONDAY, at, book

TUESDAY = MONDAY + dt.timedelta(days=1)
NINE = at(TUESDAY, 9)


def places(location, service, now, start=NINE, channel="phone"):
    day = timezone_day(start)
    slots = availability(location=location, service=service, start_date=day, end_date=day, channel=channel, now=now)
    return {slot.start: slot.remaining for slot in slots}.get(start, 0)


def timezone_day(start: dt.datetime) -> dt.date:
    return start.date()


def version(location) -> int:
    return BookingVersion.objects.get(location=location).version


def warm(location, service, now) -> None:
    """Fill the cache for the coming 60 days and check that it holds the current version."""
    for _ in range(2):
        availability(location=location, service=service, start_date=MONDAY, end_date=MONDAY + dt.timedelta(60), now=now)
    assert _cache[location.pk].version == version(location)


def direct_booking(location, service, desk, start, status=Appointment.Status.BOOKED, **extra) -> Appointment:
    """A row written straight into the database, as another process or an import would."""
    return Appointment.objects.create(
        location=location,
        service=service,
        desk=desk,
        start=start,
        end=start + dt.timedelta(minutes=20),
        channel="phone",
        status=status,
        **extra,
    )


def test_a_booking_through_the_service_is_seen_by_the_very_next_call(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    warm(location, service, now)
    assert places(location, service, now) == 3
    before = version(location)
    book(location, service, NINE, now=now)
    assert version(location) == before + 1
    assert places(location, service, now) == 2


def test_a_row_written_directly_is_seen_once_the_version_is_raised(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    warm(location, service, now)
    direct_booking(location, service, desks[0], NINE)
    # The cache really answers: without the version raised the direct write is not seen yet.
    assert places(location, service, now) == 3
    booking_version_bump(location_ids=[location.pk])
    assert places(location, service, now) == 2


def test_a_cancellation_frees_the_place_at_once(location, service, desks, now):
    booked = [book(location, service, NINE, now=now) for _ in desks]
    warm(location, service, now)
    assert places(location, service, now) == 0
    appointment_cancel(appointment=booked[1], now=now)
    assert places(location, service, now) == 1


def test_a_reschedule_frees_the_old_time_and_takes_the_new_one_at_once(location, service, desks, now):
    booked = book(location, service, NINE, now=now)
    warm(location, service, now)
    appointment_reschedule(appointment=booked, start=at(TUESDAY, 10), now=now)
    assert places(location, service, now) == 3
    assert places(location, service, now, start=at(TUESDAY, 10)) == 2


def test_a_hold_is_seen_at_once_and_its_expiry_frees_the_place_by_time_alone(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    warm(location, service, now)
    before = version(location)
    appointment_hold(location=location, service=service, start=NINE, channel="online", now=now)
    assert version(location) == before  # holds are read live, not cached
    assert places(location, service, now + dt.timedelta(minutes=5)) == 2
    assert places(location, service, now + dt.timedelta(minutes=10)) == 3  # expired, nothing ran
    assert appointment_holds_expire(now=now + dt.timedelta(minutes=10)) == 1
    assert version(location) == before
    assert places(location, service, now + dt.timedelta(minutes=10)) == 3


def test_a_desk_added_or_made_unbookable_counts_at_once(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    warm(location, service, now)
    extra = Desk.objects.create(location=location, name="Loket 4")
    extra.services.add(service)
    assert places(location, service, now) == 4
    Desk.objects.filter(pk=desks[0].pk).update(bookable=False)
    assert places(location, service, now) == 3
    desks[1].services.remove(service)
    assert places(location, service, now) == 2


def test_a_closure_entered_for_a_day_counts_at_once(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    warm(location, service, now)
    OpeningException.objects.create(location=location, date=TUESDAY, closed=True, reason="Verbouwing")
    assert places(location, service, now) == 0


def test_today_is_read_live_so_a_visitor_served_at_the_desk_frees_the_rest_of_the_slot(location, service, desks, now):
    today_ten = at(MONDAY, 10)
    booked = [book(location, service, today_ten, now=now) for _ in desks]
    warm(location, service, now)
    assert places(location, service, now, start=today_ten) == 0
    # Check-in keeps the desk (no version change needed); serving the visitor early frees it.
    # queues.ticket_finish does not raise the version: today is never answered from the cache.
    Appointment.objects.filter(pk=booked[0].pk).update(status=Appointment.Status.CHECKED_IN)
    assert places(location, service, now, start=today_ten) == 0
    Appointment.objects.filter(pk=booked[0].pk).update(status=Appointment.Status.SERVED)
    assert places(location, service, now, start=today_ten) == 1


def test_marking_no_shows_raises_the_version(location, service, desks, now):
    booked = book(location, service, at(MONDAY, 10), now=now)
    before = version(location)
    assert appointment_no_shows_mark(now=at(MONDAY, 10, 20)) == 1
    assert Appointment.objects.get(pk=booked.pk).status == Appointment.Status.NO_SHOW
    assert version(location) == before + 1


def test_a_location_never_written_to_is_not_cached_but_answers_right(location, service, desks, now):
    _cache.pop(location.pk, None)
    direct_booking(location, service, desks[0], NINE)
    assert places(location, service, now) == 2
    assert location.pk not in _cache


def test_the_cache_keeps_at_most_the_horizon_and_drops_days_that_passed(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    warm(location, service, now)
    entry = _cache[location.pk]
    assert entry.first == TUESDAY and (entry.last - MONDAY).days <= 60
    assert len(entry.days) <= 60
    later = at(MONDAY + dt.timedelta(days=3), 9)
    availability(location=location, service=service, start_date=later.date(), end_date=later.date(), now=later)
    entry = _cache[location.pk]
    assert min(entry.days) == later.date() + dt.timedelta(days=1)
    assert occupancy_cache_size()[1] >= len(entry.days)


def test_days_beyond_what_was_cached_are_loaded_not_assumed_empty(location, service, desks, now):
    book(location, service, at(TUESDAY, 11), now=now)
    for _ in range(2):
        places(location, service, now)  # caches Tuesday only
    assert _cache[location.pk].last == TUESDAY
    # Rows written without raising the version, so only a load from the database can see them.
    wednesday, friday = at(TUESDAY + dt.timedelta(days=1), 9), at(TUESDAY + dt.timedelta(days=3), 9)
    direct_booking(location, service, desks[0], wednesday)
    direct_booking(location, service, desks[0], friday)
    assert places(location, service, now, start=wednesday) == 2
    thursday = at(TUESDAY + dt.timedelta(days=2), 7)
    assert places(location, service, thursday, start=friday) == 2
