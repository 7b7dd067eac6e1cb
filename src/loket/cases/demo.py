"""A handful of demo cases so that each staff start page and "my cases" show something, and
a few internal tasks (callbacks, a hand-over to a back office, an escalation to the specialists).

Idempotent: each demo case carries ``data["demo"]``, and an existing one is left alone
(history is append-only, so a demo case is never rewritten); a demo task is known by its kind
and title and is never created twice, even after someone completed it.
Runs after the citizens demo (their callers) and the requests demo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone

from loket.accounts.models import User
from loket.cases.internal_tasks import task_create
from loket.cases.models import Case, InternalTask
from loket.cases.services import case_create, case_transition
from loket.catalogue.models import Service, Topic
from loket.organisation.models import District, Team

ORDER = 65

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


# kind, title, team slug, created by, citizen username, phone, service slug, demo case key, hours until due,
# description. A negative number of hours makes the task overdue (to show how the lists flag it).
DEMO_TASKS: list[tuple[str, str, str, str, str, str, str, str, int, str]] = [
    (
        "callback",
        "Terugbellen over de renovatiepremie",
        "stad-contactcenter",
        "agent",
        "burger-02",
        "+3232001002",
        "",
        "",
        3,
        "Meneer wil weten of zijn dakisolatie in aanmerking komt. Liefst in de voormiddag bellen.",
    ),
    (
        "callback",
        "Terugbellen: vraag over het straatfeest",
        "stad-contactcenter",
        "agent",
        "citizen",
        "+3232001001",
        "",
        "feest-borgerhout",
        -1,
        "Wil weten welke documenten nog ontbreken.",
    ),
    (
        "handover",
        "Adreswijziging: huurcontract ontbreekt",
        "stad-burgerzaken",
        "clerk",
        "burger-05",
        "",
        "adreswijziging",
        "",
        24,
        "Mevrouw kwam aan de balie zonder huurcontract; ze mailt het vandaag nog. Graag de aanvraag opvolgen.",
    ),
    (
        "escalation",
        "Wie keurt een straatfeest op een gewestweg goed?",
        "stad-specialisten",
        "clerk",
        "citizen",
        "",
        "",
        "feest-borgerhout",
        48,
        "Het district twijfelt of de stad of het Vlaams Gewest bevoegd is. Tweede lijn gevraagd.",
    ),
]


def _load_tasks(*, log: Callable[[str], None]) -> None:
    created = kept = 0
    now = timezone.now()
    for kind, title, team_slug, author, who, phone, service_slug, case_key, hours, text in DEMO_TASKS:
        if InternalTask.objects.filter(kind=kind, title=title).exists():
            kept += 1
            continue
        team = Team.objects.filter(slug=team_slug).first()
        actor = User.objects.filter(username=author).first()
        if team is None or actor is None:
            log(f"demotaak '{title}' overgeslagen: team of medewerker ontbreekt")
            continue
        task = task_create(
            kind=kind,
            title=title,
            team=team,
            due_at=now + timedelta(hours=max(hours, 1)),
            actor=actor,
            description=text,
            citizen=User.objects.filter(username=who).first(),
            case=Case.objects.filter(data__demo=case_key).first() if case_key else None,
            service=Service.objects.filter(slug=service_slug).first() if service_slug else None,
            phone=phone,
            channel="counter" if author == "clerk" else "phone",
        )
        if hours < 0:  # a demo of the overdue highlight: the service refuses a due time in the past
            InternalTask.objects.filter(pk=task.pk).update(due_at=now + timedelta(hours=hours))
        created += 1
    log(f"interne taken: {created} aangemaakt, {kept} ongewijzigd")


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
    # The tasks refer to the cases: made after them, reported before (the cases line stays last).
    _load_tasks(log=log)
    log(f"zaken: {created} aangemaakt, {kept} ongewijzigd")
