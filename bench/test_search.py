"""Service search over the demo catalogue plus 5,000 synthetic services: p95 must stay ≤ 20 ms.

Run: .venv/bin/python -m pytest bench/test_search.py --benchmark-enable -q -s
Prints p50/p95/max per query mix (the figures docs/performance.md quotes) and the index build time.
"""

from __future__ import annotations

import random
import statistics
import time

import pytest

from loket.catalogue import demo
from loket.catalogue.models import Service, Topic
from loket.catalogue.search import search_index, search_index_invalidate, service_search_services
from tests.fixtures_organisation import antwerp  # noqa: F401

WORDS = (  # noqa: SIM905
    "aanvraag attest vergunning premie subsidie parkeren afval container school kinderopvang sport zwembad bibliotheek "
    "fiets woning renovatie energie dak isolatie boom plein straat markt kermis feest cultuur jeugd senioren hond kat "
    "begraafplaats huur lening belasting vereniging vrijwilliger buurt wijk groen park speeltuin zaal lokaal evenement "
    "afspraak loket inschrijving registratie melding schade verlichting riolering water overstroming geluid hinder"
).split()

QUERIES = [
    "ik ben mijn identiteitskaart kwijt",
    "we gaan verhuizen",
    "trouwen",
    "parkeerkaart",
    "container op straat voor verbouwing",
    "identitijtskaart",
    "paspoort",
    "subsidie voor onze vereniging",
    "zaal huren voor een feest",
    "premie dak isolatie",
    "identi",
    "grofvuil zetel",
]


@pytest.fixture
def big_catalogue(antwerp):  # noqa: F811
    demo.load(log=lambda line: None)
    rng = random.Random(42)
    topics = list(Topic.objects.all())
    Service.objects.bulk_create(
        Service(
            slug=f"synthetisch-{n}",
            name=" ".join(rng.sample(WORDS, 3)).capitalize(),
            summary=" ".join(rng.sample(WORDS, 8)),
            description=" ".join(rng.choices(WORDS, k=60)),
            synonyms="\n".join(rng.sample(WORDS, 4)),
            topic=rng.choice(topics),
            online=rng.random() < 0.5,
        )
        for n in range(5000)
    )
    search_index_invalidate()
    return Service.objects.count()


def test_search_p95_over_the_catalogue_plus_5000_services(big_catalogue, benchmark):
    started = time.perf_counter()
    index = search_index()
    build_ms = (time.perf_counter() - started) * 1000
    assert len(index.docs) == big_catalogue

    timings = []
    per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _round in range(20):
        for q in QUERIES:
            t0 = time.perf_counter()
            service_search_services(q=q, limit=20)
            elapsed = (time.perf_counter() - t0) * 1000
            timings.append(elapsed)
            per_query[q].append(elapsed)
    for q, values in per_query.items():
        print(f"  {q!r:42} median {statistics.median(values):6.2f} ms  max {max(values):6.2f} ms")
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"\nservice search over {big_catalogue} services, {len(timings)} queries: "
        f"p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms; index build {build_ms:.0f} ms"
    )
    print(f"target p95 <= 20 ms: {'met' if p95 <= 20.0 else 'NOT met'}")
    benchmark(lambda: service_search_services(q="ik ben mijn identiteitskaart kwijt", limit=20))
