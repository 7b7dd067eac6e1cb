"""The helpdesk's pages: the queue with due times and breaches, the handling page and its actions
(assign, answer, ask back, close, publish in the knowledge base). Happy paths and bad input."""

from __future__ import annotations

import pytest

from loket.catalogue.models import KnowledgeArticle
from loket.helpdesk.models import QuestionSla
from loket.helpdesk.services import question_answer, question_close
from tests.helpdesk.conftest import pdf, travel


@pytest.fixture
def helpdesk_client(client, people):
    client.force_login(people["helpdesk"])
    return client


def handle_url(case, action: str = "") -> str:
    return f"/helpdesk/behandelen/{case.reference}/" + (f"{action}/" if action else "")


def test_the_queue_lists_open_questions_most_urgent_first_and_marks_breaches(helpdesk_client, ask):
    with travel("2026-03-02 10:00"):
        late = ask(title="Oude vraag")
    with travel("2026-03-03 09:00"):
        fresh = ask("deurne", title="Nieuwe vraag")
    with travel("2026-03-03 11:00"):
        page = helpdesk_client.get("/helpdesk/behandelen/").content.decode()
    assert page.index(late.reference) < page.index(fresh.reference)
    assert 'class="is-breached"' in page and "over de termijn" in page
    assert "di 3 maart 10:00" in page  # the late question's first response was due then


def test_the_queue_filters_on_breaches_district_and_topic(helpdesk_client, ask):
    with travel("2026-03-02 10:00"):
        late = ask(title="Oude vraag")
    with travel("2026-03-03 09:00"):
        fresh = ask("deurne", title="Nieuwe vraag", topic="procedure")
    with travel("2026-03-03 11:00"):
        over = helpdesk_client.get("/helpdesk/behandelen/", {"termijn": "over"}).content.decode()
        within = helpdesk_client.get("/helpdesk/behandelen/", {"termijn": "binnen"}).content.decode()
    assert late.reference in over and fresh.reference not in over
    assert fresh.reference in within and late.reference not in within
    deurne = helpdesk_client.get("/helpdesk/behandelen/", {"district": "deurne", "onderwerp": "procedure"})
    assert fresh.reference in deurne.content.decode() and late.reference not in deurne.content.decode()


def test_a_bad_filter_is_refused_with_a_message(helpdesk_client, ask):
    response = helpdesk_client.get("/helpdesk/behandelen/", {"status": "kwijt", "termijn": "morgen"})
    assert response.status_code == 400
    assert "Een of meer filters zijn ongeldig." in response.content.decode()


def test_the_handling_page_shows_the_question_its_clock_and_the_actions(helpdesk_client, ask):
    with travel("2026-03-02 10:00"):
        case = ask()
        page = helpdesk_client.get(handle_url(case)).content.decode()
    assert case.title in page and "Is de kermis een districtsbevoegdheid?" in page
    assert "uiterlijk 3 maart 2026 10:00" in page
    for action in ("Neem zelf", "Verstuur als antwoord", "Vraag terug", "Sluit de vraag af"):
        assert action in page
    assert "Publiceer in kennisbank" not in page  # not answered yet


def test_claiming_assigns_the_question_to_oneself(helpdesk_client, ask, people):
    case = ask()
    response = helpdesk_client.post(handle_url(case, "toewijzen"), {"action": "claim"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.assignee) == ("assigned", people["helpdesk"])


def test_assigning_to_a_colleague_and_refusing_someone_outside_the_helpdesk(helpdesk_client, ask, people):
    case = ask()
    helpdesk_client.post(handle_url(case, "toewijzen"), {"action": "assign", "assignee": people["colleague"].pk})
    case.refresh_from_db()
    assert case.assignee == people["colleague"]
    response = helpdesk_client.post(handle_url(case, "toewijzen"), {"action": "assign", "assignee": people["agent"].pk})
    page = helpdesk_client.get(response["Location"]).content.decode()
    assert "Een vraag gaat enkel naar een actieve medewerker van de helpdesk." in page
    response = helpdesk_client.post(handle_url(case, "toewijzen"), {"action": "assign", "assignee": "iemand"})
    assert "Kies een medewerker van de helpdesk." in helpdesk_client.get(response["Location"]).content.decode()


def test_a_final_answer_with_an_attachment_answers_the_question(helpdesk_client, ask, people):
    case = ask()
    with travel("2026-03-03 10:00"):
        response = helpdesk_client.post(
            handle_url(case, "antwoord"), {"text": "Het district beslist.", "action": "final", "attachments": [pdf()]}
        )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "answered" and case.assignee == people["helpdesk"]
    assert case.attachments.count() == 1
    page = helpdesk_client.get(handle_url(case)).content.decode()
    assert "Het antwoord is verstuurd; de vraag is beantwoord." in page
    assert "Publiceer in kennisbank" in page and "Het district beslist." in page


def test_an_interim_message_keeps_the_question_open(helpdesk_client, ask):
    case = ask()
    helpdesk_client.post(handle_url(case, "antwoord"), {"text": "We zoeken het uit.", "action": "interim"})
    case.refresh_from_db()
    assert case.status == "assigned"
    assert QuestionSla.objects.get(case=case).first_response_at is not None


def test_an_empty_answer_comes_back_with_an_error(helpdesk_client, ask):
    case = ask()
    response = helpdesk_client.post(handle_url(case, "antwoord"), {"text": "", "action": "final"})
    assert response.status_code == 400
    assert 'id="id_text_error"' in response.content.decode()


def test_asking_back_stops_the_clock(helpdesk_client, ask):
    case = ask()
    response = helpdesk_client.post(handle_url(case, "terugvragen"), {"text": "Welke datum?"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "waiting_for_asker"
    assert QuestionSla.objects.get(case=case).paused_since is not None
    page = helpdesk_client.get(handle_url(case)).content.decode()
    assert "staat stil sinds" in page and "Vraag terug</button>" not in page


def test_asking_back_without_a_question_is_refused(helpdesk_client, ask):
    case = ask()
    response = helpdesk_client.post(handle_url(case, "terugvragen"), {"text": ""})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == "new"


def test_closing_a_question_and_refusing_to_close_it_twice(helpdesk_client, ask):
    case = ask()
    helpdesk_client.post(handle_url(case, "afsluiten"), {"text": "Beantwoord per telefoon."})
    case.refresh_from_db()
    assert case.status == "closed"
    response = helpdesk_client.post(handle_url(case, "afsluiten"), {})
    assert "Deze vraag is afgesloten." in helpdesk_client.get(response["Location"]).content.decode()


def test_publishing_the_answer_in_one_step_makes_a_knowledge_article(helpdesk_client, ask, people):
    case = ask()
    question_answer(case=case, actor=people["helpdesk"], text="Het district beslist over kermissen.")
    page = helpdesk_client.get(handle_url(case)).content.decode()
    assert 'value="Wie beslist over de kermis?"' in page  # the form is filled in from the question
    response = helpdesk_client.post(
        handle_url(case, "publiceren"),
        {
            "title": "Wie beslist over kermissen?",
            "question": "Is een kermis een bevoegdheid van het district?",
            "answer": "Het district beslist over kermissen.",
            "audience": "public",
            "topic": "",
            "legal_references": "Decreet Lokaal Bestuur, art. 6",
        },
    )
    assert response.status_code == 302
    article = KnowledgeArticle.objects.get(source_case=case)
    assert (article.title, article.audience, article.owner_team.slug) == (
        "Wie beslist over kermissen?",
        "public",
        "stad-helpdesk",
    )
    page = helpdesk_client.get(handle_url(case)).content.decode()
    assert "Gepubliceerd in de kennisbank:" in page and f"/kennisbank/{article.pk}/" in page


def test_publishing_with_missing_fields_or_bad_dates_is_refused(helpdesk_client, ask, people):
    case = ask()
    question_answer(case=case, actor=people["helpdesk"], text="Ja.")
    response = helpdesk_client.post(
        handle_url(case, "publiceren"),
        {
            "title": "",
            "question": "q",
            "answer": "a",
            "audience": "internal",
            "valid_from": "2026-05-01",
            "valid_until": "2026-04-01",
        },
    )
    assert response.status_code == 400
    assert not KnowledgeArticle.objects.exists()


def test_a_closed_answered_question_can_still_be_published(helpdesk_client, ask, people):
    case = ask()
    question_answer(case=case, actor=people["helpdesk"], text="Ja.")
    question_close(case=case, actor=people["helpdesk"])
    assert "Publiceer in kennisbank" in helpdesk_client.get(handle_url(case)).content.decode()


def test_the_helpdesk_start_page_shows_open_and_late_questions(helpdesk_client, ask):
    with travel("2026-03-02 10:00"):
        ask()
    with travel("2026-03-04 10:00"):
        page = helpdesk_client.get("/start/").content.decode()
    assert "Vragen van de districten behandelen" in page and "1 open, 1 over de termijn" in page
