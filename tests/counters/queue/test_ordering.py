from __future__ import annotations

from loket.counters.queues import appointment_check_in, desk_call_next, ticket_take
from tests.counters.queue.conftest import NOW, at


def test_walk_ins_are_called_first_come_first_served(floor):
    first = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    second = ticket_take(location=floor.location, service=floor.passport, now=at(1))
    assert desk_call_next(desk=floor.desk1, now=at(2)) == first
    assert desk_call_next(desk=floor.desk1, now=at(3)) == second


def test_an_appointment_due_now_beats_an_earlier_walk_in(floor, make_appointment):
    walk_in = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    appointment = make_appointment(floor, start=at(15))
    checked_in = appointment_check_in(appointment=appointment, now=at(1))
    assert checked_in.code == "A001"
    assert desk_call_next(desk=floor.desk1, now=at(6)) == checked_in
    assert desk_call_next(desk=floor.desk1, now=at(7)) == walk_in


def test_an_appointment_checked_in_early_waits_until_it_is_due(floor, make_appointment):
    early = appointment_check_in(appointment=make_appointment(floor, start=at(60)), now=NOW)
    walk_in = ticket_take(location=floor.location, service=floor.eid, now=at(1))
    assert desk_call_next(desk=floor.desk1, now=at(2)) == walk_in
    assert desk_call_next(desk=floor.desk1, now=at(3)) == early  # nobody else waits


def test_a_visitor_who_needs_assistance_goes_before_walk_ins(floor):
    walk_in = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    assisted = ticket_take(location=floor.location, service=floor.eid, priority=True, now=at(1))
    assert desk_call_next(desk=floor.desk1, now=at(2)) == assisted
    assert desk_call_next(desk=floor.desk1, now=at(3)) == walk_in


def test_a_desk_calls_only_tickets_for_the_services_it_serves(floor):
    moving = ticket_take(location=floor.location, service=floor.moving, now=NOW)
    eid = ticket_take(location=floor.location, service=floor.eid, now=at(1))
    assert desk_call_next(desk=floor.desk1, now=at(2)) == eid
    assert desk_call_next(desk=floor.desk1, now=at(3)) is None
    assert desk_call_next(desk=floor.desk3, now=at(4)) == moving


def test_nobody_waiting_answers_none(floor):
    assert desk_call_next(desk=floor.desk2, now=NOW) is None
