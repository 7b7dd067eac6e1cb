"""What the Leaflet map of a works page needs: tiles (a setting), the district boundaries, the
works as GeoJSON with a short label and a link, an optional search circle and diversions.

Without ``MAP_TILE_URL`` (as in tests, or a deployment without a tile server) the district
boundaries are the only background, so a page never reaches an outside server unless configured to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format

from loket.organisation.selectors import district_list_valid
from loket.works.models import Diversion, Work


def district_boundaries() -> dict[str, Any]:
    """The districts valid today as a GeoJSON FeatureCollection (WGS84)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": d.name}, "geometry": d.boundary}
            for d in district_list_valid()
            if d.boundary
        ],
    }


def work_feature(work: Work) -> dict[str, Any]:
    period = f"{date_format(work.start_date, 'j F Y')} tot {date_format(work.end_date, 'j F Y')}"
    return {
        "type": "Feature",
        "geometry": work.geometry,
        "properties": {
            "id": work.pk,
            "label": f"{work.title} ({period})",
            "url": reverse("works:detail", args=[work.pk]),
            "severe": bool(getattr(work, "severe_hindrance", False)),
        },
    }


def map_context(
    *,
    works: Iterable[Work] = (),
    circle: dict[str, float] | None = None,
    diversions: Iterable[Diversion] = (),
    picker: bool = False,
) -> dict[str, Any]:
    """The JSON config of one map (rendered with ``json_script``)."""
    return {
        "tiles": settings.MAP_TILE_URL or "",
        "attribution": settings.MAP_TILE_ATTRIBUTION if settings.MAP_TILE_URL else "",
        "districts": district_boundaries(),
        "works": {"type": "FeatureCollection", "features": [work_feature(work) for work in works]},
        "diversions": {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": d.geometry, "properties": {"label": d.description[:200]}}
                for d in diversions
                if d.geometry
            ],
        },
        "circle": circle,
        "picker": picker,
    }
