from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from loket.counters.models import Appointment, Ticket
from loket.counters.queues import desk_call_next, ticket_take


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def staff_api(clerk) -> APIClient:
    client = APIClient()
    client.force_authenticate(clerk)
    return client


def test_anyone_takes_a_ticket_with_code_position_and_estimate(api, floor):
    answer = api.post(
        f"/api/v1/locations/{floor.location.pk}/tickets/", {"service": "eid", "priority": True}, format="json"
    )
    assert answer.status_code == 201
    body = answer.json()
    assert body["code"] == "B001" and body["position"] == 1 and body["estimated_wait_minutes"] == 0
    assert body["priority"] is True and body["public_token"]


def test_a_ticket_for_an_unknown_service_or_location_is_refused(api, floor):
    bad = api.post(f"/api/v1/locations/{floor.location.pk}/tickets/", {"service": "nope"}, format="json")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid"
    assert api.post("/api/v1/locations/999999/tickets/", {"service": "eid"}, format="json").status_code == 404


def test_call_next_answers_the_ticket_then_204(staff_api, floor):
    ticket = ticket_take(location=floor.location, service=floor.eid)
    first = staff_api.post(f"/api/v1/desks/{floor.desk1.pk}/call-next/")
    assert first.status_code == 200 and first.json()["code"] == ticket.code and first.json()["desk"] == "Loket 1"
    assert staff_api.post(f"/api/v1/desks/{floor.desk1.pk}/call-next/").status_code == 204


def test_call_next_at_a_closed_desk_is_a_conflict_and_anonymous_callers_are_refused(api, staff_api, floor):
    floor.desk1.is_open = False
    floor.desk1.save()
    closed = staff_api.post(f"/api/v1/desks/{floor.desk1.pk}/call-next/")
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "desk_closed"
    assert api.post(f"/api/v1/desks/{floor.desk2.pk}/call-next/").status_code in (401, 403)


def test_the_queue_view_lists_calls_and_waiting_per_queue(api, floor):
    ticket_take(location=floor.location, service=floor.eid)
    ticket_take(location=floor.location, service=floor.moving)
    called = desk_call_next(desk=floor.desk1)
    body = api.get(f"/api/v1/locations/{floor.location.pk}/queue/").json()
    assert body["called"][0] == {"code": called.code, "desk": "Loket 1", "called_at": body["called"][0]["called_at"]}
    assert body["waiting"] == {"A": 0, "B": 0, "C": 1}
    assert api.get("/api/v1/locations/999999/queue/").status_code == 404


def test_check_in_by_reference(staff_api, floor, make_appointment):
    appointment = make_appointment(floor, start=timezone.now() + timezone.timedelta(minutes=1))
    answer = staff_api.post(f"/api/v1/appointments/{appointment.reference}/check-in/")
    assert answer.status_code == 201 and answer.json()["code"] == "A001"
    assert Appointment.objects.get(pk=appointment.pk).status == Appointment.Status.CHECKED_IN


def test_check_in_of_a_cancelled_appointment_is_refused(staff_api, floor, make_appointment):
    appointment = make_appointment(floor, start=timezone.now(), status=Appointment.Status.CANCELLED)
    answer = staff_api.post(f"/api/v1/appointments/{appointment.reference}/check-in/")
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "appointment_cancelled"
    assert staff_api.post("/api/v1/appointments/APT-2026-999999/check-in/").status_code == 404


def test_ticket_actions_recall_transfer_and_finish(staff_api, floor):
    ticket_take(location=floor.location, service=floor.eid)
    called = desk_call_next(desk=floor.desk1)
    recalled = staff_api.post(f"/api/v1/tickets/{called.pk}/recall/")
    assert recalled.status_code == 200 and recalled.json()["recalls"] == 1
    moved = staff_api.post(f"/api/v1/tickets/{called.pk}/transfer/", {"queue": floor.c.pk}, format="json")
    assert moved.status_code == 200 and moved.json()["code"] == "C001"
    new = Ticket.objects.get(pk=moved.json()["id"])
    desk_call_next(desk=floor.desk3)
    done = staff_api.post(f"/api/v1/tickets/{new.pk}/finish/", {"outcome": "adres gewijzigd"}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "done"


def test_a_ticket_action_in_the_wrong_status_is_a_conflict(staff_api, floor):
    ticket = ticket_take(location=floor.location, service=floor.eid)
    answer = staff_api.post(f"/api/v1/tickets/{ticket.pk}/no-show/")
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "illegal_transition"
    assert staff_api.post(f"/api/v1/tickets/{ticket.pk}/transfer/", {}, format="json").status_code == 400
