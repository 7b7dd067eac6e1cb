"""POST /api/v1/contact-centre/handovers/: the task and the contact moment in one call."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.cases.models import InternalTask
from loket.citizens.models import ContactMoment
from loket.contactcentre.selectors import handover_due_default, handover_team_default

URL = "/api/v1/contact-centre/handovers/"


@pytest.fixture
def api(agent) -> APIClient:
    client = APIClient()
    client.force_authenticate(agent)
    return client


def test_a_handover_without_a_team_goes_to_the_competent_one_with_the_default_due_time(api, an):
    answer = api.post(
        URL, {"kind": "handover", "citizen": an.pk, "service": "bewonerskaart", "title": "Vraag over de kaart"}
    )

    assert answer.status_code == 201, answer.json()
    body = answer.json()
    task = InternalTask.objects.get(pk=body["task"]["id"])
    expected = handover_team_default(service=task.service, citizen=an)
    assert expected is not None and body["task"]["team"] == expected.slug
    assert abs(task.due_at - handover_due_default()) < dt.timedelta(minutes=1)
    assert body["contact_moment"]["outcome"] == "handed_over"
    assert body["contact_moment"]["citizen"] == an.pk


def test_a_callback_uses_the_citizens_phone_and_the_contact_centres_team(api, an):
    due = (timezone.now() + dt.timedelta(hours=3)).isoformat()

    body = api.post(URL, {"kind": "callback", "citizen": an.pk, "title": "Terugbellen", "due_at": due}).json()

    assert body["task"]["team"] == "stad-contactcenter"
    assert body["task"]["phone"] == "+3231234567"
    assert ContactMoment.objects.get(pk=body["contact_moment"]["id"]).outcome == "callback"


def test_an_escalation_goes_to_the_specialists(api, an):
    body = api.post(URL, {"kind": "escalation", "citizen": an.pk, "title": "Moeilijk dossier"}).json()

    assert InternalTask.objects.get(pk=body["task"]["id"]).team.is_specialists


def test_bad_input_answers_400_in_the_one_error_shape_and_writes_nothing(api, an):
    answer = api.post(
        URL,
        {"kind": "handover", "citizen": an.pk, "title": "Vraag", "due_at": "2020-01-01T10:00:00Z", "channel": "fax"},
    )

    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid"
    assert "channel" in answer.json()["error"]["details"]
    assert not InternalTask.objects.exists()

    no_team = api.post(URL, {"kind": "handover", "title": "Vraag"})
    assert no_team.status_code == 400
    assert "team" in no_team.json()["error"]["details"]

    no_phone = api.post(URL, {"kind": "callback", "title": "Bel terug"})
    assert no_phone.status_code == 400
    assert "phone" in no_phone.json()["error"]["details"]
    assert not ContactMoment.objects.exists()


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.DISTRICT_STAFF])
def test_only_the_front_office_may_hand_over(an, make_user, role):
    client = APIClient()
    client.force_authenticate(make_user(role, district="berchem" if role == Role.DISTRICT_STAFF else None))

    assert client.post(URL, {"kind": "escalation", "title": "Vraag"}).status_code == 403
