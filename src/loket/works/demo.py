"""Demo works on the public domain: about forty across all districts (water-link, Fluvius,
Proximus, Telenet, Aquafin, De Lijn, the city and the districts, markets and events), some with
severe hindrance and diversions, in the past, now and in the coming weeks (after the reports demo).

The works live in ``data/demo-works.geojson`` with their periods in days from today
(``start_in_days``, ``end_in_days``) and go through the same import as a GIPOD file, under the
source "demo": loading again creates nothing new (it moves the periods along with today).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from loket.works.importing import works_import
from loket.works.importing.readers import RawRecord, read_geojson
from loket.works.models import Work

ORDER = 85
SOURCE = "demo"
DATA = Path(__file__).resolve().parent / "data" / "demo-works.geojson"


def _dated(properties: dict[str, Any], today: date) -> dict[str, Any]:
    """The properties with real dates, and the status that goes with them unless one is given."""
    start = today + timedelta(days=int(properties.pop("start_in_days")))
    end = today + timedelta(days=int(properties.pop("end_in_days")))
    status = Work.Status.DONE if end < today else Work.Status.IN_PROGRESS if start <= today else Work.Status.PLANNED
    properties.setdefault("status", status)
    return {**properties, "start": start.isoformat(), "end": end.isoformat()}


def demo_records(*, today: date | None = None) -> list[RawRecord]:
    today = today or timezone.localdate()
    records = read_geojson(DATA.read_text(encoding="utf-8"))
    return [RawRecord(record.label, _dated(dict(record.data), today)) for record in records]


def load(*, log: Callable[[str], None]) -> None:
    result = works_import(records=demo_records(), source=SOURCE)
    log(
        f"werken: {result.created} aangemaakt, {result.updated} bijgewerkt, {result.unchanged} ongewijzigd"
        + (f", {len(result.skipped)} overgeslagen" if result.skipped else "")
    )
    for label, reason in result.skipped:
        log(f"  {label}: {reason}")


def demo_ids() -> list[str]:
    """The external ids in the demo file (for tests)."""
    return [str(feature["id"]) for feature in json.loads(DATA.read_text(encoding="utf-8"))["features"]]
