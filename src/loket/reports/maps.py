"""What a Leaflet map on a report page needs: tiles (a setting), the district boundaries and points.

Without ``MAP_TILE_URL`` (as in tests, or a deployment without a tile server) the district
boundaries are the only layer, so a page never reaches an outside server unless configured to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.urls import reverse

from loket.organisation.selectors import district_list_valid


def district_boundaries() -> dict[str, Any]:
    """The districts valid today as a GeoJSON FeatureCollection (WGS84)."""
    features = [
        {
            "type": "Feature",
            "properties": {"slug": district.slug, "name": district.name},
            "geometry": district.boundary,
        }
        for district in district_list_valid()
        if district.boundary
    ]
    return {"type": "FeatureCollection", "features": features}


def map_context(
    *, points: Iterable[Mapping[str, Any]] = (), zoom: int | None = None, picker: bool = False
) -> dict[str, Any]:
    """The JSON config of one map (rendered with ``json_script``)."""
    return {
        "tiles": settings.MAP_TILE_URL or "",
        "attribution": settings.MAP_TILE_ATTRIBUTION if settings.MAP_TILE_URL else "",
        "districts": district_boundaries(),
        "points": [
            {
                "lat": point["lat"],
                "lon": point["lon"],
                "label": "{} {} ({})".format(
                    point.get("reference", ""), point.get("category_name", ""), point.get("status_label", "")
                ),
                "url": point.get("url") or reverse("reports:public-detail", kwargs={"token": point["token"]}),
                "open": point.get("status_public", "open") == "open",
            }
            for point in points
            if point.get("lat") is not None and point.get("lon") is not None
        ],
        "zoom": zoom,
        "picker": picker,
    }
