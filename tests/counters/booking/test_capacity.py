from __future__ import annotations

import datetime as dt

from loket.counters.booking import availability
from loket.counters.models import CounterSettings, Desk
from loket.organisation.models import OpeningException
from tests.counters.booking.conftest import MONDAY, at, book

TUESDAY = MONDAY + dt.timedelta(days=1)


def slots_on(location, service, day, now, **extra):
    return availability(location=location, service=service, start_date=day, end_date=day, now=now, **extra)


def test_slots_start_on_the_grid_and_fit_in_the_opening_period(location, service, desks, now):
    slots = slots_on(location, service, TUESDAY, now, channel="phone")
    assert slots[0].start == at(TUESDAY, 9) and slots[0].end == at(TUESDAY, 9, 20)
    assert slots[1].start == at(TUESDAY, 9, 10)
    assert slots[-1].start == at(TUESDAY, 11, 40) and slots[-1].end == at(TUESDAY, 12)
    assert len(slots) == 17  # 09:00, 09:10, …, 11:40
    assert {slot.remaining for slot in slots} == {3}


def test_more_persons_in_one_visit_take_longer(location, service, desks, now):
    slots = slots_on(location, service, TUESDAY, now, channel="phone", persons=3)
    assert slots[0].end - slots[0].start == dt.timedelta(minutes=60)
    assert slots[-1].start == at(TUESDAY, 11)


def test_public_holidays_close_the_counter(location, service, desks):
    christmas = dt.date(2026, 12, 25)  # a Friday
    slots = slots_on(location, service, christmas, at(dt.date(2026, 12, 20), 9))
    assert slots == []
    assert slots_on(location, service, christmas - dt.timedelta(days=1), at(dt.date(2026, 12, 20), 9))


def test_a_staff_closure_closes_the_counter(location, service, desks, now):
    OpeningException.objects.create(location=location, date=TUESDAY, closed=True, reason="Opleiding")
    assert slots_on(location, service, TUESDAY, now) == []


def test_changed_hours_on_one_day_are_followed(location, service, desks, now):
    OpeningException.objects.create(
        location=location, date=TUESDAY, closed=False, opens=dt.time(10), closes=dt.time(11)
    )
    slots = slots_on(location, service, TUESDAY, now)
    assert slots[0].start == at(TUESDAY, 10) and slots[-1].end == at(TUESDAY, 11)


def test_weekends_have_no_slots(location, service, desks, now):
    assert slots_on(location, service, MONDAY + dt.timedelta(days=5), now) == []


def test_each_booking_takes_one_desk_for_the_whole_visit(location, service, desks, now):
    book(location, service, at(TUESDAY, 9, 10), now=now)
    remaining = {slot.start: slot.remaining for slot in slots_on(location, service, TUESDAY, now, channel="phone")}
    assert remaining[at(TUESDAY, 9)] == 2  # overlaps 09:10-09:20
    assert remaining[at(TUESDAY, 9, 10)] == 2
    assert remaining[at(TUESDAY, 9, 20)] == 2  # overlaps 09:20-09:30
    assert remaining[at(TUESDAY, 9, 30)] == 3


def test_only_bookable_desks_that_serve_the_service_count(location, service, desks, now):
    Desk.objects.filter(pk=desks[0].pk).update(bookable=False)
    desks[1].services.clear()
    slots = slots_on(location, service, TUESDAY, now, channel="phone")
    assert {slot.remaining for slot in slots} == {1}


def test_full_slots_are_not_offered(location, service, desks, now):
    for _ in desks:
        book(location, service, at(TUESDAY, 9), now=now)
    starts = {slot.start for slot in slots_on(location, service, TUESDAY, now, channel="phone")}
    assert at(TUESDAY, 9) not in starts and at(TUESDAY, 9, 10) not in starts
    assert at(TUESDAY, 9, 20) in starts


def test_online_bookings_hold_at_most_their_share_of_the_desks(location, service, desks, now, settings_of):
    settings_of(online_share=70)  # 70 % of 3 desks = 2.1 → 2
    assert {s.remaining for s in slots_on(location, service, TUESDAY, now)} == {2}
    assert {s.remaining for s in slots_on(location, service, TUESDAY, now, channel="phone")} == {3}
    book(location, service, at(TUESDAY, 9), channel="online", now=now)
    book(location, service, at(TUESDAY, 9), channel="online", now=now)
    online = {s.start: s.remaining for s in slots_on(location, service, TUESDAY, now)}
    phone = {s.start: s.remaining for s in slots_on(location, service, TUESDAY, now, channel="phone")}
    assert at(TUESDAY, 9) not in online and at(TUESDAY, 9, 10) not in online
    assert phone[at(TUESDAY, 9)] == 1
    assert online[at(TUESDAY, 9, 20)] == 2


def test_a_small_online_share_still_leaves_one_desk_online(location, service, desks, now, settings_of):
    settings_of(online_share=10)
    assert {s.remaining for s in slots_on(location, service, TUESDAY, now)} == {1}
    settings_of(online_share=0)
    assert slots_on(location, service, TUESDAY, now) == []


def test_phone_bookings_do_not_use_up_the_online_share(location, service, desks, now, settings_of):
    settings_of(online_share=34)  # 1 desk online
    book(location, service, at(TUESDAY, 9), channel="phone", now=now)
    book(location, service, at(TUESDAY, 9), channel="phone", now=now)
    online = {s.start: s.remaining for s in slots_on(location, service, TUESDAY, now)}
    assert online[at(TUESDAY, 9)] == 1


def test_a_location_without_settings_uses_the_defaults(location, service, desks, now):
    CounterSettings.objects.filter(location=location).delete()
    slots = slots_on(location, service, TUESDAY, now)
    assert slots and slots[0].remaining == 2  # 70 % of 3 desks


def test_a_service_not_offered_at_the_location_has_no_slots(location, service, desks, now):
    service.locations.clear()
    assert slots_on(location, service, TUESDAY, now) == []
