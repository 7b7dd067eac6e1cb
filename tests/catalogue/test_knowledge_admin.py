"""Articles in the Django admin: every save is a new version through the knowledge services."""

from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.catalogue.models import Competence, KnowledgeArticle, KnowledgeArticleVersion

URL = "/beheer/catalogue/knowledgearticle/"


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.ADMIN, username="beheerder", is_staff=True, is_superuser=True))
    return client


def form_data(article: KnowledgeArticle | None, **changes: str) -> dict[str, str]:
    versions = list(article.versions.order_by("-version")) if article else []
    data = {
        "title": article.title if article else "",
        "question": article.question if article else "",
        "answer": article.answer if article else "",
        "audience": article.audience if article else "internal",
        "published": "on",
        "topic": str(article.topic_id or "") if article else "",
        "competence": "",
        "service": str(article.service_id or "") if article else "",
        "source_case": "",
        "legal_references": article.legal_references if article else "",
        "valid_from": "",
        "valid_until": "",
        "owner_team": str(article.owner_team_id or "") if article else "",
        "versions-TOTAL_FORMS": str(len(versions)),
        "versions-INITIAL_FORMS": str(len(versions)),
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    for n, version in enumerate(versions):
        data[f"versions-{n}-id"] = str(version.pk)
        data[f"versions-{n}-article"] = str(article.pk) if article else ""
    data.update(changes)
    return data


def test_the_change_page_lists_the_versions_read_only(admin_client, catalogue):
    article = KnowledgeArticle.objects.get(title="Geboorte aangeven: binnen 15 dagen")
    html = admin_client.get(f"{URL}{article.pk}/change/").content.decode()
    assert "Eerste versie." in html and 'name="versions-0-change_note"' not in html


def test_a_change_in_the_admin_is_a_new_version(admin_client, catalogue):
    article = KnowledgeArticle.objects.get(title="Geboorte aangeven: binnen 15 dagen")
    response = admin_client.post(f"{URL}{article.pk}/change/", form_data(article, answer="Binnen 15 dagen."))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.version == 2 and article.answer == "Binnen 15 dagen."
    assert article.versions.get(version=2).change_note == "Gewijzigd in het beheer."


def test_an_article_added_in_the_admin_is_published_as_version_one(admin_client, catalogue):
    data = form_data(None, title="Nieuw in het beheer", question="Vraag?", answer="Antwoord.")
    assert admin_client.post(f"{URL}add/", data).status_code == 302
    article = KnowledgeArticle.objects.get(title="Nieuw in het beheer")
    assert article.version == 1 and KnowledgeArticleVersion.objects.filter(article=article).count() == 1


def test_the_admin_refuses_reversed_dates(admin_client, catalogue):
    article = KnowledgeArticle.objects.get(title="Geboorte aangeven: binnen 15 dagen")
    data = form_data(article, valid_from="2027-01-02", valid_until="2027-01-01")
    response = admin_client.post(f"{URL}{article.pk}/change/", data)
    assert response.status_code == 200 and KnowledgeArticle.objects.get(pk=article.pk).version == 1


def test_the_admin_refuses_a_competence_of_another_topic(admin_client, catalogue):
    article = KnowledgeArticle.objects.get(title="Geboorte aangeven: binnen 15 dagen")
    other = Competence.objects.filter(topic__slug="jeugd").first()
    response = admin_client.post(f"{URL}{article.pk}/change/", form_data(article, competence=str(other.pk)))
    assert response.status_code == 200 and "Deze bevoegdheid hoort bij een ander thema." in response.content.decode()
