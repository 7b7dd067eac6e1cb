"""Mijn loket in the API: ``GET /api/v1/me/cases/{reference}/`` and ``POST …/messages/``."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.cases.models import CaseEvent
from loket.cases.services import case_add_note, case_transition
from loket.citizens.services import citizen_create
from tests.citizens.mijnloket_support import EXE, QUESTION, case_of, file, waiting_case_of


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


@pytest.fixture
def bert(antwerp, agent):
    return citizen_create(first_name="Bert", last_name="Claes", email="bert@example.org", actor=agent)


def _detail(case) -> str:
    return f"/api/v1/me/cases/{case.reference}/"


def _messages(case) -> str:
    return f"/api/v1/me/cases/{case.reference}/messages/"


def test_a_citizen_reads_their_case_with_its_public_timeline(an, agent, client_for):
    case = waiting_case_of(an.user, staff=agent)
    case_add_note(case=case, text="Intern: adres nakijken", actor=agent)
    response = client_for(an.user).get(_detail(case))
    assert response.status_code == 200
    data = response.json()
    assert (data["reference"], data["status"], data["status_label"], data["waiting_for_you"], data["question"]) == (
        case.reference,
        "waiting_for_citizen",
        "wacht op uw antwoord",
        True,
        QUESTION,
    )
    assert "Intern: adres nakijken" not in [event["text"] for event in data["events"]]
    assert [event["summary"] for event in data["events"]][-1] == "Status: wacht op uw antwoord"
    assert agent.username not in response.content.decode()


def test_another_citizens_case_answers_404_in_the_error_shape(an, bert, agent, client_for):
    theirs = case_of(bert.user, actor=agent, title="Zaal huren voor Bert")
    client = client_for(an.user)
    response = client.get(_detail(theirs))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "Zaal huren voor Bert" not in response.content.decode()
    posted = client.post(_messages(theirs), {"text": "Voor Bert"}, format="json")
    assert posted.status_code == 404
    assert not theirs.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()


def test_staff_and_anonymous_callers_are_refused(an, agent, client_for):
    case = case_of(an.user, actor=agent)
    assert client_for(agent).get(_detail(case)).status_code == 403
    assert APIClient().get(_detail(case)).status_code in (401, 403)


def test_a_json_reply_resumes_the_case(an, agent, client_for):
    case = waiting_case_of(an.user, staff=agent)
    response = client_for(an.user).post(_messages(case), {"text": "Ik stuur het per post."}, format="json")
    assert response.status_code == 201
    data = response.json()
    assert (data["kind"], data["text"], data["status"], data["waiting_for_you"]) == (
        "message",
        "Ik stuur het per post.",
        "in_progress",
        False,
    )
    case.refresh_from_db()
    assert case.status == "in_progress" and case.paused_since is None


def test_a_multipart_reply_carries_documents(an, agent, client_for):
    case = waiting_case_of(an.user, staff=agent)
    response = client_for(an.user).post(
        _messages(case), {"text": "Bijlagen", "files": [file("a.pdf"), file("b.pdf")]}, format="multipart"
    )
    assert response.status_code == 201, response.content
    documents = response.json()["documents"]
    assert [d["name"] for d in documents] == ["a.pdf", "b.pdf"]
    assert documents[0]["download_url"] == f"/mijn-loket/zaken/{case.reference}/documenten/{documents[0]['id']}/"
    detail = client_for(an.user).get(_detail(case)).json()
    assert [d["name"] for d in detail["documents"]] == ["a.pdf", "b.pdf"]


def test_an_empty_reply_answers_400_with_the_field(an, agent, client_for):
    case = waiting_case_of(an.user, staff=agent)
    response = client_for(an.user).post(_messages(case), {"text": ""}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and "text" in error["details"]


def test_a_refused_file_answers_415_and_names_it(an, agent, client_for):
    case = waiting_case_of(an.user, staff=agent)
    response = client_for(an.user).post(
        _messages(case), {"text": "Hier", "files": [file("virus.pdf", EXE)]}, format="multipart"
    )
    assert response.status_code == 415
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type"
    assert error["details"]["files"][0].startswith("virus.pdf: ")
    case.refresh_from_db()
    assert case.status == "waiting_for_citizen"


def test_a_file_over_the_limit_answers_413(an, agent, client_for, settings):
    settings.ATTACHMENT_MAX_BYTES = 20
    case = waiting_case_of(an.user, staff=agent)
    response = client_for(an.user).post(_messages(case), {"files": [file("groot.pdf")]}, format="multipart")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_a_reply_to_a_closed_case_answers_409(an, agent, client_for):
    case = case_of(an.user, actor=agent)
    case_transition(case=case, to_status="withdrawn", actor=agent)
    response = client_for(an.user).post(_messages(case), {"text": "Toch nog iets"}, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "case_closed"
