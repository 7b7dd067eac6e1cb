from __future__ import annotations

import pytest

from loket.counters.models import Appointment, Ticket
from loket.counters.queues import (
    QueueRefused,
    appointment_check_in,
    desk_call_next,
    desk_close,
    desk_open,
    ticket_current,
    ticket_finish,
    ticket_no_show,
    ticket_recall,
    ticket_start,
    ticket_take,
    ticket_transfer,
)
from tests.counters.queue.conftest import NOW, at


def test_a_recall_counts_and_puts_the_ticket_on_top_again(floor):
    ticket_take(location=floor.location, service=floor.eid, now=NOW)
    ticket = desk_call_next(desk=floor.desk1, now=at(1))
    recalled = ticket_recall(ticket=ticket, now=at(3))
    assert recalled.recalls == 1 and recalled.called_at == at(1) and recalled.last_called_at == at(3)


def test_a_no_show_ends_the_ticket_and_its_appointment(floor, make_appointment):
    ticket = appointment_check_in(appointment=make_appointment(floor, start=at(5)), now=NOW)
    desk_call_next(desk=floor.desk1, now=at(1))
    ticket_no_show(ticket=ticket, now=at(4))
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.NO_SHOW and ticket.finished_at == at(4)
    assert Appointment.objects.get(pk=ticket.appointment_id).status == Appointment.Status.NO_SHOW


def test_start_and_finish_record_times_and_the_outcome(floor, make_appointment):
    ticket = appointment_check_in(appointment=make_appointment(floor, start=at(5)), now=NOW)
    desk_call_next(desk=floor.desk1, now=at(1))
    ticket_start(ticket=ticket, now=at(2))
    done = ticket_finish(ticket=ticket, outcome="  eID aangevraagd ", now=at(12))
    assert (done.status, done.served_at, done.finished_at, done.outcome) == ("done", at(2), at(12), "eID aangevraagd")
    assert Appointment.objects.get(pk=ticket.appointment_id).status == Appointment.Status.SERVED


def test_it_refuses_to_finish_a_waiting_ticket(floor):
    ticket = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    with pytest.raises(QueueRefused) as refused:
        ticket_finish(ticket=ticket, outcome="", now=at(1))
    assert refused.value.code == "illegal_transition"


def test_a_transfer_to_another_queue_keeps_the_place_and_the_visitors_page(floor):
    first = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    ticket_take(location=floor.location, service=floor.moving, now=at(1))
    called = desk_call_next(desk=floor.desk1, now=at(2))
    token = called.public_token
    new = ticket_transfer(ticket=called, queue=floor.c, now=at(5))
    first.refresh_from_db()
    assert first.status == Ticket.Status.TRANSFERRED and first.transferred_to == new
    assert new.code == "C002" and new.service == floor.moving and new.created_at == NOW
    assert new.public_token == token and ticket_current(ticket=first) == new
    assert desk_call_next(desk=floor.desk3, now=at(6)) == new  # ahead of C001, taken later


def test_a_ticket_sent_to_a_desk_is_called_only_there(floor):
    ticket_take(location=floor.location, service=floor.eid, now=NOW)
    called = desk_call_next(desk=floor.desk1, now=at(1))
    sent = ticket_transfer(ticket=called, desk=floor.desk3, now=at(2))
    assert desk_call_next(desk=floor.desk2, now=at(3)) is None
    assert desk_call_next(desk=floor.desk3, now=at(3)) == sent


def test_a_transfer_needs_a_target(floor):
    ticket = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    with pytest.raises(QueueRefused):
        ticket_transfer(ticket=ticket, now=at(1))


def test_a_closed_desk_calls_nobody(floor, clerk):
    ticket_take(location=floor.location, service=floor.eid, now=NOW)
    desk_close(desk=floor.desk1)
    with pytest.raises(QueueRefused) as refused:
        desk_call_next(desk=floor.desk1, now=at(1))
    assert refused.value.code == "desk_closed"
    opened = desk_open(desk=floor.desk1, actor=clerk)
    assert opened.is_open and opened.clerk == clerk
    assert desk_call_next(desk=floor.desk1, now=at(2)) is not None
