"""No double booking, ever: concurrent bookers for the last places, each on its own connection."""

from __future__ import annotations

import datetime as dt
import threading

from django.db import connection

from loket.counters.booking import SlotTaken, appointment_book
from loket.counters.models import Appointment
from tests.counters.booking.conftest import MONDAY, at

TUESDAY = MONDAY + dt.timedelta(days=1)


def race(attempts: int, book) -> dict[str, int]:
    barrier = threading.Barrier(attempts)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(number: int) -> None:
        try:
            barrier.wait()
            book(number)
            outcome = "booked"
        except SlotTaken:
            outcome = "taken"
        except Exception as exc:  # any other outcome fails the test below
            outcome = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return {outcome: outcomes.count(outcome) for outcome in set(outcomes)}


def test_eight_bookers_for_three_places_give_three_bookings_and_five_slot_taken(
    transactional_db, location, service, desks, now
):
    def book(number: int) -> None:
        appointment_book(
            location=location,
            service=service,
            start=at(TUESDAY, 9),
            channel="phone",
            name=f"Burger {number}",
            email=f"burger{number}@example.org",
            now=now,
        )

    assert race(8, book) == {"booked": 3, "taken": 5}
    booked = Appointment.objects.filter(status="booked")
    assert sorted(booked.values_list("desk_id", flat=True)) == sorted(d.pk for d in desks)


def test_overlapping_slots_never_share_a_desk(transactional_db, location, service, desks, now):
    starts = [at(TUESDAY, 9), at(TUESDAY, 9, 10)] * 4

    def book(number: int) -> None:
        appointment_book(
            location=location,
            service=service,
            start=starts[number],
            channel="phone",
            name=f"Burger {number}",
            email=f"burger{number}@example.org",
            now=now,
        )

    outcome = race(8, book)
    assert outcome.get("booked") == 3 and outcome.get("taken") == 5
    rows = list(Appointment.objects.filter(status="booked").values_list("desk_id", "start", "end"))
    for i, (desk, start, end) in enumerate(rows):
        for other_desk, other_start, other_end in rows[i + 1 :]:
            assert desk != other_desk or end <= other_start or other_end <= start
