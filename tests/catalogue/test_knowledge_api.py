"""The knowledge base API: search and read by visibility, write as staff (a version per change), vote."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.catalogue.knowledge import article_publish
from loket.catalogue.models import Competence, KnowledgeArticle, Service

URL = "/api/v1/knowledge-articles/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def agent(make_user):
    return make_user("agent")


@pytest.fixture
def internal(catalogue, agent):
    return article_publish(
        title="Bewonerskaart: uitzondering voor zorgverleners",
        question="Krijgt een thuisverpleger een bewonerskaart?",
        answer="Nee, wel een zorgverlenerskaart.",
        actor=agent,
        service=Service.objects.get(slug="bewonerskaart"),
    )


def test_a_search_lists_public_articles_for_everyone(api, internal):
    response = api.get(URL, {"q": "bewonerskaart"})
    body = response.json()
    assert response.status_code == 200 and body["count"] >= 1
    assert all(row["audience"] == "public" for row in body["results"])
    assert internal.pk not in [row["id"] for row in body["results"]]
    assert body["results"][0]["url"].startswith("/kennisbank/")


def test_staff_also_find_internal_articles(api, agent, internal):
    api.force_authenticate(agent)
    ids = [row["id"] for row in api.get(URL, {"q": "zorgverleners"}).json()["results"]]
    assert ids[0] == internal.pk


def test_without_words_it_lists_by_service_and_topic(api, catalogue):
    rows = api.get(URL, {"service": "grofvuil"}).json()["results"]
    assert rows and all(row["service"] == "grofvuil" for row in rows)
    rows = api.get(URL, {"topic": "burgerlijke-stand", "page_size": 3}).json()["results"]
    assert len(rows) == 3 and all(row["topic"] == "burgerlijke-stand" for row in rows)


def test_a_search_pages(api, catalogue):
    body = api.get(URL, {"q": "district", "page_size": 2}).json()
    assert len(body["results"]) == 2 and body["next"]


def test_unknown_filters_are_bad_input(api, catalogue):
    response = api.get(URL, {"service": "bestaat-niet", "q": "x" * 300})
    error = response.json()["error"]
    assert response.status_code == 400 and error["code"] == "invalid"
    assert set(error["details"]) == {"service", "q"}


def test_one_article_with_versions_for_staff_only(api, agent, catalogue):
    public = KnowledgeArticle.objects.filter(audience="public").first()
    assert api.get(f"{URL}{public.pk}/").json()["versions"] == []
    api.force_authenticate(agent)
    assert api.get(f"{URL}{public.pk}/").json()["versions"][0]["version"] == 1


def test_an_internal_article_is_not_found_for_a_citizen(api, make_user, internal):
    api.force_authenticate(make_user("citizen"))
    response = api.get(f"{URL}{internal.pk}/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_case_worker_publishes_an_article(api, agent, catalogue):
    api.force_authenticate(agent)
    competence = Competence.objects.get(topic__slug="lokale-feestelijkheden", district__slug="hoboken")
    response = api.post(
        URL,
        {
            "title": "Vuurwerk op een buurtfeest in Hoboken",
            "question": "Mag er vuurwerk zijn?",
            "answer": "Enkel met toelating van de burgemeester.",
            "audience": "public",
            "competence": competence.pk,
            "legal_references": ["Politiereglement (demo)", "  "],
        },
        format="json",
    )
    body = response.json()
    assert response.status_code == 201 and body["version"] == 1 and body["topic"] == "lokale-feestelijkheden"
    assert body["competence"]["district"] == "hoboken" and body["legal_references"] == ["Politiereglement (demo)"]


def test_publishing_refuses_bad_input(api, agent, catalogue):
    api.force_authenticate(agent)
    response = api.post(URL, {"title": "", "audience": "everyone", "valid_from": "gisteren"}, format="json")
    details = response.json()["error"]["details"]
    assert response.status_code == 400
    assert {"title", "question", "answer", "audience", "valid_from"} <= set(details)


def test_publishing_from_a_case_the_writer_cannot_see_is_refused(api, make_user, catalogue):
    api.force_authenticate(make_user("district_staff", district="deurne"))
    response = api.post(
        URL, {"title": "t", "question": "q", "answer": "a", "source_case": "VRG-2026-999999"}, format="json"
    )
    assert response.status_code == 400 and "source_case" in response.json()["error"]["details"]


def test_citizens_and_anonymous_callers_cannot_write(api, make_user, internal):
    assert api.post(URL, {}, format="json").status_code in (401, 403)
    api.force_authenticate(make_user("citizen"))
    assert api.post(URL, {}, format="json").status_code == 403
    assert api.patch(f"{URL}{internal.pk}/", {"title": "x"}, format="json").status_code == 403


def test_a_patch_makes_a_new_version(api, agent, internal):
    api.force_authenticate(agent)
    response = api.patch(
        f"{URL}{internal.pk}/", {"answer": "Ja, sinds 2027.", "change_note": "Nieuw reglement"}, format="json"
    )
    body = response.json()
    assert response.status_code == 200 and body["version"] == 2
    assert [v["change_note"] for v in body["versions"]] == ["Nieuw reglement", "Eerste versie."]


def test_a_patch_with_bad_dates_is_refused(api, agent, internal):
    api.force_authenticate(agent)
    response = api.patch(
        f"{URL}{internal.pk}/", {"valid_from": "2027-01-02", "valid_until": "2027-01-01"}, format="json"
    )
    assert response.status_code == 400 and "valid_until" in response.json()["error"]["details"]
    assert api.patch(f"{URL}999999/", {"title": "x"}, format="json").status_code == 404


def test_a_vote_counts_once_per_session(catalogue):
    api = APIClient()
    public = KnowledgeArticle.objects.filter(audience="public").first()
    first = api.post(f"{URL}{public.pk}/vote/", {"helpful": True}, format="json")
    second = api.post(f"{URL}{public.pk}/vote/", {"helpful": True}, format="json")
    assert first.status_code == second.status_code == 200 and second.json()["helpful_yes"] == 1
    other = APIClient().post(f"{URL}{public.pk}/vote/", {"helpful": False}, format="json")
    assert (other.json()["helpful_yes"], other.json()["helpful_no"]) == (1, 1)


def test_a_vote_needs_a_yes_or_no_and_a_visible_article(api, internal):
    public = KnowledgeArticle.objects.filter(audience="public").first()
    response = api.post(f"{URL}{public.pk}/vote/", {"helpful": "misschien"}, format="json")
    assert response.status_code == 400 and "helpful" in response.json()["error"]["details"]
    assert api.post(f"{URL}{internal.pk}/vote/", {"helpful": True}, format="json").status_code == 404
