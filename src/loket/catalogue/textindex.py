"""The in-memory Dutch text index behind the service search and the knowledge search (decision 0003).

Documents are numbered positions with weighted text fields. Per stem the index holds what the stem
adds to each document's score (inverse document frequency times the field weights), a sorted
vocabulary for prefix matching (search-as-you-type) and a character-trigram index of the vocabulary
for typos. A query word that is not in the vocabulary is expanded to known stems by prefix, by
splitting a compound, and by trigram similarity, each at a discount.

The service search builds an index once and replaces it whole; the knowledge search also puts and
drops single documents (``put``/``drop``) so that an edit does not cost a rebuild of 20,000 articles.
An incremental put scores new postings with the current inverse document frequencies; the small drift
from a full build's figures disappears at the next full build.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping

from loket.catalogue.text import STOPWORDS, analyse, normalize, stem, trigrams

FUZZY_MIN_SIMILARITY = 0.5
PREFIX_QUALITY = 0.8
COMPOUND_QUALITY = 0.7
DIRECT_SCORING_LIMIT = 3000  # ``top`` scores this many candidates one by one rather than walk the postings


def query_words(query: str) -> list[str]:
    """The distinct meaningful words of a query, normalised, in order."""
    return list(dict.fromkeys(w for w in normalize(query).split() if w not in STOPWORDS))


class TextIndex:
    def __init__(self, weights: Mapping[str, float], documents: Iterable[Mapping[str, str]] = ()) -> None:
        """Index ``documents`` (field → text) at positions 0, 1, 2, … with the given field weights."""
        self.weights = dict(weights)
        # Equal numbers share one float object: an index of a million postings holds a few hundred
        # distinct weights, and a float object per posting would double its memory.
        self._floats: dict[float, float] = {}
        field_weights: dict[str, dict[int, float]] = defaultdict(dict)
        self.size = 0
        for position, fields in enumerate(documents):
            for s, w in self._weigh(fields).items():
                field_weights[s][position] = w
            self.size = position + 1
        total = max(self.size, 1)
        self.idf = {s: math.log(1.0 + total / len(docs)) for s, docs in field_weights.items()}
        # Per stem, what it adds to each document's score: idf times the field weights.
        self.scored: dict[str, dict[int, float]] = {}
        while field_weights:
            s, docs = field_weights.popitem()
            idf, shared = self.idf[s], self._floats
            self.scored[s] = {pos: shared.setdefault(v := idf * w, v) for pos, w in docs.items()}
        self.vocabulary = sorted(self.scored)
        grams: dict[str, list[str]] = defaultdict(list)
        self.term_grams: dict[str, frozenset[str]] = {}
        for term in self.vocabulary:
            tg = trigrams(term)
            self.term_grams[term] = tg
            for gram in tg:
                grams[gram].append(term)
        self.grams = dict(grams)
        # The stems of each document, kept only once a document is put incrementally (to drop it later).
        self.doc_terms: dict[int, tuple[str, ...]] = {}
        # Per stem, its (score, position) postings in ascending order (``top`` reads them from the end),
        # sorted on first use and kept sorted by ``put`` and ``drop``.
        self._ranked: dict[str, list[tuple[float, int]]] = {}

    def _weigh(self, fields: Mapping[str, str]) -> dict[str, float]:
        weights: dict[str, float] = defaultdict(float)
        for field, weight in self.weights.items():
            counts = Counter(analyse(fields.get(field) or ""))
            for s, n in counts.items():
                # A word's presence in a field counts most; repetitions add a little.
                weights[s] += weight * (1.0 + 0.2 * math.log(n))
        shared = self._floats
        return {s: shared.setdefault(w, w) for s, w in weights.items()}

    # --- incremental changes -------------------------------------------------------------------
    def terms_of(self, position: int) -> tuple[str, ...]:
        """The stems of one document (found in the postings when it was indexed in a full build)."""
        if position in self.doc_terms:
            return self.doc_terms[position]
        return tuple(s for s, docs in self.scored.items() if position in docs)

    def put(self, position: int, fields: Mapping[str, str]) -> None:
        """Index a new document at ``position``, or replace the one there."""
        if position < self.size:
            self.drop(position)
        else:
            self.size = position + 1
        weights = self._weigh(fields)
        shared = self._floats
        for s, w in weights.items():
            if s not in self.scored:
                self._add_term(s)
            self.scored[s][position] = value = shared.setdefault(v := self.idf[s] * w, v)
            if s in self._ranked:
                insort(self._ranked[s], (value, position))
        self.doc_terms[position] = tuple(weights)

    def drop(self, position: int) -> None:
        """Remove the document at ``position`` (its position stays taken)."""
        for s in self.terms_of(position):
            docs = self.scored.get(s)
            if docs is None:
                continue
            value = docs.pop(position, None)
            ranked = self._ranked.get(s)
            if ranked is not None and value is not None:
                del ranked[bisect_left(ranked, (value, position))]
            if not docs:
                self._remove_term(s)
        self.doc_terms[position] = ()

    def _add_term(self, term: str) -> None:
        self.scored[term] = {}
        self.idf[term] = math.log(1.0 + max(self.size, 1))
        insort(self.vocabulary, term)
        tg = trigrams(term)
        self.term_grams[term] = tg
        for gram in tg:
            self.grams.setdefault(gram, []).append(term)

    def _remove_term(self, term: str) -> None:
        del self.scored[term], self.idf[term]
        self._ranked.pop(term, None)
        self.vocabulary.pop(bisect_left(self.vocabulary, term))
        for gram in self.term_grams.pop(term):
            self.grams[gram].remove(term)

    # --- expanding a query word to known stems --------------------------------------------------
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
                    if head_stem in self.scored and tail_stem in self.scored:
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
        if term in self.scored:
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

    # --- scoring ---------------------------------------------------------------------------------
    def _contributions(self, word: str) -> dict[int, float]:
        """Per document position, what one query word adds to the score (its best expansion)."""
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

    def scores(self, query: str) -> dict[int, float]:
        """Every matching document's score for ``query`` (do not modify the answer: it may be shared)."""
        words = query_words(query)
        contributions = [c for c in (self._contributions(w) for w in words) if c]
        if not contributions:
            return {}
        if len(contributions) == 1:
            return contributions[0]
        scores: dict[int, float] = {}
        matched: Counter[int] = Counter()
        for contribution in contributions:
            get = scores.get
            for position, value in contribution.items():
                scores[position] = get(position, 0.0) + value
            matched.update(contribution.keys())  # counted in C
        # Documents that match more of the words rank higher.
        share = 0.5 / len(words)
        return {position: score * (0.5 + share * matched[position]) for position, score in scores.items()}

    # --- the best few of many documents -----------------------------------------------------------
    def ranked(self, term: str) -> list[tuple[float, int]]:
        """The stem's (score, position) postings in ascending order (sorted on first use)."""
        ranked = self._ranked.get(term)
        if ranked is None:
            ranked = self._ranked[term] = sorted((v, p) for p, v in self.scored[term].items())
        return ranked

    def top(
        self,
        query: str,
        limit: int,
        accept: Callable[[int], bool],
        candidates: Collection[int] | None = None,
    ) -> list[tuple[int, float]]:
        """The ``limit`` best documents that ``accept`` lets through, best first, scored as ``scores`` scores.

        Common words occur in thousands of documents, and summing every posting costs more than the
        answer is worth. The threshold algorithm (Fagin) walks each word's postings best first, scores
        each new document in full by lookups, and stops as soon as no document not yet seen can beat
        the ``limit``-th found. When the caller already knows a small set of ``candidates`` (one
        service's articles), those are scored one by one instead.
        """
        words = query_words(query)
        expansions = [found for found in (self.expand(w) for w in words) if found]
        if not expansions:
            return []
        scored = self.scored
        lookups = [[(scored[term], quality) for term, quality in found] for found in expansions]
        several = len(lookups) > 1
        share = 0.5 / len(words)

        def score(position: int) -> float:
            total, matched = 0.0, 0
            for terms in lookups:
                best = 0.0
                for postings, quality in terms:
                    value = postings.get(position)
                    if value is not None and value * quality > best:
                        best = value * quality
                if best:
                    total += best
                    matched += 1
            return total * (0.5 + share * matched) if several else total

        if candidates is not None and len(candidates) <= DIRECT_SCORING_LIMIT:
            hits = [(pos, value) for pos in candidates if (value := score(pos)) and accept(pos)]
            return heapq.nlargest(limit, hits, key=lambda hit: hit[1])

        streams = [self._stream(found) for found in expansions]
        frontier = [math.inf] * len(streams)
        most = (0.5 + share * len(streams)) if several else 1.0  # the largest factor for matching words
        best: list[tuple[float, int]] = []  # a min-heap of the best ``limit``
        seen: set[int] = set()
        live = list(range(len(streams)))
        while live:
            for i in tuple(live):
                item = next(streams[i], None)
                if item is None:
                    live.remove(i)
                    frontier[i] = 0.0
                    continue
                frontier[i], position = item
                if position in seen:
                    continue
                seen.add(position)
                if not accept(position):
                    continue
                value = score(position)
                if len(best) < limit:
                    heapq.heappush(best, (value, position))
                elif value > best[0][0]:
                    heapq.heapreplace(best, (value, position))
            if len(best) == limit and best[0][0] >= sum(frontier) * most:
                break
        return [(position, value) for value, position in sorted(best, reverse=True)]

    def _stream(self, expansions: list[tuple[str, float]]) -> Iterator[tuple[float, int]]:
        """One query word's (value, position) pairs, best first, over all its expansions."""
        if len(expansions) == 1 and expansions[0][1] == 1.0:
            return reversed(self.ranked(expansions[0][0]))
        scaled = [((v * quality, p) for v, p in reversed(self.ranked(term))) for term, quality in expansions]
        return heapq.merge(*scaled, reverse=True)
