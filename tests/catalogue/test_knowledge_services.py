"""Publishing, versioning and voting on knowledge articles; the demo articles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from loket.cases.models import Case
from loket.catalogue import demo_knowledge
from loket.catalogue.knowledge import (
    article_publish,
    article_update,
    article_versions,
    article_vote,
    articles_for_district,
    articles_for_service,
)
from loket.catalogue.models import AppendOnlyError, Competence, KnowledgeArticle, KnowledgeVote, Service, Topic
from loket.organisation.models import District, Team


@pytest.fixture
def helpdesk(make_user):
    return make_user("helpdesk", team=Team.objects.get(slug="stad-helpdesk"))


@pytest.fixture
def article(catalogue, helpdesk):
    return article_publish(
        title="Wie beslist over een kermis?",
        question="Een district vraagt wie over een kermis beslist.",
        answer="Het districtscollege.",
        actor=helpdesk,
        topic=Topic.objects.get(slug="lokale-markten-en-foren"),
        legal_references="Decreet over het Lokaal Bestuur",
    )


def test_publishing_makes_version_one_owned_by_the_actor_s_team(article, helpdesk):
    assert article.version == 1 and article.published and article.audience == "internal"
    assert article.owner_team.slug == "stad-helpdesk" and article.created_by == helpdesk
    (first,) = article_versions(article=article)
    assert first.version == 1 and first.answer == "Het districtscollege."


def test_publishing_refuses_empty_texts_and_reversed_dates(catalogue, helpdesk):
    with pytest.raises(ValidationError) as caught:
        article_publish(
            title=" ",
            question="",
            answer="x",
            actor=helpdesk,
            valid_from=dt.date(2026, 2, 1),
            valid_until=dt.date(2026, 1, 1),
        )
    assert set(caught.value.message_dict) == {"title", "question", "valid_until"}


def test_publishing_refuses_an_unknown_audience_and_a_competence_of_another_topic(catalogue, helpdesk):
    other = Competence.objects.filter(topic__slug="jeugd").first()
    with pytest.raises(ValidationError) as caught:
        article_publish(
            title="t", question="q", answer="a", actor=helpdesk, audience="everyone",
            topic=Topic.objects.get(slug="cultuur"), competence=other,
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"audience", "competence"}


def test_the_topic_follows_the_competence_or_the_service(catalogue, helpdesk):
    competence = Competence.objects.get(topic__slug="jeugd", district__slug="ekeren")
    by_competence = article_publish(title="t", question="q", answer="a", actor=helpdesk, competence=competence)
    by_service = article_publish(
        title="t", question="q", answer="a", actor=helpdesk, service=Service.objects.get(slug="grofvuil")
    )
    assert by_competence.topic.slug == "jeugd" and by_service.topic.slug == "afval-en-netheid"


def test_an_answered_question_becomes_an_article_in_one_step(catalogue, helpdesk):
    case = Case.objects.create(
        reference="VRG-2026-000001",
        kind="question",
        title="Kermis op het plein",
        status="answered",
        channel="email",
        topic=Topic.objects.get(slug="lokale-markten-en-foren"),
    )
    article = article_publish(
        title=case.title, question="Wie beslist?", answer="Het district.", actor=helpdesk, source_case=case
    )
    assert article.source_case == case and article.topic == case.topic
    assert "VRG-2026-000001" in article_versions(article=article)[0].change_note


def test_an_edit_is_a_new_version_and_the_old_one_stays(article, helpdesk):
    updated = article_update(
        article=article, actor=helpdesk, change_note="Nuance", answer="Het districtscollege, na advies."
    )
    assert updated.version == 2 and updated.answer.endswith("na advies.")
    second, first = article_versions(article=updated)
    assert (second.version, second.change_note, first.answer) == (2, "Nuance", "Het districtscollege.")


def test_an_edit_without_changes_makes_no_version(article, helpdesk):
    same = article_update(article=article, actor=helpdesk, title=article.title, answer="  Het districtscollege. ")
    assert same.version == 1 and len(article_versions(article=article)) == 1


def test_an_edit_is_checked_like_a_new_article(article, helpdesk):
    with pytest.raises(ValidationError):
        article_update(article=article, actor=helpdesk, answer="")
    with pytest.raises(TypeError):
        article_update(article=article, actor=helpdesk, helpful_yes=100)
    assert KnowledgeArticle.objects.get(pk=article.pk).version == 1


def test_a_version_is_never_changed(article):
    version = article.versions.get()
    version.answer = "rewritten"
    with pytest.raises(AppendOnlyError):
        version.save()


def test_a_vote_counts_once_per_user(article, make_user):
    voter = make_user("citizen")
    article_vote(article=article, helpful=True, user=voter)
    counted = article_vote(article=article, helpful=True, user=voter)
    assert (counted.helpful_yes, counted.helpful_no) == (1, 0)


def test_a_second_answer_replaces_the_first(article, make_user):
    voter = make_user("citizen")
    article_vote(article=article, helpful=True, user=voter)
    changed = article_vote(article=article, helpful=False, user=voter)
    assert (changed.helpful_yes, changed.helpful_no) == (0, 1)
    assert KnowledgeVote.objects.filter(article=article).count() == 1


def test_anonymous_votes_count_per_session(article):
    article_vote(article=article, helpful=True, session_key="a" * 32)
    article_vote(article=article, helpful=True, session_key="a" * 32)
    counted = article_vote(article=article, helpful=True, session_key="b" * 32)
    assert counted.helpful_yes == 2


def test_a_vote_without_user_or_session_is_refused(article):
    with pytest.raises(ValidationError):
        article_vote(article=article, helpful=True)


def test_votes_make_no_version(article, make_user):
    voted = article_vote(article=article, helpful=True, user=make_user("citizen"))
    assert voted.version == 1 and voted.generation == article.generation


def test_the_service_page_gets_only_public_articles(catalogue, helpdesk):
    service = Service.objects.get(slug="grofvuil")
    public = set(articles_for_service(service=service))
    staff = set(articles_for_service(service=service, user=helpdesk))
    assert public and all(a.audience == "public" for a in public)
    assert public < staff


def test_the_district_page_gets_public_articles_about_its_own_competences(catalogue):
    deurne = set(articles_for_district(district=District.objects.get(slug="deurne")))
    borgerhout = set(articles_for_district(district=District.objects.get(slug="borgerhout")))
    titles = {a.title for a in deurne}
    assert "Buurtfeest in Deurne: materiaal uitlenen" in titles
    assert "Rommelmarkt in Borgerhout: wanneer aanvragen?" not in titles
    assert "Straatfeest organiseren: wie geeft de toelating?" in titles  # a district topic, for every district
    assert all(a.audience == "public" and a.topic.level == "district" for a in deurne | borgerhout)


def test_the_demo_has_about_forty_articles_and_loads_twice_without_changes(catalogue):
    count, versions = KnowledgeArticle.objects.count(), KnowledgeArticle.objects.filter(version__gt=1).count()
    assert 35 <= count <= 50
    assert KnowledgeArticle.objects.filter(audience="public").exists()
    assert KnowledgeArticle.objects.filter(audience="internal").exists()
    assert KnowledgeArticle.objects.filter(service__isnull=False).values("service").distinct().count() >= 20
    demo_knowledge.load(log=lambda line: None)
    assert KnowledgeArticle.objects.count() == count
    assert KnowledgeArticle.objects.filter(version__gt=1).count() == versions


def test_the_demo_sets_an_edited_article_back_as_a_new_version(catalogue, helpdesk):
    article = KnowledgeArticle.objects.get(title="Grofvuil: wat wordt opgehaald en wat niet?")
    article_update(article=article, actor=helpdesk, answer="Alles.")
    demo_knowledge.load(log=lambda line: None)
    article.refresh_from_db()
    assert article.version == 3 and article.answer.startswith("Grote stukken huisraad")
