from __future__ import annotations

from loket.counters.estimate import service_minutes, ticket_position, ticket_wait_estimate
from loket.counters.queues import desk_call_next, desk_close, ticket_finish, ticket_start, ticket_take
from tests.counters.queue.conftest import NOW, at


def test_the_first_visitor_at_a_free_desk_waits_nothing(floor):
    assert ticket_take(location=floor.location, service=floor.eid, now=NOW).estimated_wait_minutes == 0


def test_the_estimate_grows_with_the_people_ahead(floor):
    desk_close(desk=floor.desk2)
    estimates = [
        ticket_take(location=floor.location, service=floor.eid, now=at(i)).estimated_wait_minutes for i in range(4)
    ]
    assert estimates == sorted(estimates) and estimates[-1] >= 3 * 10 - 3  # one desk, 10 minutes each


def test_more_open_desks_shorten_the_wait(floor):
    for i in range(6):
        ticket_take(location=floor.location, service=floor.eid, now=at(i))
    last = ticket_take(location=floor.location, service=floor.eid, now=at(6))
    with_two = ticket_wait_estimate(ticket=last, now=at(6))
    desk_close(desk=floor.desk2)
    assert ticket_wait_estimate(ticket=last, now=at(6)) > with_two


def test_recent_service_times_replace_the_nominal_duration(floor):
    assert service_minutes(location=floor.location, service_id=floor.eid.pk, now=NOW, nominal=10) == 10
    for i in range(3):
        ticket_take(location=floor.location, service=floor.eid, now=at(i * 10))
        ticket = desk_call_next(desk=floor.desk1, now=at(i * 10))
        ticket_start(ticket=ticket, now=at(i * 10))
        ticket_finish(ticket=ticket, outcome="ok", now=at(i * 10 + 4))
    assert service_minutes(location=floor.location, service_id=floor.eid.pk, now=at(40), nominal=10) == 4


def test_the_position_counts_only_who_competes_for_the_same_desks(floor):
    ticket_take(location=floor.location, service=floor.moving, now=NOW)
    ticket_take(location=floor.location, service=floor.eid, now=at(1))
    mine = ticket_take(location=floor.location, service=floor.passport, now=at(2))
    assert ticket_position(ticket=mine, now=at(2)) == 3  # desk 2 serves moving too
    desk = floor.desk2
    desk.services.remove(floor.moving)
    assert ticket_position(ticket=mine, now=at(2)) == 2
