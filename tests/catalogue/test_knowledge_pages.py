"""The knowledge base pages: search (full page and htmx fragment), article, vote, staff forms, sections."""

from __future__ import annotations

import pytest

from loket.catalogue.knowledge import article_publish, article_update
from loket.catalogue.models import KnowledgeArticle, KnowledgeVote, Service, Topic


@pytest.fixture
def agent(make_user):
    return make_user("agent")


@pytest.fixture
def internal(catalogue, agent):
    return article_publish(
        title="Terugbellen na een klacht over grofvuil",
        question="Hoe snel bellen we terug?",
        answer="Binnen twee werkdagen.",
        actor=agent,
        service=Service.objects.get(slug="grofvuil"),
    )


@pytest.fixture
def public(catalogue):
    return KnowledgeArticle.objects.get(title="Grofvuil: wat wordt opgehaald en wat niet?")


# --- search -------------------------------------------------------------------------------------------
def test_the_search_page_shows_public_answers_to_a_citizen(client, internal, public):
    response = client.get("/kennisbank/", {"q": "grofvuil"})
    html = response.content.decode()
    assert response.status_code == 200 and "<h1>Kennisbank</h1>" in html
    assert public.title in html and internal.title not in html


def test_staff_find_internal_answers_too(client, agent, internal):
    client.force_login(agent)
    html = client.get("/kennisbank/", {"q": "terugbellen klacht"}).content.decode()
    assert internal.title in html and "intern" in html


def test_htmx_gets_only_the_results_fragment(client, public):
    response = client.get("/kennisbank/", {"q": "grofvuil"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html and public.title in html


def test_the_fragment_lists_a_service_s_articles_without_words(client, public):
    response = client.get("/kennisbank/", {"service": "grofvuil"}, headers={"HX-Request": "true"})
    assert public.title in response.content.decode()


def test_the_fragment_accepts_a_service_id(client, public):
    response = client.get("/kennisbank/", {"service": str(public.service_id), "q": "ophalen"})
    assert response.status_code == 200 and public.title in response.content.decode()


def test_an_unknown_service_is_bad_input(client, catalogue):
    response = client.get("/kennisbank/", {"q": "grofvuil", "service": "bestaat-niet"}, headers={"HX-Request": "true"})
    assert response.status_code == 400 and "Onbekende dienst" in response.content.decode()


def test_a_search_without_results_says_so(client, catalogue):
    html = client.get("/kennisbank/", {"q": "xyzzyqwv"}).content.decode()
    assert "Geen artikels gevonden" in html


def test_an_overlong_query_is_refused(client, catalogue):
    assert client.get("/kennisbank/", {"q": "a" * 500}).status_code == 400


# --- an article -----------------------------------------------------------------------------------------
def test_a_public_article_shows_question_answer_legal_references_and_the_vote(client, catalogue):
    article = KnowledgeArticle.objects.get(title="Geboorte aangeven: binnen 15 dagen")
    html = client.get(f"/kennisbank/{article.pk}/").content.decode()
    assert "Binnen 15 kalenderdagen" in html and "Oud Burgerlijk Wetboek, artikel 55" in html
    assert "Was dit nuttig?" in html and "Versies" not in html


def test_a_citizen_cannot_open_an_internal_article(client, internal):
    assert client.get(f"/kennisbank/{internal.pk}/").status_code == 404
    assert client.get("/kennisbank/999999/").status_code == 404


def test_staff_see_the_versions(client, agent, internal):
    client.force_login(agent)
    html = client.get(f"/kennisbank/{internal.pk}/").content.decode()
    assert "Versies" in html and "Eerste versie." in html and "Bewerk dit artikel" in html


# --- was this helpful? ------------------------------------------------------------------------------------
def test_an_anonymous_visitor_votes_once(client, public):
    url = f"/kennisbank/{public.pk}/stem/"
    assert client.post(url, {"helpful": "ja"}).status_code == 302
    client.post(url, {"helpful": "ja"})
    public.refresh_from_db()
    assert public.helpful_yes == 1 and KnowledgeVote.objects.filter(article=public).count() == 1


def test_a_vote_over_htmx_answers_the_vote_box(client, public):
    response = client.post(f"/kennisbank/{public.pk}/stem/", {"helpful": "nee"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "Bedankt" in html and "1 keer niet nuttig" in html


def test_a_vote_without_an_answer_is_refused(client, public):
    response = client.post(f"/kennisbank/{public.pk}/stem/", {"helpful": "misschien"}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert client.post(f"/kennisbank/{public.pk}/stem/", {}).status_code == 302  # back to the page, with a message
    public.refresh_from_db()
    assert public.helpful_yes == public.helpful_no == 0


def test_nobody_votes_on_an_article_they_cannot_see(client, internal):
    assert client.post(f"/kennisbank/{internal.pk}/stem/", {"helpful": "ja"}).status_code == 404


# --- staff forms --------------------------------------------------------------------------------------------
def test_a_case_worker_publishes_a_new_article(client, agent, catalogue):
    client.force_login(agent)
    assert client.get("/kennisbank/nieuw/").status_code == 200
    response = client.post(
        "/kennisbank/nieuw/",
        {
            "title": "Afvalkalender opvragen",
            "question": "Waar vind ik de afvalkalender?",
            "answer": "Online.",
            "audience": "public",
            "topic": Topic.objects.get(slug="afval-en-netheid").pk,
        },
    )
    article = KnowledgeArticle.objects.get(title="Afvalkalender opvragen")
    assert response.status_code == 302 and response["Location"] == f"/kennisbank/{article.pk}/"


def test_the_new_article_form_shows_errors(client, agent, catalogue):
    client.force_login(agent)
    response = client.post("/kennisbank/nieuw/", {"title": "", "question": "q", "answer": "a", "audience": "public"})
    assert response.status_code == 400 and 'id="id_title_error"' in response.content.decode()


def test_editing_saves_a_new_version(client, agent, internal):
    client.force_login(agent)
    form = client.get(f"/kennisbank/{internal.pk}/bewerken/").content.decode()
    assert internal.question in form
    response = client.post(
        f"/kennisbank/{internal.pk}/bewerken/",
        {
            "title": internal.title,
            "question": internal.question,
            "answer": "Binnen één werkdag.",
            "audience": "internal",
            "service": internal.service_id,
            "published": "on",
            "change_note": "Nieuwe norm",
        },
    )
    internal.refresh_from_db()
    assert response.status_code == 302 and internal.version == 2 and internal.answer == "Binnen één werkdag."


def test_editing_refuses_reversed_dates(client, agent, internal):
    client.force_login(agent)
    response = client.post(
        f"/kennisbank/{internal.pk}/bewerken/",
        {
            "title": internal.title,
            "question": internal.question,
            "answer": internal.answer,
            "audience": "internal",
            "valid_from": "2026-12-31",
            "valid_until": "2026-01-01",
            "change_note": "Datums",
        },
    )
    assert response.status_code == 400 and "De einddatum ligt voor de begindatum" in response.content.decode()


def test_citizens_cannot_write_articles(client, make_user, internal):
    client.force_login(make_user("citizen"))
    assert client.get("/kennisbank/nieuw/").status_code == 403
    assert client.post(f"/kennisbank/{internal.pk}/bewerken/", {}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in_to_write(client, catalogue):
    assert client.get("/kennisbank/nieuw/")["Location"].startswith("/aanmelden/")


# --- sections on other pages ---------------------------------------------------------------------------------
def test_the_service_page_shows_its_public_articles(client, internal, public):
    html = client.get("/diensten/grofvuil/").content.decode()
    assert "Veelgestelde vragen" in html and public.title in html and internal.title not in html


def test_the_district_page_shows_public_articles_about_the_district(client, catalogue):
    html = client.get("/districten/deurne/").content.decode()
    assert "Veelgestelde vragen over het district" in html and "Buurtfeest in Deurne" in html
    assert "Rommelmarkt in Borgerhout" not in html


def test_staff_find_the_knowledge_base_on_their_start_page(client, agent, catalogue):
    client.force_login(agent)
    html = client.get("/start/").content.decode()
    assert "/kennisbank/" in html and "/kennisbank/nieuw/" in html


def test_nobody_votes_on_an_unpublished_article(client, agent, internal):
    article_update(article=internal, actor=agent, published=False)
    client.force_login(agent)
    assert client.get(f"/kennisbank/{internal.pk}/").status_code == 200  # staff may still open it
    assert client.post(f"/kennisbank/{internal.pk}/stem/", {"helpful": "ja"}).status_code == 404
