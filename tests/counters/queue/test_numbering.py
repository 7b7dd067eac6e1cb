from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from loket.counters.models import Ticket
from loket.counters.queues import QueueRefused, ticket_take
from tests.counters.queue.conftest import NOW, at


def test_a_ticket_is_numbered_with_the_queue_letter_and_three_digits(floor):
    first = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    second = ticket_take(location=floor.location, service=floor.passport, now=at(1))
    assert (first.code, second.code) == ("B001", "B002")
    assert first.queue == floor.b and first.day == NOW.date()


def test_each_queue_counts_on_its_own(floor):
    ticket_take(location=floor.location, service=floor.eid, now=NOW)
    assert ticket_take(location=floor.location, service=floor.moving, now=at(1)).code == "C001"


def test_numbers_restart_every_day(floor):
    ticket_take(location=floor.location, service=floor.eid, now=NOW)
    ticket_take(location=floor.location, service=floor.eid, now=at(5))
    tomorrow = NOW + dt.timedelta(days=1)
    assert ticket_take(location=floor.location, service=floor.eid, now=tomorrow).code == "B001"


def test_a_rolled_back_ticket_leaves_no_gap(floor):
    ticket_take(location=floor.location, service=floor.eid, now=NOW)
    with pytest.raises(RuntimeError), transaction.atomic():
        ticket_take(location=floor.location, service=floor.eid, now=at(1))
        raise RuntimeError("the kiosk fails after the ticket was written")
    assert ticket_take(location=floor.location, service=floor.eid, now=at(2)).code == "B002"


def test_a_ticket_has_a_public_token_and_a_stored_estimate(floor):
    ticket = ticket_take(location=floor.location, service=floor.eid, now=NOW)
    assert len(ticket.public_token) >= 20
    assert ticket.estimated_wait_minutes is not None
    assert Ticket.objects.get(pk=ticket.pk).estimated_wait_minutes == ticket.estimated_wait_minutes


def test_it_refuses_a_service_without_a_walk_in_queue(floor):
    floor.b.services.remove(floor.eid)
    with pytest.raises(QueueRefused) as refused:
        ticket_take(location=floor.location, service=floor.eid, now=NOW)
    assert refused.value.code == "service_not_offered"


def test_a_ticket_for_a_queue_of_one_service_gets_that_service(floor):
    assert ticket_take(location=floor.location, queue=floor.c, now=NOW).service == floor.moving
