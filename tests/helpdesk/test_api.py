"""The helpdesk API: list, create, retrieve, assign, answer, ask back, reply, close and publish,
each with its happy path and bad input, errors in the API's one shape."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.catalogue.models import KnowledgeArticle
from loket.helpdesk.services import question_answer
from tests.helpdesk.conftest import EXE, pdf, travel

BASE = "/api/v1/helpdesk/questions/"


@pytest.fixture
def as_(client, people):
    def login(who: str):
        client.force_login(people[who])
        return client

    return login


def post(client, url: str, body: dict | None = None):
    return client.post(url, body or {}, "application/json")


def error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_a_district_asks_a_question_and_gets_it_back_with_its_clock(as_):
    with travel("2026-03-02 10:00"):
        response = post(as_("berchem"), BASE, {"title": "Kermis", "topic": "competence", "text": "Wie beslist?"})
    assert response.status_code == 201
    body = response.json()
    assert body["reference"].startswith("VRG-2026-")
    assert (body["status"], body["district"], body["text"]) == ("new", "berchem", "Wie beslist?")
    assert body["clock"]["response_due"] == "2026-03-03T10:00:00+01:00"
    assert body["clock"]["answer_due"] == "2026-03-09T10:00:00+01:00"
    assert body["clock"]["response_breached"] is False


def test_a_question_with_attachments_can_be_asked_as_multipart(as_):
    response = as_("berchem").post(
        BASE, {"title": "Kermis", "topic": "other", "text": "Zie nota", "attachments": [pdf("a.pdf"), pdf("b.pdf")]}
    )
    assert response.status_code == 201
    assert sorted(a["name"] for a in response.json()["attachments"]) == ["a.pdf", "b.pdf"]


def test_a_question_without_text_or_with_an_unknown_topic_is_invalid(as_):
    response = post(as_("berchem"), BASE, {"title": "Kermis", "topic": "weer", "text": ""})
    assert response.status_code == 400
    failure = error(response)
    assert failure["code"] == "invalid" and {"topic", "text"} <= set(failure["details"])


def test_an_executable_attachment_is_refused_as_unsupported(as_):
    upload = SimpleUploadedFile("nota.pdf", EXE, content_type="application/pdf")
    response = as_("berchem").post(BASE, {"title": "K", "topic": "other", "text": "x", "attachments": [upload]})
    assert response.status_code == 415
    assert error(response)["code"] == "unsupported_media_type"


def test_the_list_filters_and_refuses_a_bad_filter(as_, ask):
    with travel("2026-03-02 10:00"):
        ask()
    client = as_("helpdesk")
    with travel("2026-03-04 10:00"):
        late = client.get(BASE, {"breached": "true"}).json()
        within = client.get(BASE, {"breached": "false"}).json()
    assert late["count"] == 1 and within["count"] == 0
    assert client.get(BASE, {"topic": "procedure"}).json()["count"] == 0
    response = client.get(BASE, {"status": "kwijt"})
    assert response.status_code == 400 and "status" in error(response)["details"]


def test_retrieving_an_unknown_question_is_not_found(as_):
    response = as_("helpdesk").get(f"{BASE}VRG-2026-999999/")
    assert response.status_code == 404 and error(response)["code"] == "not_found"


def test_the_helpdesk_assigns_to_itself_or_a_colleague_and_not_to_an_agent(as_, ask, people):
    case = ask()
    client = as_("helpdesk")
    assert post(client, f"{BASE}{case.reference}/assign/").json()["assignee"]["id"] == people["helpdesk"].pk
    colleague = post(client, f"{BASE}{case.reference}/assign/", {"assignee": people["colleague"].pk}).json()
    assert colleague["assignee"]["id"] == people["colleague"].pk
    refused = post(client, f"{BASE}{case.reference}/assign/", {"assignee": people["agent"].pk})
    assert refused.status_code == 400 and "assignee" in error(refused)["details"]
    unknown = post(client, f"{BASE}{case.reference}/assign/", {"assignee": 999999})
    assert unknown.status_code == 400


def test_answering_records_the_first_response_and_the_answer(as_, ask):
    case = ask()
    client = as_("helpdesk")
    with travel("2026-03-03 09:00"):
        interim = post(client, f"{BASE}{case.reference}/answer/", {"text": "We zoeken het uit.", "final": False})
    assert interim.status_code == 200
    assert interim.json()["status"] == "assigned"
    assert interim.json()["clock"]["first_response_at"] == "2026-03-03T09:00:00+01:00"
    final = post(client, f"{BASE}{case.reference}/answer/", {"text": "Het district beslist."}).json()
    assert final["status"] == "answered" and final["clock"]["answered_at"] is not None
    assert final["messages"][-1]["text"] == "Het district beslist."


def test_an_empty_answer_is_invalid_and_a_second_final_answer_is_refused(as_, ask):
    case = ask()
    client = as_("helpdesk")
    assert post(client, f"{BASE}{case.reference}/answer/", {"text": ""}).status_code == 400
    post(client, f"{BASE}{case.reference}/answer/", {"text": "Ja."})
    again = post(client, f"{BASE}{case.reference}/answer/", {"text": "Nogmaals ja."})
    assert again.status_code == 400 and "text" in error(again)["details"]


def test_asking_back_and_the_district_replying(as_, ask):
    case = ask()
    asked = post(as_("helpdesk"), f"{BASE}{case.reference}/ask-back/", {"text": "Welke kermis?"})
    assert asked.status_code == 200
    assert asked.json()["status"] == "waiting_for_asker" and asked.json()["clock"]["paused_since"] is not None
    replied = post(as_("berchem_coordinator"), f"{BASE}{case.reference}/reply/", {"text": "De Sinksenfoor."})
    assert replied.status_code == 200
    assert replied.json()["status"] == "assigned" and replied.json()["clock"]["paused_since"] is None
    assert [m["side"] for m in replied.json()["messages"]] == ["helpdesk", "district"]


def test_asking_back_twice_or_without_text_is_refused(as_, ask):
    case = ask()
    client = as_("helpdesk")
    assert post(client, f"{BASE}{case.reference}/ask-back/", {}).status_code == 400
    post(client, f"{BASE}{case.reference}/ask-back/", {"text": "Welke?"})
    assert post(client, f"{BASE}{case.reference}/ask-back/", {"text": "Welke?"}).status_code == 400


def test_an_empty_reply_is_invalid(as_, ask):
    case = ask()
    response = post(as_("berchem"), f"{BASE}{case.reference}/reply/", {"text": ""})
    assert response.status_code == 400 and "text" in error(response)["details"]


def test_closing_and_closing_again(as_, ask):
    case = ask()
    client = as_("helpdesk")
    closed = post(client, f"{BASE}{case.reference}/close/", {"text": "Telefonisch beantwoord."})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    again = post(client, f"{BASE}{case.reference}/close/")
    assert again.status_code == 400


def test_publishing_an_answered_question_in_one_step(as_, ask, people):
    case = ask()
    question_answer(case=case, actor=people["helpdesk"], text="Het district beslist.")
    response = post(
        as_("helpdesk"),
        f"{BASE}{case.reference}/publish/",
        {"title": "Kermissen", "question": "Wie beslist?", "answer": "Het district.", "audience": "public"},
    )
    assert response.status_code == 201
    article = KnowledgeArticle.objects.get(source_case=case)
    assert response.json() == {
        "id": article.pk,
        "title": "Kermissen",
        "audience": "public",
        "url": f"/kennisbank/{article.pk}/",
    }
    detail = as_("berchem").get(f"{BASE}{case.reference}/").json()
    assert detail["article"]["id"] == article.pk


def test_publishing_before_the_answer_or_twice_is_a_conflict(as_, ask, people):
    case = ask()
    client = as_("helpdesk")
    body = {"title": "Kermissen", "question": "Wie beslist?", "answer": "Het district."}
    early = post(client, f"{BASE}{case.reference}/publish/", body)
    assert early.status_code == 409 and error(early)["code"] == "not_answered"
    question_answer(case=case, actor=people["helpdesk"], text="Het district beslist.")
    assert post(client, f"{BASE}{case.reference}/publish/", body).status_code == 201
    twice = post(client, f"{BASE}{case.reference}/publish/", body)
    assert twice.status_code == 409 and error(twice)["code"] == "already_published"


def test_publishing_with_an_empty_title_or_an_unknown_topic_is_invalid(as_, ask, people):
    case = ask()
    question_answer(case=case, actor=people["helpdesk"], text="Ja.")
    response = post(
        as_("helpdesk"), f"{BASE}{case.reference}/publish/", {"title": "", "question": "q", "answer": "a", "topic": "x"}
    )
    assert response.status_code == 400
    assert {"title", "topic"} <= set(error(response)["details"])
    assert not KnowledgeArticle.objects.exists()
