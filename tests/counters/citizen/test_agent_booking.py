from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from loket.accounts.models import Role
from loket.counters import links
from loket.counters.models import Appointment

from .conftest import TUESDAY, at

BOOK_FOR = "/medewerker/afspraak/"
CHOICE = {"service": "identiteitskaart", "persons": 1, "location": "testloket", "day": TUESDAY.isoformat()}
TIMES = f"{BOOK_FOR}?{urlencode(CHOICE)}"


def test_an_agent_books_for_a_caller_by_phone_in_one_step(client, service, frozen, make_user):
    agent = make_user(role=Role.AGENT)
    client.force_login(agent)
    assert client.get(BOOK_FOR).status_code == 200
    page = client.get(TIMES)
    assert "Gegevens van de burger" in page.text

    done = client.post(
        TIMES,
        {"start": at(TUESDAY, 10).isoformat(), "name": "Mevrouw Claes", "email": "", "phone": "03 123 45 67"},
    )

    appointment = Appointment.objects.get()
    assert done.status_code == 302
    assert done.url == reverse("counters:appointment-confirmed", kwargs={"token": links.appointment_token(appointment)})
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.channel == "phone"
    assert appointment.created_by == agent
    assert appointment.citizen is None
    assert appointment.phone == "03 123 45 67"


def test_a_clerk_books_at_the_counter(client, service, frozen, make_user):
    client.force_login(make_user(role=Role.CLERK))

    client.post(TIMES, {"start": at(TUESDAY, 10).isoformat(), "name": "Meneer Wouters", "email": "w@example.org"})

    assert Appointment.objects.get().channel == "counter"


def test_the_agent_must_give_an_email_or_a_phone_and_keeps_the_chosen_time(client, service, frozen, make_user):
    client.force_login(make_user(role=Role.AGENT))

    page = client.post(TIMES, {"start": at(TUESDAY, 10).isoformat(), "name": "Mevrouw Claes"})

    assert page.status_code == 400
    assert "Vul een e-mailadres of een telefoonnummer in." in page.text
    assert 'value="Mevrouw Claes"' in page.text
    assert f'value="{at(TUESDAY, 10).isoformat()}"' in page.text
    assert not Appointment.objects.exists()


def test_only_front_office_staff_book_on_behalf(client, service, make_user):
    assert client.get(BOOK_FOR).status_code == 302  # to the login page
    client.force_login(make_user(role=Role.CITIZEN))
    assert client.get(BOOK_FOR).status_code == 403
