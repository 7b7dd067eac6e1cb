from __future__ import annotations

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.correspondence.conftest import PDF


@pytest.fixture(autouse=True)
def _wednesday_4_march():
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):
        yield


LETTER = {
    "sender": "district_council:berchem",
    "recipients": ["city_college", "city_service:stad-mobiliteit"],
    "subject": "Vraag over de begroting",
    "letter_date": "2026-03-02",
    "body": "Geachte,",
    "reply_expected": True,
    "reply_days": 5,
}


def test_posting_a_letter_returns_it_with_its_reference(client, berchem):
    client.force_login(berchem)
    response = client.post("/api/v1/letters/", LETTER, content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["reference"] == "BRF-2026-000001"
    assert body["direction"] == "to_city"
    assert body["reply_due"] == "2026-03-09"
    assert {p["code"] for p in body["recipients"]} == {"city_college", "city_service:stad-mobiliteit"}


def test_a_letter_with_a_pdf_can_be_posted_as_a_form(client, berchem):
    client.force_login(berchem)
    form = {**LETTER, "body": "", "pdf": SimpleUploadedFile("brief.pdf", PDF), "reply_expected": "false"}
    response = client.post("/api/v1/letters/", form)
    assert response.status_code == 201, response.content


def test_bad_input_answers_400_in_the_one_error_shape(client, berchem):
    client.force_login(berchem)
    response = client.post(
        "/api/v1/letters/", {**LETTER, "recipients": ["district_council:deurne"]}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "recipients" in response.json()["error"]["details"]
    response = client.post("/api/v1/letters/", {"subject": ""}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_writing_for_another_district_answers_403(client, deurne):
    client.force_login(deurne)
    response = client.post("/api/v1/letters/", LETTER, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_a_reply_through_the_api_answers_the_letter(client, berchem, helpdesk):
    client.force_login(berchem)
    first = client.post("/api/v1/letters/", LETTER, content_type="application/json").json()
    client.force_login(helpdesk)
    reply = {
        "sender": "city_college",
        "recipients": ["district_council:berchem"],
        "subject": "Antwoord",
        "letter_date": "2026-03-04",
        "body": "Zie bijlage.",
        "in_reply_to": first["reference"],
    }
    assert client.post("/api/v1/letters/", reply, content_type="application/json").status_code == 201
    assert client.get(f"/api/v1/letters/{first['reference']}/").json()["status"] == "answered"


def test_status_through_the_api_and_an_illegal_step_is_400(client, helpdesk, register):
    letter = register()
    client.force_login(helpdesk)
    url = f"/api/v1/letters/{letter.reference}/status/"
    assert client.post(url, {"status": "closed"}, content_type="application/json").json()["status"] == "closed"
    response = client.post(url, {"status": "sent"}, content_type="application/json")
    assert response.status_code == 400


def test_the_list_filters_by_awaiting_reply_and_refuses_bad_filters(client, helpdesk, register):
    register(reply_expected=True, reply_days=5)
    register(subject="Geen antwoord nodig")
    client.force_login(helpdesk)
    body = client.get("/api/v1/letters/?awaiting_reply=true").json()
    assert [item["subject"] for item in body["results"]] == ["Advies over het Kielplein"]
    assert client.get("/api/v1/letters/?status=kwijt").status_code == 400


def test_anonymous_callers_get_401(client):
    assert client.get("/api/v1/letters/").status_code in (401, 403)
