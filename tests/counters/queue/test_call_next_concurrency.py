"""Six desks call at once, on real connections: every ticket is called exactly once.

Runs on SQLite (BEGIN IMMEDIATE serializes the desks) and on PostgreSQL (SKIP LOCKED).
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection

from loket.counters.models import Desk, Ticket
from loket.counters.queues import desk_call_next, ticket_take
from tests.counters.queue.conftest import NOW, at, make_floor

DESKS, TICKETS, CALLS_PER_DESK = 6, 20, 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_desks_never_call_one_ticket_twice():
    floor = make_floor()
    for i in range(TICKETS):
        ticket_take(location=floor.location, service=floor.eid, priority=i % 7 == 0, now=NOW)
    desks = [floor.desk1, floor.desk2]
    for n in range(DESKS - 2):
        desk = Desk.objects.create(location=floor.location, name=f"Extra {n}", is_open=True)
        desk.services.set([floor.eid])
        desks.append(desk)
    calls: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(DESKS)

    def call(desk: Desk) -> None:
        try:
            start.wait()
            for _ in range(CALLS_PER_DESK):
                ticket = desk_call_next(desk=desk, now=at(1))
                if ticket is not None:
                    calls.append((ticket.pk, desk.pk))
        except BaseException as exc:  # reported below, in the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=call, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(calls) == TICKETS
    assert set(Counter(pk for pk, _ in calls).values()) == {1}
    assert Ticket.objects.filter(status=Ticket.Status.CALLED).count() == TICKETS
    for pk, desk_id in calls:
        assert Ticket.objects.get(pk=pk).desk_id == desk_id
