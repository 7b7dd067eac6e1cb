from __future__ import annotations

import pytest

from loket.catalogue.models import Service, Topic
from loket.catalogue.search import service_search, service_search_services


def first_hit(q: str, **filters) -> str:
    hits = service_search(q=q, **filters)
    assert hits, f"no result for {q!r}"
    return hits[0].service.slug


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        ("ik ben mijn identiteitskaart kwijt", "identiteitskaart"),
        ("we gaan verhuizen", "adreswijziging"),
        ("trouwen", "huwelijk"),
        ("parkeerkaart", "bewonerskaart"),
        ("container op straat voor verbouwing", "signalisatievergunning"),
        ("paspoort", "reispas"),
        ("bewijs van goed gedrag", "uittreksel-strafregister"),
        ("zetel weg", "grofvuil"),
    ],
)
def test_it_finds_the_service_from_a_citizens_own_words(catalogue, wording, expected):
    assert first_hit(wording) == expected


def test_it_tolerates_a_typo(catalogue):
    assert first_hit("identitijtskaart") == "identiteitskaart"


def test_it_ignores_accents_and_case(catalogue):
    assert first_hit("IDENTITEITSKÄART") == "identiteitskaart"
    assert first_hit("beëindigen samenwoning") == "wettelijke-samenwoning"


def test_it_matches_inflections(catalogue):
    assert first_hit("verhuizing") == "adreswijziging"
    assert first_hit("paspoorten") == "reispas"


def test_it_completes_a_word_being_typed(catalogue):
    assert first_hit("identi") == "identiteitskaart"


def test_it_finds_nothing_for_gibberish_or_only_stopwords(catalogue):
    assert service_search(q="xyzzy qwrtp") == []
    assert service_search(q="ik ben de") == []
    assert service_search(q="") == []


def test_it_filters_by_level_and_topic(catalogue):
    hits = service_search(q="uittreksel", level="district")
    assert hits and all(h.service.level == "district" for h in hits)
    assert first_hit("uittreksel", topic="bevolkingsregister") in {"bewijs-van-woonst", "uittreksel-strafregister"}


def test_a_new_service_is_found_right_after_it_is_saved(catalogue):
    assert service_search(q="hondenpenning") == []
    Service.objects.create(
        slug="hondenpenning", name="Hondenpenning", topic=Topic.objects.get(slug="overlast"), synonyms="hond"
    )
    assert first_hit("hondenpenning") == "hondenpenning"


def test_an_inactive_service_is_not_found(catalogue):
    Service.objects.filter(slug="reispas").update(active=False)
    from loket.catalogue.search import search_index_invalidate

    search_index_invalidate()
    assert "reispas" not in [h.service.slug for h in service_search(q="reispas paspoort")]


def test_it_returns_model_instances_in_ranking_order(catalogue):
    services = service_search_services(q="huwelijk", limit=2)
    assert services[0].slug == "huwelijk"
