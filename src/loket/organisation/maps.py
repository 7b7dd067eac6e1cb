"""The district map as inline SVG: no tiles, no external service, works without JavaScript.

Coordinates are projected like the locate index (equirectangular around the city's mean
latitude), so the few lines of JavaScript on the page can turn a click back into lat/lon
from the ``data-*`` attributes of the ``<svg>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from loket.organisation.geometry import rings_of
from loket.organisation.models import District

WIDTH = 600.0


@dataclass(frozen=True)
class MapShape:
    district: District
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class DistrictMap:
    width: float
    height: float
    west: float
    north: float
    x_per_degree: float
    y_per_degree: float
    shapes: list[MapShape]


def district_map(*, districts: Sequence[District]) -> DistrictMap | None:
    rings_by_district = [(district, rings_of(district.boundary or {})) for district in districts]
    points = [p for _, rings in rings_by_district for ring in rings for p in ring]
    if not points:
        return None
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    aspect = math.cos(math.radians((south + north) / 2))
    x_per_degree = WIDTH / ((east - west) or 1.0)
    y_per_degree = x_per_degree / aspect
    height = round((north - south) * y_per_degree, 1)
    shapes = []
    for district, rings in rings_by_district:
        if not rings:
            continue
        parts = []
        for ring in rings:
            coords = " ".join(
                f"{(lon - west) * x_per_degree:.1f},{(north - lat) * y_per_degree:.1f}" for lon, lat in ring
            )
            parts.append(f"M{coords}Z")
        outer = rings[0]
        label_x = (sum(p[0] for p in outer) / len(outer) - west) * x_per_degree
        label_y = (north - sum(p[1] for p in outer) / len(outer)) * y_per_degree
        shapes.append(MapShape(district, " ".join(parts), round(label_x, 1), round(label_y, 1)))
    return DistrictMap(WIDTH, height, west, north, x_per_degree, y_per_degree, shapes)
