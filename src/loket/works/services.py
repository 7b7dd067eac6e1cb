"""Writes of works: placing a work (its geometry, bounding box and district)."""

from __future__ import annotations

from datetime import date
from typing import Any

from loket.organisation.models import District
from loket.organisation.selectors import district_locate_point
from loket.works import geometry as geo
from loket.works.models import Work


def work_locate(*, geometry: dict[str, Any], day: date | None = None) -> tuple[dict[str, Any], District | None]:
    """The cleaned geometry and the district of its centre (None: outside the city).

    Raises ValueError (Dutch message) for a geometry a work cannot have.
    """
    clean = geo.validate_geometry(geometry)
    lat, lon = geo.centre_of(clean)
    return clean, district_locate_point(lat=lat, lon=lon, day=day)


def work_place(*, work: Work, geometry: dict[str, Any], district: District | None) -> None:
    """Set a (cleaned) geometry with its bounding box, grid cell and district on ``work`` (not saved)."""
    work.geometry = geometry
    work.min_lat, work.max_lat, work.min_lon, work.max_lon = box = geo.bbox_of(geometry)
    work.grid_cell = geo.grid_cell_of_box(*box)
    work.district = district
