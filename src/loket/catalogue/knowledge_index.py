"""The in-memory index of the knowledge base: Dutch, typo-tolerant, fresh across processes.

Built on the service search's text index (``textindex.TextIndex``, decision 0003): the same stems,
accent folding, prefix matching, compound splitting and trigrams. The fields and their weights:
title > question > the service's name and synonyms > the topic's name > answer, so an article about
the resident's parking card is found for "parkeerkaart", the word citizens use for it.

Freshness: every write to an article raises the ``KnowledgeGeneration`` row in the write's own
transaction and stamps the article with the new value (``knowledge_generation_bump``). Each search
reads that one row by primary key; when it moved, the index reloads only the articles stamped after
the generation it holds and puts them in place (no rebuild of 20,000 articles for one edit). A
deleted article is noticed by the count of rows and answered by a full rebuild. Saving a service
or topic in this process drops the index (their words are part of the articles' text).
Code that writes articles directly (bulk inserts) must call ``knowledge_generation_bump`` and stamp
the rows, or drop the index with ``knowledge_index_invalidate``.

Ranking: a search does not sum every posting of common words over 20,000 articles; it walks the
postings best first and stops when nothing unseen can enter the top (``TextIndex.top``). Visibility
is decided per candidate by the caller's filter; the selectors check each returned row once more
against the database row, so a stale index can cost a hit but never show too much. One lock per
process guards the index: a catch-up never changes it under a running search.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from loket.catalogue.models import KnowledgeArticle, KnowledgeGeneration
from loket.catalogue.textindex import TextIndex

FIELD_WEIGHTS = {"title": 6.0, "question": 4.0, "service": 3.0, "topic": 2.0, "answer": 1.0}
RELATIVE_CUTOFF = 0.1  # drop hits scoring below this share of the best visible hit (an answer-only match stays)
NO_END = dt.date.max.toordinal()
ROW_FIELDS = (
    "id",
    "title",
    "question",
    "answer",
    "audience",
    "published",
    "valid_from",
    "valid_until",
    "service_id",
    "topic_id",
    "competence__district_id",
    "service__name",
    "service__synonyms",
    "topic__name",
)


@dataclass(slots=True)
class IndexedArticle:
    id: int
    public: bool
    published: bool
    valid_from: int  # date ordinals; 0 and NO_END when open
    valid_until: int
    service_id: int | None
    topic_id: int | None
    district_id: int | None  # the district of the article's competence; None for the city or every district
    title: str


@dataclass(frozen=True)
class ArticleFilter:
    """What one searcher may see: staff also internal articles; only published ones valid on ``day``."""

    day: dt.date
    staff: bool = False
    service_id: int | None = None
    topic_id: int | None = None
    district_id: int | None = None  # hide articles about another district's competence

    def allows(self, doc: IndexedArticle) -> bool:
        day = self.day.toordinal()
        return (
            doc.published
            and (self.staff or doc.public)
            and doc.valid_from <= day <= doc.valid_until
            and (self.service_id is None or doc.service_id == self.service_id)
            and (self.topic_id is None or doc.topic_id == self.topic_id)
            and (self.district_id is None or doc.district_id in (None, self.district_id))
        )


def _fields(row: Mapping[str, Any]) -> dict[str, str]:
    return {
        "title": row["title"],
        "question": row["question"],
        "answer": row["answer"],
        "service": f"{row['service__name'] or ''}\n{row['service__synonyms'] or ''}",
        "topic": row["topic__name"] or "",
    }


def _doc(row: Mapping[str, Any]) -> IndexedArticle:
    return IndexedArticle(
        id=row["id"],
        public=row["audience"] == "public",
        published=row["published"],
        valid_from=row["valid_from"].toordinal() if row["valid_from"] else 0,
        valid_until=row["valid_until"].toordinal() if row["valid_until"] else NO_END,
        service_id=row["service_id"],
        topic_id=row["topic_id"],
        district_id=row["competence__district_id"],
        title=row["title"].lower(),
    )


class KnowledgeIndex:
    def __init__(self, rows: Iterable[Mapping[str, Any]], generation: int) -> None:
        rows = list(rows)
        self.generation = generation
        self.text = TextIndex(FIELD_WEIGHTS, (_fields(row) for row in rows))
        docs = [_doc(row) for row in rows]
        self.docs: list[IndexedArticle | None] = list(docs)
        self.position_of = {doc.id: pos for pos, doc in enumerate(docs)}
        self.visible: set[int] = set()  # published
        self.visible_public: set[int] = set()  # published and public
        self.by_service: dict[int, set[int]] = {}
        for pos, doc in enumerate(docs):
            self._remember(pos, doc)

    def __len__(self) -> int:
        return len(self.position_of)

    def _remember(self, pos: int, doc: IndexedArticle) -> None:
        if not doc.published:
            return
        self.visible.add(pos)
        if doc.public:
            self.visible_public.add(pos)
        if doc.service_id is not None:
            self.by_service.setdefault(doc.service_id, set()).add(pos)

    def _forget(self, pos: int, doc: IndexedArticle) -> None:
        self.visible.discard(pos)
        self.visible_public.discard(pos)
        if doc.service_id is not None:
            self.by_service.get(doc.service_id, set()).discard(pos)

    def put(self, row: Mapping[str, Any]) -> None:
        """Index a new or changed article in place."""
        pos = self.position_of.get(row["id"])
        if pos is None:
            pos = len(self.docs)
            self.docs.append(None)
            self.position_of[row["id"]] = pos
        old = self.docs[pos]
        if old is not None:
            self._forget(pos, old)
        self.text.put(pos, _fields(row))
        self.docs[pos] = doc = _doc(row)
        self._remember(pos, doc)

    def search(self, query: str, *, allow: ArticleFilter, limit: int) -> list[tuple[IndexedArticle, float]]:
        """The best ``limit`` articles that ``allow`` lets through, best first (ties by title)."""
        candidates = self.visible if allow.staff else self.visible_public
        if allow.service_id is not None:
            candidates = candidates & self.by_service.get(allow.service_id, set())
        docs = self.docs
        allows = allow.allows

        def accept(position: int) -> bool:
            doc = docs[position]
            return position in candidates and doc is not None and allows(doc)

        hits = self.text.top(query, limit, accept, candidates)
        if not hits:
            return []
        threshold = hits[0][1] * RELATIVE_CUTOFF
        found = [(docs[pos], score) for pos, score in hits if score >= threshold]
        found.sort(key=lambda hit: (-hit[1], hit[0].title))  # type: ignore[union-attr]
        return found  # type: ignore[return-value]


# --- the generation: one row raised by every write ------------------------------------------------
_GENERATION_SQL = f"SELECT value FROM {KnowledgeGeneration._meta.db_table} WHERE id = 1"  # noqa: S608 (no input)


def knowledge_generation() -> int:
    """The committed generation of the knowledge base (0 before the first write).

    Plain SQL: it runs before every search, and the ORM's query building would cost more than the read.
    """
    with connection.cursor() as cursor:
        cursor.execute(_GENERATION_SQL)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def knowledge_generation_bump() -> int:
    """Raise the generation inside the caller's transaction and return the new value.

    The row stays locked until the caller commits, so writers are stamped in commit order. The value
    is at least the current time in microseconds: a generation that was rolled back (a test's
    transaction) is never issued again, so an index built on it cannot pass for current later.
    """
    floor = Value(time.time_ns() // 1000)
    for _attempt in range(2):
        if KnowledgeGeneration.objects.filter(pk=1).update(value=Greatest(F("value") + 1, floor)):
            return int(KnowledgeGeneration.objects.values_list("value", flat=True).get(pk=1))
        try:
            with transaction.atomic():
                KnowledgeGeneration.objects.create(pk=1, value=0)
        except IntegrityError:
            pass  # another writer created it first
    raise RuntimeError("the knowledge generation row cannot be written")


# --- the per-process index ------------------------------------------------------------------------
_lock = threading.RLock()
_state: dict[str, Any] = {"index": None}


def _rows(**filters: Any) -> list[dict[str, Any]]:
    return list(KnowledgeArticle.objects.filter(**filters).order_by("id").values(*ROW_FIELDS))


def _build() -> KnowledgeIndex:
    generation = knowledge_generation()  # read before the rows: a later write is reloaded next time
    index = KnowledgeIndex(_rows(), generation)
    # Long-lived objects: keep them out of the cyclic garbage collector's way (as search.py does).
    gc.collect()
    gc.freeze()
    return index


def _catch_up(index: KnowledgeIndex, generation: int) -> KnowledgeIndex:
    for row in _rows(generation__gt=index.generation):
        index.put(row)
    index.generation = generation
    if KnowledgeArticle.objects.count() != len(index):
        return _build()  # an article was deleted (or written without a generation)
    return index


def _current(generation: int) -> KnowledgeIndex:
    """The index as of ``generation`` (call with the lock held): built once, then kept up to date in place."""
    index = _state["index"]
    if index is None or generation < index.generation:
        index = _build()  # the first search, or the database went back (a restored backup, a test's rollback)
    elif index.generation != generation:
        index = _catch_up(index, generation)
    _state["index"] = index
    return index


def knowledge_index() -> KnowledgeIndex:
    """The current index (for inspection; searches go through ``knowledge_search``)."""
    generation = knowledge_generation()
    with _lock:
        return _current(generation)


def knowledge_search(query: str, *, allow: ArticleFilter, limit: int) -> list[tuple[IndexedArticle, float]]:
    """Search the current index. The lock keeps a catch-up in another thread from changing the index
    under a running search; a search takes milliseconds, and a process rarely runs two at once."""
    generation = knowledge_generation()
    with _lock:
        return _current(generation).search(query, allow=allow, limit=limit)


def knowledge_index_invalidate(**_: Any) -> None:
    """Drop the index; the next search rebuilds it. Connected to service and topic saves in apps.py."""
    with _lock:
        _state["index"] = None
