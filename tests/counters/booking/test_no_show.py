from __future__ import annotations

import datetime as dt

from loket.counters.booking import appointment_no_shows_mark
from loket.counters.models import Appointment
from tests.counters.booking.conftest import MONDAY, at, book

TUESDAY = MONDAY + dt.timedelta(days=1)


def test_booked_appointments_past_the_grace_period_become_no_shows(location, service, desks, now):
    late = book(location, service, at(TUESDAY, 9), now=now)
    checked_in = book(location, service, at(TUESDAY, 9), now=now)
    later = book(location, service, at(TUESDAY, 9, 10), now=now)
    Appointment.objects.filter(pk=checked_in.pk).update(status=Appointment.Status.CHECKED_IN)
    assert appointment_no_shows_mark(now=at(TUESDAY, 9, 14)) == 0
    assert appointment_no_shows_mark(now=at(TUESDAY, 9, 15)) == 1
    statuses = dict(Appointment.objects.values_list("pk", "status"))
    assert statuses == {late.pk: "no_show", checked_in.pk: "checked_in", later.pk: "booked"}


def test_a_no_show_frees_nothing_in_the_past_and_is_marked_once(location, service, desks, now):
    book(location, service, at(TUESDAY, 9), now=now)
    assert appointment_no_shows_mark(now=at(TUESDAY, 10)) == 1
    assert appointment_no_shows_mark(now=at(TUESDAY, 11)) == 0
