"""Who sees which question: a district its own (pages and API), nothing of another district's, but
every published answer; the helpdesk everything; other roles nothing."""

from __future__ import annotations

import pytest

from loket.cases.services import case_add_note
from loket.helpdesk.selectors import question_visible_to
from loket.helpdesk.services import question_answer, question_publish_answer
from tests.helpdesk.conftest import travel


@pytest.fixture
def questions(ask, people):
    with travel("2026-03-02 10:00"):
        berchem = ask("berchem", title="Vraag van Berchem")
        deurne = ask("deurne", title="Vraag van Deurne")
    return {"berchem": berchem, "deurne": deurne}


def login(client, people, who):
    client.force_login(people[who])
    return client


def test_a_district_sees_only_the_questions_its_own_district_asked(questions, people):
    assert list(question_visible_to(user=people["berchem"])) == [questions["berchem"]]
    assert list(question_visible_to(user=people["berchem_coordinator"])) == [questions["berchem"]]
    assert list(question_visible_to(user=people["deurne"])) == [questions["deurne"]]


def test_the_helpdesk_and_its_lead_see_every_question(questions, people):
    assert set(question_visible_to(user=people["helpdesk"])) == set(questions.values())
    assert set(question_visible_to(user=people["lead"])) == set(questions.values())


def test_other_roles_see_no_helpdesk_question(questions, people, make_user):
    assert not question_visible_to(user=people["agent"]).exists()
    assert not question_visible_to(user=make_user("citizen")).exists()


def test_the_district_page_lists_the_own_questions_and_not_another_districts(client, questions, people):
    page = login(client, people, "berchem_coordinator").get("/helpdesk/").content.decode()
    assert "Vraag van Berchem" in page and "Vraag van Deurne" not in page


def test_another_districts_question_is_not_found_on_the_page_nor_in_the_api(client, questions, people):
    login(client, people, "berchem")
    reference = questions["deurne"].reference
    assert client.get(f"/helpdesk/vragen/{reference}/").status_code == 404
    assert client.post(f"/helpdesk/vragen/{reference}/antwoorden/", {"text": "Hallo"}).status_code == 404
    assert client.get(f"/api/v1/helpdesk/questions/{reference}/").status_code == 404
    response = client.post(f"/api/v1/helpdesk/questions/{reference}/reply/", {"text": "x"}, "application/json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_api_list_of_a_district_holds_only_its_own_questions(client, questions, people):
    body = login(client, people, "deurne").get("/api/v1/helpdesk/questions/").json()
    assert [row["reference"] for row in body["results"]] == [questions["deurne"].reference]


def test_a_district_cannot_narrow_its_way_into_another_district(client, questions, people):
    body = login(client, people, "deurne").get("/api/v1/helpdesk/questions/", {"district": "berchem"}).json()
    assert body["results"] == []


def test_the_helpdesk_api_list_holds_every_question_and_filters_on_district(client, questions, people):
    login(client, people, "helpdesk")
    everything = client.get("/api/v1/helpdesk/questions/").json()
    assert {row["reference"] for row in everything["results"]} == {q.reference for q in questions.values()}
    berchem = client.get("/api/v1/helpdesk/questions/", {"district": "berchem"}).json()
    assert [row["district"] for row in berchem["results"]] == ["berchem"]


def test_the_asker_does_not_read_the_helpdesks_internal_notes(client, questions, people):
    case = questions["berchem"]
    case_add_note(case=case, text="Intern: vraag het aan juridische dienst", actor=people["helpdesk"])
    question_answer(case=case, actor=people["helpdesk"], text="Even geduld, we zoeken het uit.", final=False)
    login(client, people, "berchem")
    page = client.get(f"/helpdesk/vragen/{case.reference}/").content.decode()
    assert "Even geduld" in page and "juridische dienst" not in page
    api = client.get(f"/api/v1/helpdesk/questions/{case.reference}/").json()
    texts = [message["text"] for message in api["messages"]]
    assert "Even geduld, we zoeken het uit." in texts and not any("juridische" in t for t in texts)
    login(client, people, "helpdesk")
    helpdesk_view = client.get(f"/api/v1/helpdesk/questions/{case.reference}/").json()
    assert any("juridische" in message["text"] for message in helpdesk_view["messages"])


def test_a_district_reads_the_answers_published_from_another_districts_question(client, questions, people):
    deurne = questions["deurne"]
    question_answer(case=deurne, actor=people["helpdesk"], text="Het district beslist.")
    question_publish_answer(
        case=deurne,
        actor=people["helpdesk"],
        title="Bevoegdheid voor kermissen",
        question="Wie beslist over een kermis?",
        answer="Het district beslist.",
    )
    login(client, people, "berchem")
    assert "Bevoegdheid voor kermissen" in client.get("/helpdesk/antwoorden/").content.decode()
    assert "Bevoegdheid voor kermissen" in client.get("/helpdesk/").content.decode()
    assert client.get(f"/helpdesk/vragen/{deurne.reference}/").status_code == 404


@pytest.mark.parametrize(
    ("who", "url", "status"),
    [
        ("agent", "/helpdesk/", 403),
        ("agent", "/helpdesk/behandelen/", 403),
        ("helpdesk", "/helpdesk/", 403),
        ("berchem", "/helpdesk/behandelen/", 403),
        ("berchem", "/helpdesk/vragen/nieuw/", 200),
        ("helpdesk", "/helpdesk/behandelen/", 200),
        ("lead", "/helpdesk/behandelen/", 200),
        ("agent", "/api/v1/helpdesk/questions/", 403),
    ],
)
def test_each_side_is_closed_to_the_other_roles(client, questions, people, who, url, status):
    assert login(client, people, who).get(url).status_code == status


def test_anonymous_visitors_are_sent_to_the_login_page_and_refused_by_the_api(client, questions):
    assert client.get("/helpdesk/").status_code == 302
    assert client.get("/api/v1/helpdesk/questions/").status_code == 401


def test_a_district_cannot_handle_questions_through_the_api(client, questions, people):
    reference = questions["berchem"].reference
    login(client, people, "berchem")
    for action in ("answer", "ask-back", "close", "assign", "publish"):
        response = client.post(f"/api/v1/helpdesk/questions/{reference}/{action}/", {"text": "x"}, "application/json")
        assert response.status_code == 403, action


def test_the_helpdesk_cannot_ask_or_reply_as_a_district(client, questions, people):
    login(client, people, "helpdesk")
    body = {"title": "x", "topic": "other", "text": "x"}
    assert client.post("/api/v1/helpdesk/questions/", body, "application/json").status_code == 403
    reference = questions["berchem"].reference
    response = client.post(f"/api/v1/helpdesk/questions/{reference}/reply/", {"text": "x"}, "application/json")
    assert response.status_code == 403
