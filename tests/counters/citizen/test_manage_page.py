from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from loket.counters import links
from loket.counters.booking import appointment_book
from loket.counters.models import Appointment

from .conftest import TUESDAY, at


def _booked(location, service, start=None):
    return appointment_book(
        location=location,
        service=service,
        start=start or at(TUESDAY, 10),
        channel="online",
        name="An Peeters",
        email="an@example.org",
    )


def _url(name: str, appointment: Appointment) -> str:
    return reverse(name, kwargs={"token": links.appointment_token(appointment)})


def test_the_manage_page_shows_the_appointment_with_cancel_and_reschedule(client, location, service, frozen):
    appointment = _booked(location, service)

    page = client.get(_url("counters:appointment-manage", appointment))

    assert page.status_code == 200
    assert appointment.reference in page.text
    assert _url("counters:appointment-cancel", appointment) in page.text
    assert _url("counters:appointment-reschedule", appointment) in page.text


def test_cancelling_asks_for_confirmation_first(client, location, service, frozen):
    appointment = _booked(location, service)
    url = _url("counters:appointment-cancel", appointment)

    assert client.get(url).status_code == 200
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Vink aan dat u wilt annuleren." in refused.text
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED

    done = client.post(url, {"confirm": "on"})

    assert done.url == _url("counters:appointment-manage", appointment)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    page = client.get(done.url)
    assert "Uw afspraak is geannuleerd." in page.text
    assert url not in page.text


def test_rescheduling_books_the_new_time_and_cancels_the_old(client, location, service, frozen):
    appointment = _booked(location, service)
    url = _url("counters:appointment-reschedule", appointment)
    assert "dinsdag 3 maart" in client.get(url).text
    times = f"{url}?{urlencode({'day': TUESDAY.isoformat()})}"
    assert at(TUESDAY, 11).isoformat() in client.get(times).text

    done = client.post(times, {"start": at(TUESDAY, 11).isoformat()})

    new = Appointment.objects.get(rescheduled_from=appointment)
    assert done.url == _url("counters:appointment-confirmed", new)
    assert new.start == at(TUESDAY, 11)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    assert _url("counters:appointment-manage", new) in client.get(_url("counters:appointment-manage", appointment)).text


def test_rescheduling_to_a_time_not_offered_keeps_the_old_appointment(client, location, service, frozen):
    appointment = _booked(location, service)
    times = f"{_url('counters:appointment-reschedule', appointment)}?{urlencode({'day': TUESDAY.isoformat()})}"

    page = client.post(times, {"start": at(TUESDAY, 13).isoformat()})

    assert page.status_code == 400
    assert "Kies een ander tijdstip" in page.text
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_a_past_appointment_cannot_be_cancelled_any_more(client, location, service, frozen):
    appointment = _booked(location, service)
    frozen.move_to(at(TUESDAY, 12))

    assert client.post(_url("counters:appointment-cancel", appointment), {"confirm": "on"}).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
