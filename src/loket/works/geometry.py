"""The geometry of a work: GeoJSON (WGS84, ``[lon, lat]``) checked, boxed and measured.

Pure functions, no Django. Distances are in metres on a local flat plane (equirectangular
around the point asked about): over the few kilometres that matter for "works near me" the
error is far below a metre at Antwerp's latitude, and it needs no spatial extension.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

from loket.organisation.geometry import METRES_PER_DEGREE_LAT, METRES_PER_DEGREE_LON_AT_EQUATOR

# Enough for a detailed polygon of a large site; more is a mistake or an attack, not a work.
MAX_POSITIONS = 20_000

Position = tuple[float, float]  # (lon, lat)

_DEPTH = {"Point": 0, "LineString": 1, "Polygon": 2, "MultiPoint": 1, "MultiLineString": 2, "MultiPolygon": 3}


def validate_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    """A clean copy of a GeoJSON geometry a work can have, or ValueError with a Dutch message.

    Accepts Point, MultiPoint, LineString, MultiLineString, Polygon and MultiPolygon. Heights
    (a third coordinate) are dropped; rings that are not closed are closed.
    """
    if not isinstance(geometry, dict):
        raise ValueError("De geometrie moet een GeoJSON-object zijn.")
    kind = geometry.get("type")
    if kind not in _DEPTH:
        raise ValueError(
            f"Onbekend geometrietype {kind!r}: verwacht Point, MultiPoint, LineString, "
            "MultiLineString, Polygon of MultiPolygon."
        )
    coordinates = geometry.get("coordinates")
    counter = [0]
    if kind == "Point":
        clean: Any = _position(coordinates, counter)
    elif kind == "MultiPoint":
        clean = [_position(p, counter) for p in _list(coordinates, "punten")]
        if not clean:
            raise ValueError("Een MultiPoint heeft minstens één punt nodig.")
    elif kind == "LineString":
        clean = _line(coordinates, counter)
    elif kind == "MultiLineString":
        clean = [_line(line, counter) for line in _list(coordinates, "lijnen")]
        if not clean:
            raise ValueError("Een MultiLineString heeft minstens één lijn nodig.")
    elif kind == "Polygon":
        clean = _polygon(coordinates, counter)
    else:
        clean = [_polygon(polygon, counter) for polygon in _list(coordinates, "polygonen")]
        if not clean:
            raise ValueError("Een MultiPolygon heeft minstens één polygoon nodig.")
    return {"type": kind, "coordinates": clean}


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"De coördinaten ({what}) moeten een lijst zijn.")
    return value


def _position(value: Any, counter: list[int]) -> list[float]:
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise ValueError("Elk punt moet een lijst [lengtegraad, breedtegraad] zijn.")
    lon, lat = value[0], value[1]
    if (
        isinstance(lon, bool)
        or isinstance(lat, bool)
        or not isinstance(lon, int | float)
        or not isinstance(lat, int | float)
    ):
        raise ValueError("Lengte- en breedtegraad moeten getallen zijn.")
    if not (math.isfinite(lon) and math.isfinite(lat)) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(
            f"Punt [{lon}, {lat}] ligt buiten het bereik: lengtegraad -180..180, breedtegraad -90..90 "
            "(staan lengte- en breedtegraad in de juiste volgorde?)."
        )
    counter[0] += 1
    if counter[0] > MAX_POSITIONS:
        raise ValueError(f"De geometrie heeft meer dan {MAX_POSITIONS} punten.")
    return [float(lon), float(lat)]


def _line(value: Any, counter: list[int]) -> list[list[float]]:
    line = [_position(p, counter) for p in _list(value, "lijn")]
    if len({tuple(p) for p in line}) < 2:
        raise ValueError("Een lijn heeft minstens twee verschillende punten nodig.")
    return line


def _polygon(value: Any, counter: list[int]) -> list[list[list[float]]]:
    rings = []
    for ring_value in _list(value, "polygoon"):
        ring = [_position(p, counter) for p in _list(ring_value, "ring")]
        if ring and ring[0] != ring[-1]:
            ring.append(list(ring[0]))
        if len({tuple(p) for p in ring}) < 3:
            raise ValueError("Een ring van een polygoon heeft minstens drie verschillende punten nodig.")
        rings.append(ring)
    if not rings:
        raise ValueError("Een polygoon heeft minstens één ring nodig.")
    return rings


def positions(geometry: dict[str, Any]) -> Iterator[Position]:
    """Every (lon, lat) of a valid geometry."""
    depth = _DEPTH[geometry["type"]]

    def walk(value: Any, level: int) -> Iterator[Position]:
        if level == 0:
            yield (float(value[0]), float(value[1]))
        else:
            for item in value:
                yield from walk(item, level - 1)

    yield from walk(geometry["coordinates"], depth)


def bbox_of(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a valid geometry."""
    lons, lats = zip(*positions(geometry), strict=True)
    return (min(lats), max(lats), min(lons), max(lons))


def centre_of(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lon) of the middle of the bounding box: where the work's district is looked up."""
    min_lat, max_lat, min_lon, max_lon = bbox_of(geometry)
    return ((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)


def metres_per_degree_lon(lat: float) -> float:
    return METRES_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat))


def distance_m(geometry: dict[str, Any], lat: float, lon: float) -> float:
    """Metres from the point to the nearest part of a valid geometry; 0.0 inside a polygon
    (not in a hole) or on a line."""
    kx, ky = metres_per_degree_lon(lat), METRES_PER_DEGREE_LAT

    def xy(p: list[float]) -> Position:
        return ((p[0] - lon) * kx, (p[1] - lat) * ky)

    kind = geometry["type"]
    coordinates = geometry["coordinates"]
    if kind == "Point":
        return math.hypot(*xy(coordinates))
    if kind == "MultiPoint":
        return min(math.hypot(*xy(p)) for p in coordinates)
    if kind == "LineString":
        return _line_distance([xy(p) for p in coordinates])
    if kind == "MultiLineString":
        return min(_line_distance([xy(p) for p in line]) for line in coordinates)
    polygons = [coordinates] if kind == "Polygon" else coordinates
    best = math.inf
    for polygon in polygons:
        rings = [[xy(p) for p in ring] for ring in polygon]
        if _inside(rings[0]) and not any(_inside(hole) for hole in rings[1:]):
            return 0.0
        best = min(best, min(_line_distance(ring) for ring in rings))
    return best


def _line_distance(points: list[Position]) -> float:
    """Distance from the origin to a polyline in the plane (squared until the end: this runs
    for every candidate of a search)."""
    x1, y1 = points[0]
    best = x1 * x1 + y1 * y1
    for x2, y2 in points:
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        along = -(x1 * dx + y1 * dy)  # the projection of the origin on the segment, times length2
        if along >= length2:
            px, py = x2, y2
        elif along > 0:
            px, py = x1 + along / length2 * dx, y1 + along / length2 * dy
        else:
            px, py = x1, y1
        if px * px + py * py < best:
            best = px * px + py * py
        x1, y1 = x2, y2
    return math.sqrt(best)


def _inside(ring: list[Position]) -> bool:
    """Whether the origin lies inside a closed ring (even-odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > 0) != (y2 > 0) and x1 - y1 * (x2 - x1) / (y2 - y1) > 0:
            inside = not inside
    return inside


# --- A coarse grid for the index --------------------------------------------------------
# Cells of 1/200 degree of latitude by 1/128 degree of longitude: about 550 m by 545 m at
# Antwerp's latitude, defined in degrees so that it needs no origin and works anywhere.
CELL_ROWS_PER_DEGREE = 200
CELL_COLS_PER_DEGREE = 128
_COLS = 360 * CELL_COLS_PER_DEGREE + 1
WIDE = -1  # the "cell" of every box larger than one cell


def grid_cell(lat: float, lon: float) -> int:
    """The number of the grid cell that holds the point."""
    row = math.floor((lat + 90) * CELL_ROWS_PER_DEGREE)
    col = math.floor((lon + 180) * CELL_COLS_PER_DEGREE)
    return row * _COLS + col


def grid_cell_of_box(min_lat: float, max_lat: float, min_lon: float, max_lon: float) -> int:
    """The cell of the box's south-west corner, or WIDE when the box is larger than a cell in
    either direction (so that a search knows how far from its own box to look)."""
    if (max_lat - min_lat) * CELL_ROWS_PER_DEGREE > 1 or (max_lon - min_lon) * CELL_COLS_PER_DEGREE > 1:
        return WIDE
    return grid_cell(min_lat, min_lon)


def grid_cells_reaching(south: float, north: float, west: float, east: float) -> list[int]:
    """The cells a work's ``grid_cell_of_box`` may be in when its box meets [south, north] x
    [west, east]: WIDE, and the cells of that box widened by one cell to the south and west
    (where the south-west corner of a box no larger than a cell must lie to reach it)."""
    first_row = math.floor((south + 90) * CELL_ROWS_PER_DEGREE) - 1
    last_row = math.floor((north + 90) * CELL_ROWS_PER_DEGREE)
    first_col = math.floor((west + 180) * CELL_COLS_PER_DEGREE) - 1
    last_col = math.floor((east + 180) * CELL_COLS_PER_DEGREE)
    cells = [row * _COLS + col for row in range(first_row, last_row + 1) for col in range(first_col, last_col + 1)]
    return [WIDE, *cells]
