"""Knowledge search: Dutch words, typos and compounds; who sees what; an index that follows every edit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loket.catalogue import knowledge_index
from loket.catalogue.knowledge import article_publish, article_search, article_update
from loket.catalogue.models import Competence, KnowledgeArticle, Service, Topic
from loket.organisation.models import District


@pytest.fixture
def agent(make_user):
    return make_user("agent")


@pytest.fixture
def citizen(make_user):
    return make_user("citizen")


@pytest.fixture
def publish(catalogue, agent):
    def make(**values):
        values.setdefault("question", "Een vraag van een burger.")
        values.setdefault("answer", "Het antwoord van de stad.")
        values.setdefault("actor", agent)
        return article_publish(**values)

    return make


def titles(articles):
    return [article.title for article in articles]


def test_it_finds_an_article_by_another_form_of_the_word(publish, agent):
    article = publish(title="Verhuizing van een vereniging", answer="De zetel van de vereniging verhuist.")
    assert article in article_search(q="verhuizen verenigingen", user=agent)


def test_it_tolerates_a_typo(publish, agent):
    article = publish(title="Zwembadabonnement voor senioren", answer="Senioren krijgen korting.")
    assert article_search(q="zwembadabonement", user=agent)[0] == article


def test_it_splits_a_compound_into_known_words(publish, agent):
    article = publish(title="Vergunning voor een kraam", question="Wie geeft de vergunning voor een kraam?")
    assert article in article_search(q="kraamvergunning", user=agent)


def test_it_matches_while_the_word_is_being_typed(publish, agent):
    article = publish(title="Waterschade aan de kelder", answer="Meld waterschade meteen.")
    assert article in article_search(q="waterscha", user=agent)


def test_accents_do_not_matter(publish, agent):
    article = publish(title="Reünie in de feestzaal", answer="Een reünie vraagt een zaal.")
    assert article in article_search(q="reunie", user=agent)


def test_the_words_citizens_use_for_the_service_find_its_articles(publish, agent):
    article = publish(title="Tweede kaart voor de partner", service=Service.objects.get(slug="bewonerskaart"))
    # "parkeerkaart" is only a synonym of the resident's parking card service, not in the article.
    assert article in article_search(q="parkeerkaart", user=agent)


def test_the_title_ranks_above_the_answer(publish, agent):
    in_answer = publish(title="Iets anders", answer="Over een hondenpenning gesproken.")
    in_title = publish(title="Hondenpenning aanvragen")
    assert titles(article_search(q="hondenpenning", user=agent))[:2] == [in_title.title, in_answer.title]


def test_a_search_can_be_limited_to_one_service(publish, agent):
    eid = Service.objects.get(slug="identiteitskaart")
    mine = publish(title="Fotohokje voor de eID", service=eid)
    publish(title="Fotohokje voor de reispas", service=Service.objects.get(slug="reispas"))
    assert article_search(q="fotohokje", user=agent, service=eid) == [mine]


def test_without_words_it_lists_the_service_articles(publish, citizen):
    eid = Service.objects.get(slug="identiteitskaart")
    article = publish(title="Aaa eerst", service=eid, audience="public")
    assert article_search(q="", user=citizen, service=eid)[0] == article
    assert article_search(q="  ", user=citizen) == []


def test_the_limit_caps_the_answer(publish, agent):
    for n in range(5):
        publish(title=f"Fietsenstalling {n}")
    assert len(article_search(q="fietsenstalling", user=agent, limit=3)) == 3


def test_words_nobody_wrote_find_nothing(catalogue, agent):
    assert article_search(q="xyzzyqwv", user=agent) == []


# --- who sees what ---------------------------------------------------------------------------------
def test_a_citizen_never_sees_an_internal_article(publish, citizen):
    publish(title="Interne werkwijze voor de bladblazer", audience="internal")
    public = publish(title="Bladblazer lenen werkwijze", audience="public")
    assert article_search(q="bladblazer werkwijze", user=citizen) == [public]
    assert article_search(q="interne werkwijze", user=None) == [public]


def test_staff_see_internal_and_public_articles(publish, agent):
    internal = publish(title="Kerstmarkt interne afspraken", audience="internal")
    public = publish(title="Kerstmarkt bezoeken", audience="public")
    assert set(article_search(q="kerstmarkt", user=agent)) == {internal, public}


def test_articles_outside_their_validity_are_hidden(publish, agent):
    today = timezone.localdate()
    expired = publish(title="Paasactie oud", valid_until=today - dt.timedelta(days=1))
    future = publish(title="Paasactie nieuw", valid_from=today + dt.timedelta(days=1))
    current = publish(title="Paasactie nu", valid_from=today, valid_until=today)
    found = article_search(q="paasactie", user=agent)
    assert current in found and expired not in found and future not in found


def test_an_unpublished_article_is_hidden(publish, agent):
    article = publish(title="Zomerbar in het park")
    article_update(article=article, actor=agent, published=False)
    assert article_search(q="zomerbar", user=agent) == []


def test_district_staff_do_not_see_another_district_s_articles(publish, make_user):
    topic = Topic.objects.get(slug="lokale-feestelijkheden")
    deurne = Competence.objects.get(topic=topic, district__slug="deurne")
    merksem = Competence.objects.get(topic=topic, district__slug="merksem")
    own = publish(title="Feestmateriaal in Deurne", competence=deurne)
    publish(title="Feestmateriaal in Merksem", competence=merksem)
    general = publish(title="Feestmateriaal in het algemeen", topic=topic)
    found = article_search(q="feestmateriaal", user=make_user("district_staff", district="deurne"))
    assert set(found) == {own, general}


def test_the_district_filter_leaves_out_other_districts(publish, agent):
    topic = Topic.objects.get(slug="lokale-feestelijkheden")
    merksem = publish(
        title="Springkasteel in Merksem", competence=Competence.objects.get(topic=topic, district__slug="merksem")
    )
    found = article_search(q="springkasteel", user=agent, district=District.objects.get(slug="deurne"))
    assert merksem not in found
    assert merksem in article_search(q="springkasteel", user=agent, district=District.objects.get(slug="merksem"))


# --- the index follows every change ---------------------------------------------------------------
def test_an_edit_is_found_by_the_next_search(publish, agent):
    article = publish(title="Oude titel over bladkorven")
    assert article_search(q="bladkorven", user=agent) == [article]
    article_update(article=article, actor=agent, title="Nieuwe titel over composteren", answer="Composteren.")
    assert article_search(q="bladkorven", user=agent) == []
    assert article_search(q="composteren", user=agent) == [article]


def test_a_change_made_by_another_process_is_seen_through_the_generation(publish, agent, citizen):
    article = publish(title="Gratis compostvat", audience="public")
    assert article_search(q="compostvat", user=citizen) == [article]
    # Another process: it writes the row and raises the generation; this process's index is not told.
    generation = knowledge_index.knowledge_generation_bump()
    KnowledgeArticle.objects.filter(pk=article.pk).update(title="Gratis regenton", generation=generation)
    assert article_search(q="regenton", user=citizen) == [KnowledgeArticle.objects.get(pk=article.pk)]


def test_a_stale_index_never_shows_an_article_that_turned_internal(publish, citizen):
    article = publish(title="Wachttijden aan het loket", audience="public")
    assert article_search(q="wachttijden", user=citizen) == [article]
    KnowledgeArticle.objects.filter(pk=article.pk).update(audience="internal")  # behind the index's back
    assert article_search(q="wachttijden", user=citizen) == []


def test_a_deleted_article_leaves_the_index(publish, agent):
    article = publish(title="Hondenlosloopweide")
    assert article_search(q="hondenlosloopweide", user=agent) == [article]
    knowledge_index.knowledge_generation_bump()
    article.delete()
    assert article_search(q="hondenlosloopweide", user=agent) == []


def test_each_write_raises_the_generation(catalogue):
    first = knowledge_index.knowledge_generation_bump()
    second = knowledge_index.knowledge_generation_bump()
    assert second > first and knowledge_index.knowledge_generation() == second
