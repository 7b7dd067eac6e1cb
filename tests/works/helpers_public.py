"""Small builders for the works tests of the public side: works and subscriptions as rows."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from loket.organisation.selectors import district_locate_point
from loket.works.geometry import bbox_of
from loket.works.models import AreaSubscription, Work
from loket.works.services import work_place

GROENPLAATS = (51.2190, 4.4010)  # lat, lon, district Antwerpen
DEURNE = (51.2194, 4.4646)
OUTSIDE = (51.0543, 3.7174)  # Ghent
METRES_PER_DEGREE_LAT = 110_574.0
METRES_PER_DEGREE_LON = 69_800.0  # at Antwerp's latitude

_ids = itertools.count(1)


def north_of(point: tuple[float, float], metres: float) -> tuple[float, float]:
    return (point[0] + metres / METRES_PER_DEGREE_LAT, point[1])


def square(lat: float, lon: float, half_m: float = 10.0) -> dict[str, Any]:
    """A small square polygon around a point (half side in metres)."""
    dlat, dlon = half_m / METRES_PER_DEGREE_LAT, half_m / METRES_PER_DEGREE_LON
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
    at: tuple[float, float] = GROENPLAATS,
    geometry: dict[str, Any] | None = None,
    start: date | None = None,
    end: date | None = None,
    **fields: Any,
) -> Work:
    """A work as a row, placed by works-data's ``work_place`` (box, index columns, district),
    by default from today for two weeks."""
    geometry = geometry or square(*at)
    today = timezone.localdate()
    district = fields.pop("district", None)
    if district is None:
        min_lat, max_lat, min_lon, max_lon = bbox_of(geometry)
        district = district_locate_point(lat=(min_lat + max_lat) / 2, lon=(min_lon + max_lon) / 2)
    work = Work(
        external_id=fields.pop("external_id", f"public-test-{next(_ids)}"),
        title=fields.pop("title", "Heraanleg voetpad"),
        owner=fields.pop("owner", "Stad Antwerpen"),
        start_date=start or today,
        end_date=end or today + timedelta(days=14),
        **fields,
    )
    work_place(work=work, geometry=geometry, district=district)
    work.save()
    return work


def make_subscription(
    *,
    at: tuple[float, float] = GROENPLAATS,
    radius_m: int = 500,
    email: str = "an@example.be",
    confirmed: bool = True,
    cancelled: bool = False,
    address: str = "Groenplaats 1, 2000 Antwerpen",
) -> AreaSubscription:
    now = timezone.now()
    return AreaSubscription.objects.create(
        email=email,
        address=address,
        lat=at[0],
        lon=at[1],
        radius_m=radius_m,
        confirmed_at=now if confirmed else None,
        cancelled_at=now if cancelled else None,
    )


def street_at(name: str, lat: float, lon: float) -> None:
    """Give a street of the embedded street table a position, as an external geocoder would."""
    from loket.organisation.models import Street

    assert Street.objects.filter(name=name).update(lat=lat, lon=lon) >= 1
