"""Small builders for works tests (data side): a work placed through the service."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from loket.works.models import Work
from loket.works.services import work_locate, work_place

GROENPLAATS = (51.2190, 4.4010)  # lat, lon
OUTSIDE = (51.0543, 3.7174)  # Ghent

_ids = itertools.count(1)


def square(lat: float, lon: float, half_m: float = 10.0) -> dict[str, Any]:
    """A small square polygon around a point (half side in metres)."""
    dlat, dlon = half_m / 110_574.0, half_m / 69_800.0
    ring = [
        [lon - dlon, lat - dlat],
        [lon + dlon, lat - dlat],
        [lon + dlon, lat + dlat],
        [lon - dlon, lat + dlat],
        [lon - dlon, lat - dlat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def make_work(
    *,
    geometry: dict[str, Any] | None = None,
    start: date = date(2026, 3, 1),
    end: date = date(2026, 3, 31),
    **fields: Any,
) -> Work:
    clean, district = work_locate(geometry=geometry or square(*GROENPLAATS))
    work = Work(
        external_id=fields.pop("external_id", f"test-{next(_ids)}"),
        title=fields.pop("title", "Heraanleg voetpad"),
        owner=fields.pop("owner", "Stad Antwerpen"),
        start_date=start,
        end_date=end,
        **fields,
    )
    work_place(work=work, geometry=clean, district=district)
    work.save()
    return work
