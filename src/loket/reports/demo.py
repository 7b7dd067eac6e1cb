"""Demo reports: a dozen across several districts and every status, one merged duplicate, one
that the reporter confirmed fixed (after the cases and requests demos).

Idempotent: the categories and the message template are loaded as in the migration, and each
demo report's case carries ``data["demo"]``; an existing one is left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from loket.accounts.models import User
from loket.cases.models import Case
from loket.cases.services import case_transition
from loket.notifications.models import MessageTemplate
from loket.reports import texts
from loket.reports.categories import categories_load
from loket.reports.models import Report
from loket.reports.services import report_feedback, report_merge, report_submit

ORDER = 80

# key, category, lat, lon, address, description, reporter ("citizen", an e-mail or ""), statuses (public text)
DEMO_REPORTS: list[tuple[str, str, float, float, str, str, str, list[tuple[str, str]]]] = [
    ("mld-sluikstort-groenplaats", "afval.sluikstort", 51.21905, 4.40112, "Groenplaats 21, 2000 Antwerpen",
     "Twee matrassen en een zetel naast de glasbol.", "buur.groenplaats@example.be", []),
    ("mld-sluikstort-groenplaats-2", "afval.sluikstort", 51.21921, 4.40131, "",
     "Grofvuil aan de glasbollen op de Groenplaats, al sinds het weekend.", "", []),
    ("mld-put-berchem", "weg.put", 51.19301, 4.42290, "Driekoningenstraat 130, 2600 Berchem",
     "Diepe put in de rijweg, fietsers moeten uitwijken.", "citizen", [("in_progress", "")]),
    ("mld-lamp-deurne", "verlichting.defect", 51.21950, 4.46480, "",
     "Lantaarnpaal aan het plein brandt al een week niet.", "lamp.deurne@example.be",
     [("in_progress", ""), ("planned", "Een ploeg komt op donderdag langs.")]),
    ("mld-boom-wilrijk", "groen.boom", 51.16860, 4.39480, "Bist 1, 2610 Wilrijk",
     "Grote tak afgebroken na de storm, hangt boven het voetpad.", "",
     [("in_progress", ""), ("done", "De tak is verwijderd en het voetpad is vrij.")]),
    ("mld-speeltuin-hoboken", "groen.speeltuin", 51.17590, 4.34790, "",
     "De schommel in de speeltuin is kapot, de ketting is gebroken.", "ouder.hoboken@example.be",
     [("in_progress", ""), ("done", "De schommel is vervangen.")]),
    ("mld-kolk-merksem", "water.kolk", 51.24560, 4.44620, "Bredabaan 300, 2170 Merksem",
     "Straatkolk verstopt, bij regen staat het water tot op het voetpad.", "", [("planned", "")]),
    ("mld-markt-borgerhout", "evenement.markt", 51.21380, 4.43950, "",
     "Na de zondagsmarkt blijft er veel afval op het plein liggen.", "",
     [("forwarded", "Doorgestuurd naar de marktleider.")]),
    ("mld-graffiti-ekeren", "afval.graffiti", 51.28130, 4.43410, "",
     "Graffiti op de gevel van het districtshuis.", "", [("rejected", "Dit is een vergund kunstwerk.")]),
    ("mld-voetpad-borsbeek", "weg.voetpad", 51.19110, 4.48610, "",
     "Losliggende stoeptegels voor de bakker, al twee mensen gestruikeld.", "citizen", []),
    ("mld-ratten-bzl", "overlast.ratten", 51.34310, 4.31520, "",
     "Ratten gezien rond de ondergrondse containers.", "", [("in_progress", "")]),
    ("mld-fietspad-antwerpen", "weg.fietspad", 51.20030, 4.40990, "Harmoniepark 1, 2018 Antwerpen",
     "Glasscherven op het fietspad langs het park.", "fietser@example.be", []),
]  # fmt: skip


def _seed_template() -> None:
    for channel, subject, body in (
        ("email", texts.FIXED_QUESTION_SUBJECT, texts.FIXED_QUESTION_BODY),
        ("sms", "", texts.FIXED_QUESTION_SMS),
    ):
        MessageTemplate.objects.get_or_create(
            key=texts.FIXED_QUESTION_KEY, channel=channel, language="nl", defaults={"subject": subject, "body": body}
        )


def load(*, log: Callable[[str], None]) -> None:
    categories_load(log=log)
    _seed_template()
    handler = User.objects.filter(username="backoffice").first()
    citizen = User.objects.filter(username="citizen").first()
    created = kept = 0
    for key, code, lat, lon, address, description, reporter, walk in DEMO_REPORTS:
        if Case.objects.filter(kind="report", data__demo=key).exists():
            kept += 1
            continue
        report = report_submit(
            category_code=code,
            description=description,
            actor=citizen if reporter == "citizen" else None,
            lat=lat,
            lon=lon,
            address=address,
            email=reporter if "@" in reporter else "",
            attributes={"afvalsoort": ["grofvuil"]} if code == "afval.sluikstort" else None,
        )
        Case.objects.filter(pk=report.case_id).update(data={**report.case.data, "demo": key})
        for status, text in walk:
            case_transition(case=report.case, to_status=status, actor=handler, text=text, public=bool(text))
        created += 1
    _demo_merge_and_feedback(handler)
    log(f"meldingen: {created} aangemaakt, {kept} ongewijzigd")


def _by_key(key: str) -> Report | None:
    return Report.objects.select_related("case").filter(case__data__demo=key).first()


def _demo_merge_and_feedback(handler: User | None) -> None:
    main, duplicate = _by_key("mld-sluikstort-groenplaats"), _by_key("mld-sluikstort-groenplaats-2")
    if main and duplicate and duplicate.merged_into_id is None and duplicate.case.closed_at is None:
        report_merge(duplicate=duplicate, into=main, actor=handler)
    fixed = _by_key("mld-speeltuin-hoboken")
    if fixed and fixed.case.status == "done" and not fixed.feedback:
        report_feedback(report=fixed, fixed=True)
