from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.cases.models import Attachment
from loket.cases.services import case_create
from tests.cases.conftest import EXE, PDF, PNG


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def case(agent):
    return case_create(kind="request", title="Aanvraag", channel="counter", actor=agent)


def test_an_allowed_transition_answers_the_case(case, agent):
    response = client_for(agent).post(
        f"/api/v1/cases/{case.reference}/transitions/", {"status": "in_progress", "text": "ok"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "in_progress"
    assert [t["status"] for t in response.json()["allowed_transitions"]] == [
        "waiting_for_citizen",
        "decided",
        "rejected",
        "withdrawn",
    ]


def test_an_illegal_transition_answers_409_with_the_allowed_statuses(case, agent):
    response = client_for(agent).post(f"/api/v1/cases/{case.reference}/transitions/", {"status": "closed"})
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "illegal_transition"
    assert "Toegelaten volgende statussen" in error["message"]
    assert error["details"]["allowed"] == ["in_progress", "rejected", "withdrawn"]
    case.refresh_from_db()
    assert case.status == "received"


def test_a_transition_without_a_status_answers_400(case, agent):
    assert client_for(agent).post(f"/api/v1/cases/{case.reference}/transitions/", {}).status_code == 400


def test_a_note_is_added_to_the_history(case, agent):
    response = client_for(agent).post(f"/api/v1/cases/{case.reference}/notes/", {"text": "Gebeld", "public": False})
    assert response.status_code == 201
    events = client_for(agent).get(f"/api/v1/cases/{case.reference}/events/").json()["results"]
    assert [e["kind"] for e in events] == ["created", "note"]
    assert events[1]["text"] == "Gebeld" and events[1]["actor"] == "agent"


def test_an_empty_note_answers_400(case, agent):
    assert client_for(agent).post(f"/api/v1/cases/{case.reference}/notes/", {"text": ""}).status_code == 400


def test_a_case_is_assigned_to_a_person_and_a_team(antwerp, case, agent, make_user):
    handler = make_user(Role.BACKOFFICE)
    response = client_for(agent).post(
        f"/api/v1/cases/{case.reference}/assign/", {"assignee": handler.id, "team": "stad-burgerzaken"}
    )
    assert response.status_code == 200
    assert (response.json()["assignee"], response.json()["team"]) == (handler.username, "stad-burgerzaken")


def test_assigning_nobody_or_a_citizen_answers_400(case, agent, citizen):
    client = client_for(agent)
    assert client.post(f"/api/v1/cases/{case.reference}/assign/", {}).status_code == 400
    assert client.post(f"/api/v1/cases/{case.reference}/assign/", {"assignee": citizen.id}).status_code == 400


def test_a_pdf_upload_answers_201(case, agent, upload):
    response = client_for(agent).post(
        f"/api/v1/cases/{case.reference}/attachments/", {"file": upload("brief.pdf", PDF)}, format="multipart"
    )
    assert response.status_code == 201
    assert response.json()["content_type"] == "application/pdf"


def test_a_png_named_pdf_is_stored_as_png(case, agent, upload):
    response = client_for(agent).post(
        f"/api/v1/cases/{case.reference}/attachments/", {"file": upload("scan.pdf", PNG)}, format="multipart"
    )
    assert response.status_code == 201
    assert response.json()["content_type"] == "image/png"


def test_a_disguised_executable_answers_415(case, agent, upload):
    response = client_for(agent).post(
        f"/api/v1/cases/{case.reference}/attachments/", {"file": upload("factuur.pdf", EXE)}, format="multipart"
    )
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"
    assert not Attachment.objects.exists()


def test_an_oversized_upload_answers_413(case, agent, upload, settings):
    settings.ATTACHMENT_MAX_BYTES = 50
    response = client_for(agent).post(
        f"/api/v1/cases/{case.reference}/attachments/", {"file": upload("brief.pdf", PDF)}, format="multipart"
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert not Attachment.objects.exists()


def test_an_upload_without_a_file_answers_400(case, agent):
    response = client_for(agent).post(f"/api/v1/cases/{case.reference}/attachments/", {}, format="multipart")
    assert response.status_code == 400


def test_the_events_of_an_invisible_case_answer_404(antwerp, case, make_user):
    staff = make_user(Role.DISTRICT_STAFF, district="berchem")
    assert client_for(staff).get(f"/api/v1/cases/{case.reference}/events/").status_code == 404
