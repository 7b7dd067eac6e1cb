"""Service search: an in-memory index of the catalogue, built once per process.

Why our own index and not PostgreSQL full-text search: see docs/decisions/0003-service-search-index.md.
In short: the catalogue is small (hundreds to a few thousand rows), the search must behave the same
on SQLite and PostgreSQL, and citizens' words need synonyms, typo tolerance and prefix matching
that are awkward in SQL but cheap in memory.

The index (``textindex.TextIndex``, shared with the knowledge search) holds, per stem, the weighted
fields of each service it occurs in (name > synonyms > summary > description), an inverse document
frequency, a sorted vocabulary for prefix matching (search-as-you-type) and a character-trigram index
of the vocabulary for typos. A query word that is not in the vocabulary is expanded to known stems by
prefix, by splitting a compound, and by trigram similarity, each at a discount.

Freshness: saving or deleting a service or topic in this process drops the index at once; other
processes compare a cheap version (count and latest ``updated_at`` of the services) at most once
every ``CHECK_SECONDS`` and rebuild when it changed.
"""

from __future__ import annotations

import gc
import heapq
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple

from django.db.models import Count, Max

from loket.catalogue.models import Service
from loket.catalogue.textindex import TextIndex

CHECK_SECONDS = 3.0
FIELD_WEIGHTS = {"name": 6.0, "synonyms": 4.0, "summary": 2.0, "description": 1.0}
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


class SearchIndex(TextIndex):
    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        rows = list(rows)
        super().__init__(FIELD_WEIGHTS, rows)
        self.docs = [
            IndexedService(
                id=row["id"],
                slug=row["slug"],
                name=row["name"],
                topic_slug=row["topic__slug"],
                level=row["topic__level"],
                online=row["online"],
            )
            for row in rows
        ]
        by_name = sorted(range(len(self.docs)), key=lambda pos: self.docs[pos].name.lower())
        self.name_rank = [0] * len(self.docs)
        for rank, pos in enumerate(by_name):
            self.name_rank[pos] = rank

    def search(self, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
        """The best ``limit`` services for the citizen's words; nobody reads past the first hundred."""
        final = self.scores(query)
        if not final:
            return []
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
