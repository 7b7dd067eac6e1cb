"""Handing a question over (to the competent team or the specialists) and promising a callback."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from loket.cases.models import CaseEvent, InternalTask
from loket.cases.services import case_create
from loket.citizens.models import ContactMoment
from loket.contactcentre.selectors import handover_due_default, handover_team_default

HANDOVER = "/contactcenter/doorgeven/"
CALLBACK = "/contactcenter/terugbelverzoek/"


def due(days: int = 2) -> str:
    return timezone.localtime(timezone.now() + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_the_default_due_time_is_the_end_of_the_next_working_day():
    friday = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)  # a Friday: next working day is Monday

    assert timezone.localtime(handover_due_default(now=friday)).isoformat() == "2026-12-07T17:00:00+01:00"
    before_christmas = dt.datetime(2026, 12, 24, 10, 0, tzinfo=dt.UTC)  # 25 December is a holiday
    assert timezone.localtime(handover_due_default(now=before_christmas)).date() == dt.date(2026, 12, 28)


def test_the_handover_page_proposes_the_due_time_and_the_competent_team(agent_client, an):
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        page = agent_client.get(HANDOVER, {"burger": an.pk, "dienst": "bewonerskaart"})

    assert page.status_code == 200
    assert 'value="2026-12-03T17:00"' in page.text
    team = handover_team_default(service=_service("bewonerskaart"), citizen=an)
    assert team is not None
    assert f"Bevoegd team voor deze dienst: {team.name}" in page.text


def _service(slug):
    from loket.catalogue.models import Service

    return Service.objects.get(slug=slug)


def test_a_handover_goes_to_the_competent_team_with_the_case_and_a_contact_moment(agent_client, an, agent):
    case = case_create(kind="request", title="Bewonerskaart", channel="online", actor=agent, citizen=an.user)

    page = agent_client.post(
        HANDOVER,
        {
            "burger": an.pk,
            "kind": "handover",
            "service": "bewonerskaart",
            "case": case.reference,
            "title": "Vraagt waarom de kaart nog niet verlengd is",
            "description": "Belt voor de tweede keer.",
            "due_at": due(),
            "duration": "5",
        },
    )

    task = InternalTask.objects.get()
    moment = ContactMoment.objects.get(citizen=an)
    assert page.status_code == 302
    assert page.url == f"/contactcenter/?burger={an.pk}"
    assert task.kind == "handover"
    assert task.team == handover_team_default(service=_service("bewonerskaart"), citizen=an)
    assert task.citizen == an.user
    assert task.case == case
    assert moment.outcome == ContactMoment.Outcome.HANDED_OVER
    assert moment.case == case
    assert moment.duration_seconds == 300
    assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.NOTE, public=False).exists()


def test_an_escalation_goes_to_the_central_specialists(agent_client, an):
    agent_client.post(
        HANDOVER,
        {"burger": an.pk, "kind": "escalation", "title": "Ingewikkelde erfenisvraag", "due_at": due()},
    )

    task = InternalTask.objects.get()
    assert task.kind == "escalation"
    assert task.team.is_specialists


def test_a_chosen_team_wins_over_the_competent_one(agent_client, an):
    agent_client.post(
        HANDOVER,
        {
            "burger": an.pk,
            "kind": "handover",
            "service": "bewonerskaart",
            "team": "stad-mobiliteit",
            "title": "Vraag",
            "due_at": due(),
        },
    )

    assert InternalTask.objects.get().team.slug == "stad-mobiliteit"


def test_a_handover_without_a_team_or_service_or_with_a_past_due_time_comes_back_with_the_errors(agent_client, an):
    page = agent_client.post(
        HANDOVER,
        {"burger": an.pk, "kind": "handover", "title": "", "description": "Blijft staan", "due_at": "2020-01-01T10:00"},
    )

    assert page.status_code == 400
    assert 'id="id_title_error"' in page.text
    assert 'id="id_due_at_error"' in page.text
    assert "Blijft staan" in page.text
    assert not InternalTask.objects.exists()

    no_team = agent_client.post(HANDOVER, {"burger": an.pk, "kind": "handover", "title": "Vraag", "due_at": due()})
    assert no_team.status_code == 400
    assert 'id="id_team_error"' in no_team.text
    assert not ContactMoment.objects.exists()


def test_a_case_of_another_citizen_cannot_be_linked(agent_client, an, other, agent):
    theirs = case_create(kind="request", title="Andere", channel="online", actor=agent, citizen=other.user)

    page = agent_client.post(
        HANDOVER,
        {"burger": an.pk, "kind": "escalation", "case": theirs.reference, "title": "Vraag", "due_at": due()},
    )

    assert page.status_code == 400
    assert 'id="id_case_error"' in page.text
    assert not InternalTask.objects.exists()


def test_the_callback_page_prefills_the_citizens_phone(agent_client, an):
    page = agent_client.get(CALLBACK, {"burger": an.pk})

    assert page.status_code == 200
    assert 'value="03 123 45 67"' in page.text


def test_a_callback_goes_on_the_contact_centres_list_with_a_contact_moment(agent_client, an):
    page = agent_client.post(
        CALLBACK, {"burger": an.pk, "phone": "03 123 45 67", "title": "Terugbellen over premie", "due_at": due(1)}
    )

    task = InternalTask.objects.get()
    assert page.status_code == 302
    assert task.kind == "callback"
    assert task.team.slug == "stad-contactcenter"
    assert task.phone == "+3231234567"
    assert ContactMoment.objects.get(citizen=an).outcome == ContactMoment.Outcome.CALLBACK


def test_a_callback_needs_a_valid_phone_number(agent_client, an):
    page = agent_client.post(CALLBACK, {"burger": an.pk, "phone": "bel me", "title": "Terugbellen", "due_at": due(1)})

    assert page.status_code == 400
    assert 'id="id_phone_error"' in page.text
    assert not InternalTask.objects.exists()


def test_an_anonymous_caller_can_ask_for_a_callback(agent_client, catalogue):
    page = agent_client.post(CALLBACK, {"phone": "0470 12 34 56", "title": "Vraag over parkeren", "due_at": due(1)})

    assert page.status_code == 302
    assert InternalTask.objects.get().citizen is None
    assert ContactMoment.objects.get().citizen is None


@pytest.mark.parametrize("url", [HANDOVER, CALLBACK])
def test_district_staff_cannot_hand_over_for_the_contact_centre(client, an, make_user, url):
    client.force_login(make_user("district_staff", district="berchem"))

    assert client.get(url, {"burger": an.pk}).status_code == 403
