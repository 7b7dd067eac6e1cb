"""The districts' pages: their questions, asking one (with attachments), the question page and the
reply, the published answers. Each with its happy path and bad input."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from loket.cases.models import Case
from loket.helpdesk.models import QuestionSla
from loket.helpdesk.services import question_answer, question_ask_back
from tests.helpdesk.conftest import EXE, pdf, travel


def test_the_district_home_lists_the_questions_with_their_status(client, ask, people):
    case = ask()
    client.force_login(people["berchem"])
    page = client.get("/helpdesk/").content.decode()
    assert "Vragen van Berchem aan de helpdesk" in page
    assert case.reference in page and "nieuw" in page and "bevoegdheden" in page


def test_the_district_home_refuses_a_post(client, people):
    client.force_login(people["berchem"])
    assert client.post("/helpdesk/").status_code == 405


def test_asking_a_question_with_an_attachment_opens_it_and_shows_the_question_page(client, people):
    client.force_login(people["berchem_coordinator"])
    with travel("2026-03-02 10:00"):
        response = client.post(
            "/helpdesk/vragen/nieuw/",
            {
                "title": "Wie beslist over de kermis?",
                "topic": "competence",
                "text": "Is dat het district?",
                "attachments": [pdf("nota.pdf"), pdf("bijlage.pdf")],
            },
        )
    case = Case.objects.get(kind="question")
    assert response.status_code == 302
    assert response["Location"] == f"/helpdesk/vragen/{case.reference}/"
    assert case.requesting_district.slug == "berchem"
    assert case.team.slug == "stad-helpdesk"
    assert sorted(case.attachments.values_list("original_name", flat=True)) == ["bijlage.pdf", "nota.pdf"]
    assert QuestionSla.objects.get(case=case).topic == "competence"
    page = client.get(response["Location"]).content.decode()
    assert "Je vraag" in page and case.reference in page and "nota.pdf" in page
    assert "uiterlijk 3 maart 2026 10:00" in page


def test_an_incomplete_question_comes_back_with_errors_and_what_was_typed(client, people):
    client.force_login(people["berchem"])
    response = client.post("/helpdesk/vragen/nieuw/", {"title": "Mijn vraag over de raad", "topic": "", "text": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mijn vraag over de raad" in page
    assert page.count('class="errorlist"') >= 2
    assert not Case.objects.exists()


def test_an_attachment_that_is_not_a_document_is_refused_and_nothing_is_asked(client, people):
    client.force_login(people["berchem"])
    response = client.post(
        "/helpdesk/vragen/nieuw/",
        {
            "title": "Vraag",
            "topic": "other",
            "text": "Zie bijlage",
            "attachments": [SimpleUploadedFile("nota.pdf", EXE, content_type="application/pdf")],
        },
    )
    assert response.status_code == 400
    assert "Dit soort bestand wordt niet aanvaard" in response.content.decode()
    assert not Case.objects.exists()


def test_the_question_page_shows_the_conversation_and_the_reply_resumes_the_clock(client, ask, people):
    with travel("2026-03-02 10:00"):
        case = ask()
        question_ask_back(case=case, actor=people["helpdesk"], text="Over welke kermis gaat het?")
    client.force_login(people["berchem"])
    page = client.get(f"/helpdesk/vragen/{case.reference}/").content.decode()
    assert "Over welke kermis gaat het?" in page and "De helpdesk wacht op je antwoord" in page
    with travel("2026-03-03 10:00"):
        response = client.post(
            f"/helpdesk/vragen/{case.reference}/antwoorden/", {"text": "De Sinksenfoor.", "attachments": [pdf()]}
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "assigned"
    assert QuestionSla.objects.get(case=case).paused_since is None
    page = client.get(f"/helpdesk/vragen/{case.reference}/").content.decode()
    assert "De Sinksenfoor." in page and "Je antwoord is verstuurd naar de helpdesk." in page


def test_an_empty_reply_is_refused_next_to_the_field(client, ask, people):
    case = ask()
    client.force_login(people["berchem"])
    response = client.post(f"/helpdesk/vragen/{case.reference}/antwoorden/", {"text": "  "})
    assert response.status_code == 400
    assert 'id="id_text_error"' in response.content.decode()


def test_after_an_answer_the_asker_may_reopen_the_question(client, ask, people):
    case = ask()
    question_answer(case=case, actor=people["helpdesk"], text="Het district beslist.")
    client.force_login(people["berchem"])
    assert "heropen" in client.get(f"/helpdesk/vragen/{case.reference}/").content.decode()
    client.post(f"/helpdesk/vragen/{case.reference}/antwoorden/", {"text": "En de stad dan?", "reopen": "on"})
    case.refresh_from_db()
    assert case.status == "assigned"


def test_an_unknown_reference_is_not_found(client, people):
    client.force_login(people["berchem"])
    assert client.get("/helpdesk/vragen/VRG-2026-999999/").status_code == 404


def test_the_published_answers_page_searches_and_says_when_nothing_matches(client, people):
    client.force_login(people["berchem"])
    empty = client.get("/helpdesk/antwoorden/").content.decode()
    assert "Nog geen gepubliceerde antwoorden." in empty
    nothing = client.get("/helpdesk/antwoorden/", {"q": "onbestaandwoord"}).content.decode()
    assert "Geen gepubliceerde antwoorden gevonden" in nothing


def test_the_start_page_of_a_district_links_to_the_helpdesk(client, ask, people):
    ask()
    client.force_login(people["berchem"])
    page = client.get("/start/").content.decode()
    assert "Helpdesk binnengemeentelijke decentralisatie" in page
    assert 'href="/helpdesk/"' in page and "1 open" in page and 'href="/helpdesk/vragen/nieuw/"' in page
