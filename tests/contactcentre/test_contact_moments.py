"""Registering a caller: a new citizen, and the contact moment (with the time counted from the call)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from loket.audit.models import AuditEntry
from loket.citizens.models import Citizen, ContactMoment

WORKSPACE = "/contactcenter/"
REGISTER = "/contactcenter/contactmoment/"
NEW_CITIZEN = "/contactcenter/burger/nieuw/"


def started_minutes_ago(client, minutes: int, citizen_id: int | None) -> None:
    session = client.session
    started = timezone.now() - dt.timedelta(minutes=minutes)
    session["contactcentre_call"] = {"started": started.isoformat(), "citizen": citizen_id}
    session.save()


def test_an_agent_registers_an_unknown_caller_and_lands_on_their_profile(agent_client, catalogue):
    page = agent_client.post(
        NEW_CITIZEN,
        {
            "nieuw-first_name": "Zora",
            "nieuw-last_name": "Nieuwkomer",
            "nieuw-phone": "0470 11 22 33",
            "nieuw-postcode": "2600",
            "nieuw-preferred_language": "nl",
        },
    )

    citizen = Citizen.objects.get(last_name_key="nieuwkomer")
    assert page.status_code == 302
    assert page.url == f"{WORKSPACE}?burger={citizen.pk}"
    assert citizen.phone == "+32470112233"
    assert citizen.district is not None and citizen.district.slug == "berchem"
    assert not citizen.user.has_usable_password()


def test_a_wrong_national_number_comes_back_next_to_the_field_with_everything_typed(agent_client, catalogue):
    page = agent_client.post(
        NEW_CITIZEN,
        {
            "nieuw-first_name": "Zora",
            "nieuw-last_name": "Nieuwkomer",
            "nieuw-national_number": "85.07.30-033.29",
            "nieuw-street": "Statiestraat",
            "nieuw-preferred_language": "nl",
        },
    )

    assert page.status_code == 400
    assert 'id="id_nieuw-national_number_error"' in page.text
    assert 'value="Zora"' in page.text and 'value="Statiestraat"' in page.text
    assert not Citizen.objects.filter(last_name_key="nieuwkomer").exists()


def test_a_new_citizen_needs_both_names(agent_client, catalogue):
    page = agent_client.post(NEW_CITIZEN, {"nieuw-first_name": "Zora", "nieuw-preferred_language": "nl"})

    assert page.status_code == 400
    assert 'id="id_nieuw-last_name_error"' in page.text


def test_a_contact_moment_for_the_selected_citizen_counts_the_time_since_the_call_opened(agent_client, an, agent):
    agent_client.get(WORKSPACE, {"burger": an.pk})
    started_minutes_ago(agent_client, 4, an.pk)

    page = agent_client.post(
        REGISTER,
        {
            "burger": an.pk,
            "contact-channel": "phone",
            "contact-service": "bewonerskaart",
            "contact-outcome": "answered",
            "contact-duration": "",
            "contact-notes": "Uitleg over de bewonerskaart",
        },
    )

    moment = ContactMoment.objects.get(citizen=an)
    assert page.status_code == 302
    assert page.url == f"{WORKSPACE}?burger={an.pk}"
    assert moment.channel == "phone"
    assert moment.outcome == "answered"
    assert moment.service.slug == "bewonerskaart"
    assert moment.topic == moment.service.topic
    assert 4 * 60 <= moment.duration_seconds < 5 * 60
    assert moment.staff == agent
    assert "contactcentre_call" not in agent_client.session  # the call is over
    assert AuditEntry.objects.filter(action="create", object_type="citizens.contactmoment").exists()


def test_minutes_typed_by_the_agent_win_over_the_clock(agent_client, an):
    started_minutes_ago(agent_client, 30, an.pk)

    agent_client.post(
        REGISTER, {"burger": an.pk, "contact-channel": "email", "contact-outcome": "answered", "contact-duration": "3"}
    )

    assert ContactMoment.objects.get(citizen=an).duration_seconds == 180


def test_an_anonymous_caller_is_registered_without_a_citizen(agent_client, catalogue):
    page = agent_client.post(
        REGISTER, {"contact-channel": "phone", "contact-topic": "riolering", "contact-outcome": "answered"}
    )

    moment = ContactMoment.objects.get()
    assert page.status_code == 302
    assert moment.citizen is None
    assert moment.topic is not None and moment.topic.slug == "riolering"


def test_a_missing_outcome_comes_back_next_to_the_field_and_keeps_the_notes(agent_client, an):
    page = agent_client.post(
        REGISTER,
        {"burger": an.pk, "contact-channel": "phone", "contact-duration": "-2", "contact-notes": "Belde over afval"},
    )

    assert page.status_code == 400
    assert 'id="id_contact-outcome_error"' in page.text
    assert 'id="id_contact-duration_error"' in page.text
    assert "Belde over afval" in page.text
    assert "An Van den Bossche" in page.text  # still on the caller's profile
    assert not ContactMoment.objects.exists()


def test_an_unknown_channel_is_refused(agent_client, an):
    page = agent_client.post(REGISTER, {"burger": an.pk, "contact-channel": "fax", "contact-outcome": "answered"})

    assert page.status_code == 400
    assert 'id="id_contact-channel_error"' in page.text


def test_registering_is_a_post(agent_client, catalogue):
    assert agent_client.get(REGISTER).status_code == 405
