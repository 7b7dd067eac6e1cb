"""A handful of demo cases so that each staff start page and "my cases" show something.

Idempotent: each demo case carries ``data["demo"]``, and an existing one is left alone
(history is append-only, so a demo case is never rewritten).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loket.accounts.models import User
from loket.cases.models import Case
from loket.cases.services import case_create, case_transition
from loket.catalogue.models import Topic
from loket.organisation.models import District

ORDER = 40

# key, kind, title, channel, topic slug, district slug, citizen?, requesting district slug, statuses to walk
DEMO_CASES: list[tuple[str, str, str, str, str, str, bool, str, list[str]]] = [
    (
        "park-deurne",
        "report",
        "Omgewaaide boom in het park",
        "online",
        "lokale-parken-en-groen",
        "deurne",
        True,
        "",
        [],
    ),
    (
        "lamp-berchem",
        "report",
        "Straatlamp brandt niet",
        "phone",
        "straatverlichting",
        "berchem",
        True,
        "",
        ["in_progress"],
    ),
    (
        "feest-borgerhout",
        "request",
        "Straatfeest in de zomer",
        "online",
        "lokale-feestelijkheden",
        "borgerhout",
        True,
        "",
        ["in_progress", "waiting_for_citizen"],
    ),
    (
        "vraag-hoboken",
        "question",
        "Wie is bevoegd voor de markt op het Kioskplein?",
        "internal",
        "lokale-markten-en-foren",
        "hoboken",
        False,
        "hoboken",
        [],
    ),
]


def load(*, log: Callable[[str], None]) -> None:
    actor = User.objects.filter(username="agent").first()
    citizen = User.objects.filter(username="citizen").first()
    created = kept = 0
    for key, kind, title, channel, topic_slug, district_slug, with_citizen, asking, walk in DEMO_CASES:
        if Case.objects.filter(data__demo=key).exists():
            kept += 1
            continue
        topic = Topic.objects.filter(slug=topic_slug).first()
        district = District.objects.filter(slug=district_slug).first()
        if topic is None or district is None:
            log(f"demozaak {key} overgeslagen: thema of district ontbreekt")
            continue
        fields: dict[str, Any] = {"citizen": citizen if with_citizen else None}
        if asking:
            fields["requesting_district"] = District.objects.get(slug=asking)
        case = case_create(
            kind=kind,
            title=title,
            channel=channel,
            actor=actor,
            topic=topic,
            district=district,
            data={"demo": key},
            **fields,
        )
        for status in walk:
            case_transition(case=case, to_status=status, actor=actor)
        created += 1
    log(f"zaken: {created} aangemaakt, {kept} ongewijzigd")
