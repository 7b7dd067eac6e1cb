"""The shared text index: ``top`` answers what summing every posting would, and edits keep it true."""

from __future__ import annotations

import heapq
import random

import pytest

from loket.catalogue.textindex import TextIndex

WEIGHTS = {"title": 6.0, "body": 1.0}
WORDS = (  # noqa: SIM905 (a readable word list)
    "vergunning straatfeest district stad parkeren bewonerskaart identiteitskaart afspraak loket verhuizen "
    "adres subsidie vereniging zaal huren grofvuil container signalisatie terras markt kermis speelstraat"
).split()


def corpus(n: int, seed: int = 3) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [
        {"title": " ".join(rng.choices(WORDS, k=3)), "body": " ".join(rng.choices(WORDS, k=rng.randint(5, 30)))}
        for _ in range(n)
    ]


def by_summing(index: TextIndex, query: str, limit: int, accept=lambda position: True) -> list[float]:
    scores = [score for position, score in index.scores(query).items() if accept(position)]
    return heapq.nlargest(limit, scores)


@pytest.mark.parametrize(
    "query", ["straatfeest", "vergunning district", "verhuizen adres afspraak", "verg", "identiteitskart", "x"]
)
def test_top_finds_the_same_best_scores_as_summing_everything(query):
    index = TextIndex(WEIGHTS, corpus(3000))
    found = index.top(query, 10, accept=lambda position: True)
    assert [round(score, 9) for _, score in found] == [round(s, 9) for s in by_summing(index, query, 10)]


def test_top_skips_what_the_caller_does_not_accept():
    index = TextIndex(WEIGHTS, corpus(3000))
    even = lambda position: position % 2 == 0  # noqa: E731
    found = index.top("subsidie vereniging", 10, accept=even)
    assert all(position % 2 == 0 for position, _ in found)
    assert [round(s, 9) for _, s in found] == [round(s, 9) for s in by_summing(index, "subsidie vereniging", 10, even)]


def test_top_scores_a_small_candidate_set_directly():
    index = TextIndex(WEIGHTS, corpus(500))
    candidates = set(range(0, 500, 7))
    found = index.top("kermis markt", 5, accept=lambda position: position in candidates, candidates=candidates)
    assert {position for position, _ in found} <= candidates
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


def test_a_put_and_a_drop_are_seen_by_the_next_top():
    index = TextIndex(WEIGHTS, corpus(2000))
    index.top("straatfeest", 5, accept=lambda position: True)  # sorts the postings
    index.put(2000, {"title": "straatfeest straatfeest zonnebril", "body": "straatfeest"})
    found = index.top("straatfeest", 50, accept=lambda position: True)
    assert 2000 in dict(found)
    assert [round(s, 9) for _, s in found] == [round(s, 9) for s in by_summing(index, "straatfeest", 50)]
    assert index.top("zonnebril", 5, accept=lambda position: True) == [
        (2000, pytest.approx(index.scores("zonnebril")[2000]))
    ]
    index.drop(2000)
    assert index.top("zonnebril", 5, accept=lambda position: True) == []
    assert 2000 not in dict(index.top("straatfeest", 50, accept=lambda position: True))


def test_replacing_a_document_from_the_full_build_forgets_its_old_words():
    index = TextIndex(WEIGHTS, [{"title": "oude kermis", "body": ""}, {"title": "markt", "body": ""}])
    index.put(0, {"title": "nieuwe markt", "body": ""})
    assert index.scores("kermis") == {}
    assert set(index.scores("markt")) == {0, 1}
    assert "kermis" not in index.vocabulary
