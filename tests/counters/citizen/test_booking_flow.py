from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse

from loket.counters import links
from loket.counters.booking import appointment_book
from loket.counters.models import Appointment

from .conftest import MONDAY, TUESDAY, at

BOOK = "/afspraak-maken/"
CHOICE = {"service": "identiteitskaart", "persons": 1, "location": "testloket"}


def _times_url(day: dt.date = TUESDAY) -> str:
    return f"{BOOK}?{urlencode({**CHOICE, 'day': day.isoformat()})}"


def _hold(client, start: dt.datetime):
    return client.post(_times_url(start.date()), {"start": start.isoformat()})


def test_a_citizen_books_step_by_step_and_gets_a_confirmation_page(client, service, frozen):
    page = client.get(BOOK)
    assert page.status_code == 200
    assert "Identiteitskaart" in page.text

    page = client.get(BOOK, {"service": "identiteitskaart", "persons": 1})
    assert "Districtshuis Test" in page.text

    page = client.get(BOOK, CHOICE)
    assert "dinsdag 3 maart" in page.text
    assert 'name="day"' in page.text

    page = client.get(_times_url())
    assert page.status_code == 200
    assert at(TUESDAY, 10).isoformat() in page.text
    assert "<fieldset" in page.text and "<legend>" in page.text

    held = _hold(client, at(TUESDAY, 10))
    assert held.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.status == Appointment.Status.HELD
    assert appointment.channel == "online"
    details_url = reverse("counters:book-details", kwargs={"token": links.appointment_token(appointment)})
    assert held.url == details_url

    done = client.post(details_url, {"name": "An Peeters", "email": "an@example.org", "phone": "0470 12 34 56"})
    token = links.appointment_token(appointment)
    assert done.url == reverse("counters:appointment-confirmed", kwargs={"token": token})
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.name == "An Peeters"
    assert appointment.citizen is None

    page = client.get(done.url)
    assert appointment.reference in page.text
    assert "dinsdag 3 maart 2026" in page.text and "10:00" in page.text
    assert reverse("counters:appointment-ics", kwargs={"token": token}) in page.text
    assert "<svg" in page.text

    ics = client.get(reverse("counters:appointment-ics", kwargs={"token": token}))
    assert ics["Content-Type"].startswith("text/calendar")
    assert f"UID:{appointment.reference}@loket".encode() in ics.content


def test_htmx_gets_only_the_times_of_the_chosen_day(client, service, frozen):
    page = client.get(_times_url(), headers={"HX-Request": "true"})

    assert page.status_code == 200
    assert page.text.lstrip().startswith('<div id="tijden"')
    assert "<html" not in page.text


def test_an_unknown_service_is_refused_with_a_message_next_to_the_choice(client, service, frozen):
    page = client.get(BOOK, {"service": "bestaat-niet"})

    assert page.status_code == 400
    assert "Kies een dienst uit de lijst." in page.text


def test_bad_details_keep_what_was_typed_and_show_the_errors(client, service, frozen):
    _hold(client, at(TUESDAY, 10))
    appointment = Appointment.objects.get()
    url = reverse("counters:book-details", kwargs={"token": links.appointment_token(appointment)})

    page = client.post(url, {"name": "", "email": "geen-adres", "phone": "0470 12 34 56"})

    assert page.status_code == 400
    assert "Vul uw naam in." in page.text
    assert "Dit is geen geldig e-mailadres." in page.text
    assert 'value="geen-adres"' in page.text
    assert 'value="0470 12 34 56"' in page.text
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.HELD


def test_a_time_taken_meanwhile_gives_a_clear_message_and_the_times_again(client, location, service, frozen):
    page = client.get(_times_url())
    assert at(TUESDAY, 10).isoformat() in page.text
    for number in (1, 2):  # two desks: two others take 10:00 while this citizen hesitates
        appointment_book(
            location=location,
            service=service,
            start=at(TUESDAY, 10),
            channel="phone",
            name=f"Ander {number}",
            email=f"ander{number}@example.org",
        )

    page = _hold(client, at(TUESDAY, 10))

    assert page.status_code in (400, 409)
    assert "Kies een ander tijdstip" in page.text
    assert at(TUESDAY, 10, 30).isoformat() in page.text
    assert f'value="{at(TUESDAY, 10).isoformat()}"' not in page.text


def test_a_slot_lost_in_a_race_answers_409_with_the_times_again(client, service, frozen, monkeypatch):
    from loket.counters import booking

    def taken(**kwargs):
        raise booking.SlotTaken()

    monkeypatch.setattr(booking, "appointment_hold", taken)

    page = _hold(client, at(TUESDAY, 10))

    assert page.status_code == 409
    assert "Kies een ander tijdstip" in page.text
    assert 'name="start"' in page.text


def test_an_expired_hold_sends_the_citizen_back_to_the_times(client, service, frozen):
    _hold(client, at(TUESDAY, 10))
    appointment = Appointment.objects.get()
    frozen.shift(dt.timedelta(minutes=11))

    page = client.post(
        reverse("counters:book-details", kwargs={"token": links.appointment_token(appointment)}),
        {"name": "An Peeters", "email": "an@example.org"},
    )

    assert page.status_code == 302
    assert page.url == _times_url()
    assert Appointment.objects.get().status == Appointment.Status.HELD


def test_a_logged_in_citizen_gets_name_and_email_filled_in_and_the_appointment_linked(
    client, service, frozen, make_user
):
    citizen = make_user(first_name="Jan", last_name="Janssens", email="jan@example.org")
    client.force_login(citizen)
    _hold(client, at(TUESDAY, 10))
    appointment = Appointment.objects.get()
    url = reverse("counters:book-details", kwargs={"token": links.appointment_token(appointment)})

    page = client.get(url)
    assert 'value="Jan Janssens"' in page.text
    assert 'value="jan@example.org"' in page.text

    client.post(url, {"name": "Jan Janssens", "email": "jan@example.org"})
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.citizen == citizen


def test_times_within_the_minimum_notice_are_not_offered(client, service, frozen):
    frozen.move_to(at(MONDAY, 9))  # two hours' notice: from 11:00

    page = client.get(f"{BOOK}?{urlencode({**CHOICE, 'day': MONDAY.isoformat()})}")

    assert at(MONDAY, 10, 50).isoformat() not in page.text
    assert at(MONDAY, 11).isoformat() in page.text


def test_days_come_ten_at_a_time_with_a_link_to_later_days(client, service, frozen):
    page = client.get(BOOK, CHOICE)
    assert "vrijdag 13 maart" in page.text
    assert "maandag 16 maart" not in page.text
    later = f"{BOOK}?{urlencode({**CHOICE, 'vanaf': '2026-03-16'})}".replace("&", "&amp;")
    assert later in page.text

    page = client.get(BOOK, {**CHOICE, "vanaf": "2026-03-16"})

    assert "maandag 16 maart" in page.text
    assert "Vroegere dagen" in page.text


def test_a_second_open_appointment_for_the_same_service_is_refused_and_the_hold_released(
    client, location, service, frozen
):
    appointment_book(
        location=location, service=service, start=at(TUESDAY, 9), channel="online", name="An", email="an@example.org"
    )
    _hold(client, at(TUESDAY, 10))
    held = Appointment.objects.get(status=Appointment.Status.HELD)
    url = reverse("counters:book-details", kwargs={"token": links.appointment_token(held)})

    page = client.post(url, {"name": "An Peeters", "email": "an@example.org"}, follow=True)

    assert "U hebt al een afspraak voor deze dienst" in page.text
    held.refresh_from_db()
    assert held.status == Appointment.Status.CANCELLED
