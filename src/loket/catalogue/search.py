"""Service search: an in-memory index of the catalogue, built once per process.

Why our own index and not PostgreSQL full-text search: see docs/decisions/0003-service-search-index.md.
In short: the catalogue is small (hundreds to a few thousand rows), the search must behave the same
on SQLite and PostgreSQL, and citizens' words need synonyms, typo tolerance and prefix matching
that are awkward in SQL but cheap in memory.

The index holds, per stem, the weighted fields of each service it occurs in (name > synonyms >
summary > description), an inverse document frequency, a sorted vocabulary for prefix matching
(search-as-you-type) and a character-trigram index of the vocabulary for typos. A query word that
is not in the vocabulary is expanded to known stems by prefix, by splitting a compound, and by
trigram similarity, each at a discount.

Freshness: saving or deleting a service or topic in this process drops the index at once; other
processes compare a cheap version (count and latest ``updated_at`` of the services) at most once
every ``CHECK_SECONDS`` and rebuild when it changed.
"""

from __future__ import annotations

import gc
import heapq
import math
import threading
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple

from django.db.models import Count, Max

from loket.catalogue.models import Service
from loket.catalogue.text import STOPWORDS, analyse, normalize, stem, trigrams

CHECK_SECONDS = 3.0
FIELD_WEIGHTS = {"name": 6.0, "synonyms": 4.0, "summary": 2.0, "description": 1.0}
FUZZY_MIN_SIMILARITY = 0.5
PREFIX_QUALITY = 0.8
COMPOUND_QUALITY = 0.7
MAX_HITS = 100
RELATIVE_CUTOFF = 0.2  # drop hits scoring below this share of the best hit


@dataclass(frozen=True)
class IndexedService:
    id: int
    slug: str
    name: str
    topic_slug: str
    level: str
    online: bool


class SearchHit(NamedTuple):
    service: IndexedService
    score: float


class SearchIndex:
    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.docs: list[IndexedService] = []
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for position, row in enumerate(rows):
            self.docs.append(
                IndexedService(
                    id=row["id"],
                    slug=row["slug"],
                    name=row["name"],
                    topic_slug=row["topic__slug"],
                    level=row["topic__level"],
                    online=row["online"],
                )
            )
            weights: dict[str, float] = defaultdict(float)
            for field, weight in FIELD_WEIGHTS.items():
                stems = analyse(row[field] or "")
                counts: dict[str, int] = defaultdict(int)
                for s in stems:
                    counts[s] += 1
                for s, n in counts.items():
                    # A word's presence in a field counts most; repetitions add a little.
                    weights[s] += weight * (1.0 + 0.2 * math.log(n))
            for s, w in weights.items():
                postings[s][position] = w
        self.postings = dict(postings)
        total = max(len(self.docs), 1)
        self.idf = {s: math.log(1.0 + total / len(docs)) for s, docs in self.postings.items()}
        # Per stem, what it adds to each service's score: idf times the field weights.
        self.scored = {s: {pos: self.idf[s] * w for pos, w in docs.items()} for s, docs in self.postings.items()}
        by_name = sorted(range(len(self.docs)), key=lambda pos: self.docs[pos].name.lower())
        self.name_rank = [0] * len(self.docs)
        for rank, pos in enumerate(by_name):
            self.name_rank[pos] = rank
        self.vocabulary = sorted(self.postings)
        grams: dict[str, list[str]] = defaultdict(list)
        self.term_grams: dict[str, frozenset[str]] = {}
        for term in self.vocabulary:
            tg = trigrams(term)
            self.term_grams[term] = tg
            for gram in tg:
                grams[gram].append(term)
        self.grams = dict(grams)

    # --- expanding a query word to known stems --------------------------------------------
    def _by_prefix(self, prefix: str, limit: int = 20) -> list[str]:
        found = []
        start = bisect_left(self.vocabulary, prefix)
        for term in self.vocabulary[start : start + limit]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return found

    def _by_compound(self, word: str) -> list[str]:
        """'parkeerkaartaanvraag' → 'parkeerkaart' + 'aanvraag' when both parts are known."""
        for cut in range(len(word) - 4, 3, -1):
            head, tail = word[:cut], word[cut:]
            head_stem = stem(head)
            for tail_word in (tail, tail[1:] if tail[0] in "se" else None):
                if tail_word and len(tail_word) >= 4:
                    tail_stem = stem(tail_word)
                    if head_stem in self.postings and tail_stem in self.postings:
                        return [head_stem, tail_stem]
        return []

    def _by_similarity(self, term: str, limit: int = 3) -> list[tuple[str, float]]:
        query = trigrams(term)
        shared: dict[str, int] = defaultdict(int)
        for gram in query:
            for candidate in self.grams.get(gram, ()):
                shared[candidate] += 1
        scored = []
        for candidate, common in shared.items():
            similarity = 2.0 * common / (len(query) + len(self.term_grams[candidate]))
            if similarity >= FUZZY_MIN_SIMILARITY:
                scored.append((candidate, similarity))
        scored.sort(key=lambda item: -item[1])
        return scored[:limit]

    def expand(self, word: str) -> list[tuple[str, float]]:
        """Known stems for one normalised query word, each with a match quality in (0, 1]."""
        term = stem(word)
        if term in self.postings:
            return [(term, 1.0)]
        found: dict[str, float] = {}
        if len(word) >= 3:
            for candidate in self._by_prefix(term) + self._by_prefix(word):
                found[candidate] = PREFIX_QUALITY
        for part in self._by_compound(word):
            found.setdefault(part, COMPOUND_QUALITY)
        if len(word) >= 4:
            for candidate, similarity in self._by_similarity(term):
                found[candidate] = max(found.get(candidate, 0.0), similarity * similarity)
        return list(found.items())

    # --- ranking ---------------------------------------------------------------------------
    def _contributions(self, word: str) -> dict[int, float]:
        """Per service position, what one query word adds to the score (its best expansion)."""
        expansions = self.expand(word)
        if len(expansions) == 1 and expansions[0][1] == 1.0:
            return self.scored[expansions[0][0]]
        best: dict[int, float] = {}
        for term, quality in expansions:
            for position, value in self.scored[term].items():
                value *= quality
                if value > best.get(position, 0.0):
                    best[position] = value
        return best

    def search(self, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
        """The best ``limit`` services for the citizen's words; nobody reads past the first hundred."""
        query_words = list(dict.fromkeys(w for w in normalize(query).split() if w not in STOPWORDS))
        contributions = [c for c in (self._contributions(w) for w in query_words) if c]
        if not contributions:
            return []
        if len(contributions) == 1:
            final = contributions[0]
        else:
            scores: dict[int, float] = {}
            matched: Counter[int] = Counter()
            for contribution in contributions:
                get = scores.get
                for position, value in contribution.items():
                    scores[position] = get(position, 0.0) + value
                matched.update(contribution.keys())  # counted in C
            # Services that match more of the citizen's words rank higher.
            share = 0.5 / len(query_words)
            final = {position: score * (0.5 + share * matched[position]) for position, score in scores.items()}
        threshold = max(final.values()) * RELATIVE_CUTOFF
        top = heapq.nlargest(limit, final.items(), key=itemgetter(1))
        rank = self.name_rank
        top.sort(key=lambda item: (-item[1], rank[item[0]]))
        docs = self.docs
        return [SearchHit(docs[pos], score) for pos, score in top if score >= threshold]


# --- the per-process index and its freshness -----------------------------------------------
_lock = threading.Lock()
_state: dict[str, Any] = {"index": None, "version": None, "checked_at": 0.0}


def _catalogue_version() -> tuple[int, Any]:
    row = Service.objects.filter(active=True).aggregate(n=Count("id"), last=Max("updated_at"))
    return row["n"], row["last"]


def _build() -> SearchIndex:
    rows = list(
        Service.objects.filter(active=True).values(
            "id", "slug", "name", "synonyms", "summary", "description", "online", "topic__slug", "topic__level"
        )
    )
    return SearchIndex(rows)


def search_index() -> SearchIndex:
    """The current index; rebuilt when this process changed the catalogue or the version moved."""
    now = time.monotonic()
    index = _state["index"]
    if index is not None and now - _state["checked_at"] < CHECK_SECONDS:
        return index
    with _lock:
        version = _catalogue_version()
        if _state["index"] is None or version != _state["version"]:
            _state["index"] = _build()
            _state["version"] = version
            # The index is hundreds of thousands of long-lived objects: keep them out of the
            # cyclic garbage collector's way so a collection never pauses a search.
            gc.collect()
            gc.freeze()
        _state["checked_at"] = time.monotonic()
        return _state["index"]


def search_index_invalidate(**_: Any) -> None:
    """Drop the index; the next search rebuilds it. Connected to saves and deletes in apps.py."""
    with _lock:
        _state["index"] = None
        _state["version"] = None


def service_search(
    *, q: str, topic: str | None = None, level: str | None = None, online: bool | None = None
) -> list[SearchHit]:
    """Active services matching the citizen's words ``q``, best match first, optionally filtered."""
    hits = search_index().search(q)
    if topic is not None:
        hits = [h for h in hits if h.service.topic_slug == topic]
    if level is not None:
        hits = [h for h in hits if h.service.level == level]
    if online is not None:
        hits = [h for h in hits if h.service.online == online]
    return hits


def service_search_services(*, q: str, limit: int = 20, **filters: Any) -> list[Service]:
    """The best ``limit`` services as model instances, in ranking order."""
    hits = service_search(q=q, **filters)[:limit]
    by_id = Service.objects.select_related("topic").in_bulk([h.service.id for h in hits])
    return [by_id[h.service.id] for h in hits if h.service.id in by_id]
