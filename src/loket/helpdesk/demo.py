"""The helpdesk demo: targets per topic, office hours and closure days, and questions from Berchem
and Deurne in different states (new and late, assigned, waiting for the asker, answered and
published, closed).

Idempotent: targets, hours and closures are set to these values; a demo question is known by its
title and district and is never asked twice (its history is append-only). A late question is
backdated (its clock and creation time) so that the queue shows a breach; its history keeps the
real times. Runs after the demo users (accounts) and the knowledge base (catalogue).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from loket.accounts.models import User
from loket.cases.models import Case
from loket.helpdesk import clock, services
from loket.helpdesk.models import Closure, OfficeHours, QuestionSla, SlaTarget

ORDER = 75

TARGETS = {
    # topic: (first response, answer, warning), in business hours
    "competence": (8, 40, 2),
    "procedure": (8, 24, 2),
    "council": (8, 40, 4),
    "other": (16, 80, 4),
}
MORNING = (dt.time(8, 30), dt.time(12, 30))
HOURS = {
    0: [MORNING, (dt.time(13), dt.time(17))],
    1: [MORNING, (dt.time(13), dt.time(17))],
    2: [MORNING, (dt.time(13), dt.time(17))],
    3: [MORNING, (dt.time(13), dt.time(17))],
    4: [MORNING, (dt.time(13), dt.time(16))],
}
CLOSURES = [
    (dt.date(2026, 5, 15), "Brugdag na Onze-Lieve-Heer-Hemelvaart"),
    (dt.date(2026, 12, 24), "Kerstavond: helpdesk gesloten"),
    (dt.date(2027, 5, 7), "Brugdag na Onze-Lieve-Heer-Hemelvaart"),
]

# asker, title, topic, text, what happens next, days to backdate
QUESTIONS: list[tuple[str, str, str, str, list[tuple[str, str]], int]] = [
    (
        "district-berchem",
        "Mag het district een retributie heffen op terrassen?",
        "competence",
        "Het districtscollege wil de terrasvergunningen anders laten betalen. Mag het district zelf een retributie "
        "vastleggen, of is dat een stedelijke bevoegdheid?",
        [],
        6,
    ),
    (
        "coordinator-berchem",
        "Wie is bevoegd voor de kerstmarkt op het districtsplein?",
        "competence",
        "Een handelaarsvereniging wil een kerstmarkt op het districtsplein. Beslist het district of de stad?",
        [("assign", "")],
        0,
    ),
    (
        "district-deurne",
        "Welke procedure volgen we voor een nieuw subsidiereglement?",
        "procedure",
        "We willen een subsidiereglement voor buurtfeesten. Welke stappen en adviezen zijn nodig voor de "
        "districtsraad erover stemt?",
        [("ask_back", "Gaat het om een nieuw reglement of een wijziging van het bestaande reglement uit 2022?")],
        0,
    ),
    (
        "coordinator-deurne",
        "Mag de districtsraad een adviescommissie oprichten?",
        "council",
        "Enkele raadsleden stellen een adviescommissie voor mobiliteit voor. Kan dat, en wie zit erin?",
        [
            (
                "answer",
                "Ja. De districtsraad kan adviescommissies oprichten volgens zijn huishoudelijk reglement. De "
                "commissie adviseert; ze beslist niet. Leg de samenstelling en de werking vast in het reglement.",
            ),
            ("publish", ""),
            ("close", "Dank voor de vraag; het antwoord staat in de kennisbank."),
        ],
        0,
    ),
    (
        "district-berchem",
        "Hoe lang vooraf gaat de agenda van de districtsraad naar de raadsleden?",
        "council",
        "Wat is de termijn om de agenda en de stukken van de districtsraad te bezorgen?",
        [
            (
                "answer",
                "De agenda gaat minstens acht dagen voor de vergadering naar de raadsleden, samen met de stukken. "
                "Bij hoogdringendheid geldt een kortere termijn, die het huishoudelijk reglement bepaalt.",
            )
        ],
        0,
    ),
]


def _settings() -> None:
    for topic, (first, answer, warning) in TARGETS.items():
        SlaTarget.objects.update_or_create(
            topic=topic,
            defaults={"first_response_hours": first, "answer_hours": answer, "warning_hours": warning},
        )
    wanted = {(day, opens, closes) for day, periods in HOURS.items() for opens, closes in periods}
    present = set(OfficeHours.objects.values_list("weekday", "opens", "closes"))
    if wanted != present:
        OfficeHours.objects.all().delete()
        OfficeHours.objects.bulk_create(OfficeHours(weekday=d, opens=o, closes=c) for d, o, c in sorted(wanted))
    for day, reason in CLOSURES:
        Closure.objects.update_or_create(date=day, defaults={"reason": reason})


def _backdate(case: Case, days: int) -> None:
    """Ask the question ``days`` ago as far as its clock and creation time go (demo only)."""
    asked = timezone.now() - dt.timedelta(days=days)
    sla = QuestionSla.objects.get(case=case)
    clock.clock_start(sla=sla, topic=sla.topic, at=asked)
    sla.save()
    Case.objects.filter(pk=case.pk).update(created_at=asked, deadline=timezone.localdate(sla.answer_due))


def _walk(case: Case, steps: list[tuple[str, str]], helpdesk: User) -> None:
    for step, text in steps:
        if step == "assign":
            services.question_assign(case=case, actor=helpdesk, assignee=helpdesk)
        elif step == "ask_back":
            services.question_ask_back(case=case, actor=helpdesk, text=text)
        elif step == "answer":
            services.question_answer(case=case, actor=helpdesk, text=text)
        elif step == "publish":
            services.question_publish_answer(
                case=case,
                actor=helpdesk,
                title=case.title,
                question=case.description,
                answer=services.question_answer_text(case=case),
            )
        elif step == "close":
            services.question_close(case=case, actor=helpdesk, text=text)


def load(*, log: Callable[[str], None]) -> None:
    _settings()
    helpdesk = User.objects.filter(username="helpdesk").first()
    askers = {u.username: u for u in User.objects.filter(username__in={q[0] for q in QUESTIONS})}
    if helpdesk is None or len(askers) < len({q[0] for q in QUESTIONS}):
        log("helpdesk: termijnen en kantooruren gezet; geen demovragen (demogebruikers ontbreken)")
        return
    created = 0
    for username, title, topic, text, steps, days in QUESTIONS:
        asker = askers[username]
        if Case.objects.filter(kind="question", title=title, requesting_district=asker.district).exists():
            continue
        case = services.question_ask(actor=asker, title=title, text=text, topic=topic)
        if days:
            _backdate(case, days)
        _walk(case, steps, helpdesk)
        created += 1
    log(f"helpdesk: termijnen per onderwerp, kantooruren, {len(CLOSURES)} sluitingsdagen; {created} vragen gesteld")
