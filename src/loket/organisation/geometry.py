"""Point → polygon lookups fast enough for every request: a grid index in pure Python.

The polygons are projected once onto a local flat plane in metres (equirectangular around
the area's mean latitude: the error over a city of 30 km is far below a metre). A regular
grid covers them. A cell that no border comes near (within the tolerance) has one answer
for all its points: a polygon, or "outside". Only the thin band of cells along the borders
runs the exact tests, and then only against the edges that pass near that cell. Nothing
here knows about Django.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import Any

METRES_PER_DEGREE_LAT = 110_574.0
METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0
OUTSIDE = -1
BORDER = -2

Edge = tuple[float, float, float, float]


def rings_of(geometry: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """All rings (outer and holes) of a GeoJSON Polygon or MultiPolygon, as (lon, lat) pairs."""
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates") or []
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    return [[(float(p[0]), float(p[1])) for p in ring] for polygon in polygons for ring in polygon if len(ring) >= 3]


def segment_distance(px: float, py: float, edge: Edge) -> float:
    x1, y1, x2, y2 = edge
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length2))
    return math.hypot(px - x1 - t * dx, py - y1 - t * dy)


class GridIndex:
    """Answers "which shape contains (lat, lon)" with the border rules of Loket.

    Inside several shapes (simplified neighbours overlap): the one the point lies deepest in.
    Inside none but within ``tolerance_m`` of one (a gap between neighbours): the nearest.
    Otherwise ``None``: outside, never a guess.
    """

    def __init__(self, geometries: Sequence[dict[str, Any]], *, tolerance_m: float, cell_m: float = 50.0) -> None:
        self.tolerance = float(tolerance_m)
        self.cell = float(cell_m)
        lon_lat = [rings_of(geometry) for geometry in geometries]
        points = [p for rings in lon_lat for ring in rings for p in ring]
        if not points:  # no districts at all: everything is outside
            self.nx = self.ny = 0
            self.lon0 = self.lat0 = self.kx = self.ky = self.width = self.height = 0.0
            return
        mean_lat = sum(p[1] for p in points) / len(points)
        self.kx = METRES_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(mean_lat))
        self.ky = METRES_PER_DEGREE_LAT
        margin = self.tolerance + self.cell
        self.lon0 = min(p[0] for p in points) - margin / self.kx
        self.lat0 = min(p[1] for p in points) - margin / self.ky
        width = (max(p[0] for p in points) - self.lon0) * self.kx + margin
        height = (max(p[1] for p in points) - self.lat0) * self.ky + margin
        self.nx = int(width // self.cell) + 1
        self.ny = int(height // self.cell) + 1
        self.width, self.height = self.nx * self.cell, self.ny * self.cell
        self.edges = [self._edges(rings) for rings in lon_lat]
        self.rows = [self._row_buckets(edges) for edges in self.edges]
        self.cells = array("h", [OUTSIDE]) * (self.nx * self.ny)
        self.border: dict[int, list[tuple[int, tuple[Edge, ...]]]] = {}
        self._fill_centres()
        self._mark_borders()

    # --- building -----------------------------------------------------------------------
    def _edges(self, rings: list[list[tuple[float, float]]]) -> list[Edge]:
        edges = []
        for ring in rings:
            xy = [((lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky) for lon, lat in ring]
            for (x1, y1), (x2, y2) in zip(xy, xy[1:] + xy[:1], strict=True):
                if (x1, y1) != (x2, y2):
                    edges.append((x1, y1, x2, y2))
        return edges

    def _row_buckets(self, edges: list[Edge]) -> dict[int, list[Edge]]:
        rows: dict[int, list[Edge]] = {}
        for edge in edges:
            low, high = sorted((edge[1], edge[3]))
            for row in range(max(0, int(low // self.cell)), min(self.ny - 1, int(high // self.cell)) + 1):
                rows.setdefault(row, []).append(edge)
        return rows

    def _fill_centres(self) -> None:
        """Scanline fill: which shapes contain each cell's centre (even-odd rule)."""
        self.centre_shapes: dict[int, list[int]] = {}
        for shape, rows in enumerate(self.rows):
            for row, edges in rows.items():
                yc = (row + 0.5) * self.cell
                crossings = sorted(
                    x1 + (yc - y1) * (x2 - x1) / (y2 - y1) for x1, y1, x2, y2 in edges if (y1 > yc) != (y2 > yc)
                )
                for start, end in zip(crossings[::2], crossings[1::2], strict=False):
                    first = max(0, math.ceil(start / self.cell - 0.5))
                    last = min(self.nx - 1, math.floor(end / self.cell - 0.5))
                    for cell in range(row * self.nx + first, row * self.nx + last + 1):
                        if self.cells[cell] == OUTSIDE:
                            self.cells[cell] = shape
                        else:  # nested or overlapping shapes: decide exactly
                            shapes = self.centre_shapes.setdefault(cell, [])
                            if self.cells[cell] >= 0:
                                shapes.append(self.cells[cell])
                            shapes.append(shape)
                            self.cells[cell] = BORDER

    def _mark_borders(self) -> None:
        """Every cell that has a point within the tolerance of an edge gets that edge listed."""
        near: dict[int, dict[int, list[Edge]]] = {}
        for shape, edges in enumerate(self.edges):
            for edge in edges:
                x1, y1, x2, y2 = edge
                steps = max(1, math.ceil(math.hypot(x2 - x1, y2 - y1) / self.cell))
                reach = self.tolerance + math.hypot(x2 - x1, y2 - y1) / (2 * steps) + 1.0
                for step in range(steps + 1):
                    px, py = x1 + (x2 - x1) * step / steps, y1 + (y2 - y1) * step / steps
                    for row in self._span(py, reach, self.ny):
                        for col in self._span(px, reach, self.nx):
                            listed = near.setdefault(row * self.nx + col, {}).setdefault(shape, [])
                            if not listed or listed[-1] is not edge:
                                listed.append(edge)
        for cell in set(near) | set(self.centre_shapes):
            owner = self.cells[cell]
            shapes = dict.fromkeys(self.centre_shapes.get(cell, []))
            if owner >= 0:
                shapes[owner] = None
            by_shape = near.get(cell, {})
            for shape in by_shape:
                shapes[shape] = None
            self.border[cell] = [(shape, tuple(by_shape.get(shape, ()))) for shape in shapes]
            self.cells[cell] = BORDER

    def _span(self, centre: float, reach: float, count: int) -> range:
        return range(max(0, int((centre - reach) // self.cell)), min(count - 1, int((centre + reach) // self.cell)) + 1)

    # --- querying -----------------------------------------------------------------------
    def locate(self, lat: float, lon: float) -> int | None:
        """The index of the shape for this point, or None outside every shape."""
        x = (lon - self.lon0) * self.kx
        y = (lat - self.lat0) * self.ky
        if not (0.0 <= x < self.width and 0.0 <= y < self.height):
            return None
        row = int(y / self.cell)
        cell = row * self.nx + int(x / self.cell)
        owner = self.cells[cell]
        if owner >= 0:
            return owner
        if owner == OUTSIDE:
            return None
        return self._exact(self.border[cell], row, x, y)

    def _contains(self, shape: int, row: int, x: float, y: float) -> bool:
        inside = False
        for x1, y1, x2, y2 in self.rows[shape].get(row, ()):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
        return inside

    def _exact(self, candidates: list[tuple[int, tuple[Edge, ...]]], row: int, x: float, y: float) -> int | None:
        best_inside: tuple[float, int] | None = None
        best_near: tuple[float, int] | None = None
        for shape, edges in candidates:
            distance = min((segment_distance(x, y, edge) for edge in edges), default=math.inf)
            if self._contains(shape, row, x, y):
                if best_inside is None or distance > best_inside[0]:
                    best_inside = (distance, shape)
            elif distance <= self.tolerance and (best_near is None or distance < best_near[0]):
                best_near = (distance, shape)
        if best_inside is not None:
            return best_inside[1]
        return best_near[1] if best_near is not None else None
