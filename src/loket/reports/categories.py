"""The report categories: the city's taxonomy (``data/report-categories.csv``, codes unchanged)
plus the extra questions a few categories ask (Open311 service definitions).

``categories_load`` is idempotent; the initial data migration and the demo both run it.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).resolve().parent / "data" / "report-categories.csv"

MAIN_GROUPS: dict[str, Any] = {
    "afval": _("Afval en netheid"),
    "weg": _("Wegen en voetpaden"),
    "verlichting": _("Openbare verlichting"),
    "verkeer": _("Verkeer en fietsen"),
    "groen": _("Groen, parken en speeltuinen"),
    "water": _("Water en riolering"),
    "overlast": _("Overlast en ongedierte"),
    "evenement": _("Markten en evenementen"),
    "overig": _("Overige"),
}


def _values(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"key": key, "name": name} for key, name in pairs]


# code → extra questions (Open311 attributes). Keys of list values never change once used.
EXTRA_ATTRIBUTES: dict[str, list[dict[str, Any]]] = {
    "afval.sluikstort": [
        {
            "code": "afvalsoort",
            "datatype": "multivaluelist",
            "required": True,
            "description": "Welk soort afval ligt er?",
            "order": 1,
            "values": _values(
                ("huisvuil", "Zakken huisvuil"),
                ("grofvuil", "Grofvuil (meubels, matrassen)"),
                ("bouwafval", "Bouwafval of puin"),
                ("elektro", "Elektrische toestellen"),
                ("gevaarlijk", "Gevaarlijk afval (verf, olie, asbest, chemicaliën)"),
                ("andere", "Iets anders"),
            ),
        },
        {
            "code": "hoeveelheid",
            "datatype": "singlevaluelist",
            "required": False,
            "description": "Hoeveel ongeveer?",
            "order": 2,
            "values": _values(("klein", "Past in één vuilniszak"), ("middel", "Past in een koffer"), ("groot", "Meer")),
        },
    ],
    "afval.dood-dier": [
        {
            "code": "diersoort",
            "datatype": "singlevaluelist",
            "required": False,
            "description": "Welk dier?",
            "order": 1,
            "values": _values(
                ("kat", "Kat"), ("hond", "Hond"), ("vogel", "Vogel"), ("rat", "Rat"), ("andere", "Ander")
            ),
        }
    ],
    "weg.put": [
        {
            "code": "gevaarlijk",
            "datatype": "singlevaluelist",
            "required": False,
            "description": "Is de put gevaarlijk voor fietsers of voetgangers?",
            "order": 1,
            "values": _values(("ja", "Ja"), ("nee", "Nee")),
        }
    ],
    "verlichting.defect": [
        {
            "code": "paalnummer",
            "datatype": "string",
            "required": False,
            "description": "Het nummer op de lantaarnpaal (als u het ziet)",
            "order": 1,
            "values": [],
        }
    ],
    "groen.boom": [
        {
            "code": "acuut",
            "datatype": "singlevaluelist",
            "required": False,
            "description": "Ligt de boom of tak op de rijweg of het voetpad?",
            "order": 1,
            "values": _values(("ja", "Ja, hij blokkeert de doorgang"), ("nee", "Nee")),
        }
    ],
}


def category_rows() -> list[dict[str, Any]]:
    """The CSV rows as model values, with the extra questions."""
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {
            "code": row["code"],
            "main": row["main"],
            "name_nl": row["name_nl"],
            "name_en": row["name_en"],
            "competent_level": row["competent_level"],
            "team": row["team"],
            "working_days": int(row["working_days"]),
            "description_nl": row["description_nl"],
            "attributes": EXTRA_ATTRIBUTES.get(row["code"], []),
        }
        for row in rows
    ]


def categories_load(*, model: Any = None, log: Callable[[str], None] | None = None) -> Counter[str]:
    """Create or update every category from the CSV (staff's own radius and active flag are kept)."""
    if model is None:
        from loket.reports.models import Category as model
    outcomes: Counter[str] = Counter()
    existing = {category.code: category for category in model.objects.all()}
    for values in category_rows():
        category = existing.get(values["code"])
        if category is None:
            model.objects.create(**values)
            outcomes["created"] += 1
        elif any(getattr(category, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(category, name, value)
            category.save()
            outcomes["updated"] += 1
        else:
            outcomes["unchanged"] += 1
    if log is not None:
        log("meldingscategorieën: " + ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items())))
    return outcomes
