from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.counters.links import appointment_token
from loket.counters.models import Appointment, Ticket
from loket.counters.queues import desk_call_next, ticket_take


@pytest.fixture
def now_floor(floor):
    """The floor, with tickets taken at the real current time (pages use the clock)."""
    return floor


def test_the_kiosk_offers_the_walk_in_services_and_gives_a_ticket(client, floor):
    url = reverse("counters:kiosk", kwargs={"location_slug": floor.location.slug})
    page = client.get(url)
    assert page.status_code == 200 and "Adreswijziging" in page.content.decode()
    taken = client.post(url, {"action": "ticket", "service": "eid", "priority": "1"})
    ticket = Ticket.objects.get()
    assert taken.status_code == 200 and ticket.priority and ticket.code in taken.content.decode()
    assert "<svg" in taken.content.decode()


def test_the_kiosk_of_an_unknown_location_is_not_found(client, db):
    assert client.get(reverse("counters:kiosk", kwargs={"location_slug": "nergens"})).status_code == 404


def test_the_kiosk_refuses_an_unknown_service_or_reference(client, floor):
    url = reverse("counters:kiosk", kwargs={"location_slug": floor.location.slug})
    assert client.post(url, {"action": "ticket", "service": "bestaat-niet"}).status_code == 400
    assert client.post(url, {"action": "check-in", "reference": "APT-2026-999999"}).status_code == 400
    assert not Ticket.objects.exists()


def test_the_kiosk_checks_in_by_reference(client, floor, make_appointment):
    appointment = make_appointment(floor, start=timezone.now() + timezone.timedelta(minutes=1))
    url = reverse("counters:kiosk", kwargs={"location_slug": floor.location.slug})
    answer = client.post(
        url, {"action": "check-in", "reference": appointment.reference.lower(), "contact": "AN@example.org"}
    )
    assert answer.status_code == 200 and Ticket.objects.get().appointment == appointment


def test_the_kiosk_refuses_a_reference_without_the_bookings_contact(client, floor, make_appointment):
    appointment = make_appointment(floor, start=timezone.now() + timezone.timedelta(minutes=1))
    url = reverse("counters:kiosk", kwargs={"location_slug": floor.location.slug})
    for contact in ("", "iemand@example.org", "0471 00 00 00"):
        answer = client.post(url, {"action": "check-in", "reference": appointment.reference, "contact": contact})
        assert answer.status_code == 400
    assert not Ticket.objects.exists()


def test_the_qr_code_page_shows_the_appointment_and_checks_in_on_post(client, floor, make_appointment):
    appointment = make_appointment(floor, start=timezone.now() + timezone.timedelta(minutes=1))
    url = reverse("counters:check-in", kwargs={"token": appointment_token(appointment)})
    assert client.get(url).status_code == 200
    assert not Ticket.objects.exists()  # a GET (a mail preview) never checks in
    answer = client.post(url)
    ticket = Ticket.objects.get()
    assert answer.status_code == 302 and answer["Location"].endswith(f"/volgnummer/{ticket.public_token}/")
    assert Appointment.objects.get(pk=appointment.pk).status == Appointment.Status.CHECKED_IN


def test_a_tampered_check_in_token_is_not_found(client, floor, make_appointment):
    token = appointment_token(make_appointment(floor, start=timezone.now()))
    url = reverse("counters:check-in", kwargs={"token": token[:-2] + "xx"})
    assert client.get(url).status_code == 404


def test_the_ticket_page_shows_position_and_the_desk_when_called(client, floor):
    ticket = ticket_take(location=floor.location, service=floor.eid)
    url = reverse("counters:ticket", kwargs={"public_token": ticket.public_token})
    page = client.get(url).content.decode()
    assert ticket.code in page and "hx-trigger" in page and 'http-equiv="refresh"' in page
    desk_call_next(desk=floor.desk1)
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert "U wordt opgeroepen naar Loket 1" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_an_unknown_ticket_token_is_not_found(client, db):
    assert client.get(reverse("counters:ticket", kwargs={"public_token": "geen-geldig-token"})).status_code == 404


def test_the_display_shows_the_latest_call_and_its_desk(client, floor):
    ticket_take(location=floor.location, service=floor.eid)
    called = desk_call_next(desk=floor.desk2)
    url = reverse("counters:display", kwargs={"location_slug": floor.location.slug})
    page = client.get(url).content.decode()
    assert called.code in page and "Loket 2" in page and "aria-live" in page
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 200


def test_the_display_of_an_unknown_location_is_not_found(client, db):
    assert client.get(reverse("counters:display", kwargs={"location_slug": "nergens"})).status_code == 404


def test_a_clerk_opens_the_desk_calls_and_finishes(client, floor, clerk):
    client.force_login(clerk)
    url = reverse("counters:desk", kwargs={"desk_id": floor.desk1.pk})
    ticket = ticket_take(location=floor.location, service=floor.eid)
    client.post(url, {"action": "close"})
    client.post(url, {"action": "open"})
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "call-next"}).status_code == 302
    assert ticket.code in client.get(url).content.decode()
    client.post(url, {"action": "finish", "ticket": ticket.pk, "outcome": "eID aangevraagd"})
    ticket.refresh_from_db()
    assert (ticket.status, ticket.outcome, ticket.desk) == ("done", "eID aangevraagd", floor.desk1)


def test_the_desk_screen_is_closed_to_citizens_and_anonymous_visitors(client, floor, citizen_user):
    url = reverse("counters:desk", kwargs={"desk_id": floor.desk1.pk})
    assert client.get(url).status_code == 302
    client.force_login(citizen_user)
    assert client.get(url).status_code == 403


def test_a_desk_action_on_a_waiting_ticket_is_refused_with_a_message(client, floor, clerk):
    client.force_login(clerk)
    ticket = ticket_take(location=floor.location, service=floor.eid)
    url = reverse("counters:desk", kwargs={"desk_id": floor.desk1.pk})
    answer = client.post(url, {"action": "finish", "ticket": ticket.pk}, follow=True)
    assert "Dat kan niet" in answer.content.decode()
    assert client.get(reverse("counters:desk", kwargs={"desk_id": 999999})).status_code == 404
