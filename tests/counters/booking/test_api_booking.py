from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from loket.counters.models import Appointment
from tests.counters.booking.conftest import MONDAY, at, book

TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def frozen(now):
    with time_machine.travel(now, tick=False):
        yield


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def availability_url(location) -> str:
    return f"/api/v1/locations/{location.pk}/availability/"


def body(location, service, start, **extra):
    return {
        "location": location.pk,
        "service": service.slug,
        "start": start.isoformat(),
        "name": "An Peeters",
        "email": "an@example.org",
        **extra,
    }


def test_availability_lists_slots_with_remaining_places(client, location, service, desks):
    response = client.get(
        availability_url(location), {"service": service.slug, "from": "2026-03-03", "to": "2026-03-04"}
    )
    assert response.status_code == 200
    slots = response.json()
    assert slots[0] == {"start": "2026-03-03T09:00:00+01:00", "end": "2026-03-03T09:20:00+01:00", "remaining": 3}
    assert len(slots) == 34


@pytest.mark.parametrize(
    "query",
    [
        {"service": "bestaat-niet", "from": "2026-03-03", "to": "2026-03-04"},
        {"service": "identiteitskaart-test", "from": "03/03/2026", "to": "2026-03-04"},
        {"service": "identiteitskaart-test", "from": "2026-03-05", "to": "2026-03-04"},
        {"service": "identiteitskaart-test", "from": "2026-03-03", "to": "2026-06-03"},
        {"service": "identiteitskaart-test", "persons": "0"},
        {"from": "2026-03-03"},
    ],
)
def test_availability_refuses_bad_input(client, location, service, desks, query):
    response = client.get(availability_url(location), query)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_availability_of_an_unknown_location_is_not_found(client, service, desks):
    response = client.get("/api/v1/locations/999999/availability/", {"service": service.slug})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_availability_of_a_service_not_offered_there(client, location, service, desks):
    service.locations.clear()
    response = client.get(availability_url(location), {"service": service.slug})
    assert response.status_code == 400 and response.json()["error"]["code"] == "service_not_offered"


def test_anyone_books_online_and_gets_a_reference(
    client, location, service, desks, confirmations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/appointments/", body(location, service, at(TUESDAY, 9), channel="phone"), format="json"
        )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["reference"].startswith("APT-2026-") and data["status"] == "booked"
    assert data["channel"] == "online"  # forced for anonymous visitors
    assert data["desk"] == "Loket 1" and data["end"] == "2026-03-03T09:20:00+01:00"
    assert confirmations == [Appointment.objects.get(reference=data["reference"]).pk]


def test_an_agent_books_by_phone(client, location, service, desks, make_user):
    client.force_authenticate(make_user("agent"))
    response = client.post(
        "/api/v1/appointments/", body(location, service, at(TUESDAY, 9), channel="phone"), format="json"
    )
    assert response.status_code == 201 and response.json()["channel"] == "phone"


def test_a_citizens_booking_is_linked_to_them(client, location, service, desks, make_user):
    citizen = make_user("citizen", first_name="Jan", last_name="Peeters")
    client.force_authenticate(citizen)
    data = {"location": location.pk, "service": service.slug, "start": at(TUESDAY, 9).isoformat()}
    response = client.post("/api/v1/appointments/", data, format="json")
    assert response.status_code == 201, response.json()
    appointment = Appointment.objects.get(reference=response.json()["reference"])
    assert appointment.citizen == citizen and appointment.name == "Jan Peeters" and appointment.email == citizen.email


@pytest.mark.parametrize(
    "change",
    [{"service": "bestaat-niet"}, {"location": 999999}, {"start": "morgen"}, {"email": "geen-adres"}, {"name": ""}],
)
def test_booking_refuses_bad_input(client, location, service, desks, change):
    response = client.post(
        "/api/v1/appointments/", {**body(location, service, at(TUESDAY, 9)), **change}, format="json"
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"


def test_booking_a_closed_time_answers_the_rule(client, location, service, desks):
    response = client.post("/api/v1/appointments/", body(location, service, at(TUESDAY, 8)), format="json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "closed"


def test_a_taken_slot_answers_409(client, location, service, desks):
    for _ in desks:
        book(location, service, at(TUESDAY, 9))
    response = client.post("/api/v1/appointments/", body(location, service, at(TUESDAY, 9)), format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "slot_taken"


def test_the_citizen_sees_cancels_and_reschedules_their_appointment(client, location, service, desks, make_user):
    citizen = make_user("citizen")
    appointment = book(location, service, at(TUESDAY, 9), citizen=citizen, channel="online")
    client.force_authenticate(citizen)
    url = f"/api/v1/appointments/{appointment.reference}/"
    assert client.get(url).json()["reference"] == appointment.reference
    moved = client.post(url + "reschedule/", {"start": at(TUESDAY, 10).isoformat()}, format="json")
    assert moved.status_code == 201 and moved.json()["rescheduled_from"] == appointment.reference
    new_url = f"/api/v1/appointments/{moved.json()['reference']}/"
    cancelled = client.post(new_url + "cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"


def test_rescheduling_to_a_taken_time_answers_409(client, location, service, desks, make_user):
    for _ in desks:
        book(location, service, at(TUESDAY, 10))
    appointment = book(location, service, at(TUESDAY, 9))
    client.force_authenticate(make_user("clerk"))
    response = client.post(
        f"/api/v1/appointments/{appointment.reference}/reschedule/",
        {"start": at(TUESDAY, 10).isoformat()},
        format="json",
    )
    assert response.status_code == 409 and response.json()["error"]["code"] == "slot_taken"
    response = client.post(f"/api/v1/appointments/{appointment.reference}/reschedule/", {"start": "x"}, format="json")
    assert response.status_code == 400


def test_other_people_do_not_see_an_appointment(client, location, service, desks, make_user):
    appointment = book(location, service, at(TUESDAY, 9), citizen=make_user("citizen"))
    url = f"/api/v1/appointments/{appointment.reference}/"
    assert client.get(url).status_code in (401, 403)
    client.force_authenticate(make_user("citizen"))
    assert client.get(url).status_code == 404
    assert client.post(url + "cancel/").status_code == 404
    assert client.get("/api/v1/appointments/APT-2026-999999/").status_code == 404


def test_staff_reading_an_appointment_is_audited(client, location, service, desks, make_user):
    from loket.audit.models import AuditEntry

    appointment = book(location, service, at(TUESDAY, 9))
    clerk = make_user("clerk")
    client.force_authenticate(clerk)
    assert client.get(f"/api/v1/appointments/{appointment.reference}/").status_code == 200
    assert AuditEntry.objects.filter(actor=clerk, action="view", object_id=str(appointment.pk)).exists()
