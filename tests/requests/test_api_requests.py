"""The requests API: a citizen for themself online; the front office on a citizen's behalf."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.cases.models import Case
from tests.requests.conftest import EXE, EXTRACT_ANSWERS, PDF, TERRACE_ANSWERS


@pytest.fixture
def api():
    return APIClient()


def _body(**extra):
    return {"service": "bewijs-van-woonst", "data": EXTRACT_ANSWERS, "consent": True, **extra}


def test_anyone_reads_a_services_form_definition(api, extract):
    response = api.get("/api/v1/forms/bewijs-van-woonst/")
    assert response.status_code == 200
    body = response.json()
    assert body["service"] == "bewijs-van-woonst"
    assert body["fields"][0]["name"] == "rijksregisternummer"


def test_a_service_without_a_form_answers_404_in_the_error_shape(api, eloket):
    response = api.get("/api/v1/forms/identiteitskaart/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_citizen_creates_a_request_for_themself_online(api, extract, citizen):
    api.force_authenticate(citizen)
    response = api.post("/api/v1/requests/", _body(), format="json")
    assert response.status_code == 201, response.content
    case = Case.objects.get(reference=response.json()["reference"])
    assert (case.citizen, case.channel, case.kind) == (citizen, "online", "request")
    assert response.json()["status_label"] == "ontvangen"


def test_bad_answers_answer_400_with_the_field_in_details(api, extract, citizen):
    api.force_authenticate(citizen)
    body = _body(data={**EXTRACT_ANSWERS, "rijksregisternummer": "123", "levering": "duif"})
    response = api.post("/api/v1/requests/", body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["details"]) == {"rijksregisternummer", "levering"}
    assert not Case.objects.exists()


def test_a_citizen_cannot_file_for_someone_else_or_by_phone(api, extract, citizen, make_user):
    api.force_authenticate(citizen)
    other = make_user()
    assert api.post("/api/v1/requests/", _body(citizen=other.pk), format="json").status_code == 403
    assert api.post("/api/v1/requests/", _body(channel="phone"), format="json").status_code == 400


def test_the_front_office_files_on_behalf_by_phone(api, extract, citizen, make_user):
    agent = make_user(role=Role.AGENT)
    api.force_authenticate(agent)
    response = api.post("/api/v1/requests/", _body(citizen=citizen.pk, channel="phone"), format="json")
    assert response.status_code == 201, response.content
    case = Case.objects.get()
    assert (case.citizen, case.channel, case.created_by) == (citizen, "phone", agent)


def test_the_front_office_must_name_the_citizen_and_a_staff_channel(api, extract, citizen, make_user):
    api.force_authenticate(make_user(role=Role.AGENT))
    assert api.post("/api/v1/requests/", _body(channel="phone"), format="json").status_code == 400
    assert api.post("/api/v1/requests/", _body(citizen=citizen.pk), format="json").status_code == 400


def test_other_staff_and_anonymous_callers_are_refused(api, extract, make_user):
    assert api.post("/api/v1/requests/", _body(), format="json").status_code in (401, 403)
    api.force_authenticate(make_user(role=Role.MANAGER))
    assert api.post("/api/v1/requests/", _body(), format="json").status_code == 403


def test_documents_come_as_multipart_parts_checked_by_content(api, terrace, citizen):
    api.force_authenticate(citizen)
    body = {"service": "terrasvergunning", "data": json.dumps(TERRACE_ANSWERS), "consent": "true"}
    refused = api.post(
        "/api/v1/requests/", {**body, "doc_plan": SimpleUploadedFile("plan.pdf", EXE)}, format="multipart"
    )
    assert refused.status_code == 415
    assert refused.json()["error"]["code"] == "unsupported_media_type"
    missing = api.post("/api/v1/requests/", body, format="multipart")
    assert missing.status_code == 400
    assert "doc_plan" in missing.json()["error"]["details"]
    response = api.post(
        "/api/v1/requests/", {**body, "doc_plan": SimpleUploadedFile("plan.pdf", PDF)}, format="multipart"
    )
    assert response.status_code == 201, response.content
    assert Case.objects.get().attachments.get().content_type == "application/pdf"
