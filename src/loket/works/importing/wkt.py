"""Well-known text (WKT) → a GeoJSON geometry, for the CSV import: the six simple types only."""

from __future__ import annotations

import re
from typing import Any

_HEAD = re.compile(
    r"^\s*(?:SRID=(?P<srid>\d+)\s*;)?\s*(?P<kind>MULTIPOLYGON|MULTILINESTRING|MULTIPOINT|POLYGON|LINESTRING|POINT)"
    r"\s*(?:ZM|Z|M)?\s*(?P<body>.*?)\s*$",
    re.IGNORECASE | re.DOTALL,
)
_TOKEN = re.compile(r"\s*(\(|\)|,|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_KINDS = {
    "POINT": "Point",
    "LINESTRING": "LineString",
    "POLYGON": "Polygon",
    "MULTIPOINT": "MultiPoint",
    "MULTILINESTRING": "MultiLineString",
    "MULTIPOLYGON": "MultiPolygon",
}
# How deep each type's coordinates nest below the outer parentheses (a position is depth 0).
_DEPTH = {"Point": 1, "LineString": 1, "Polygon": 2, "MultiPoint": 1, "MultiLineString": 2, "MultiPolygon": 3}


def wkt_to_geojson(text: str) -> dict[str, Any]:
    """The GeoJSON geometry of a WKT text in WGS84 (lon lat); ValueError with a Dutch message."""
    match = _HEAD.match(text or "")
    if not match:
        raise ValueError("Geen geldige WKT: verwacht POINT, LINESTRING, POLYGON of hun MULTI-vorm.")
    if match["srid"] and match["srid"] != "4326":
        raise ValueError(f"Enkel WGS84 (SRID=4326) wordt aanvaard, niet SRID={match['srid']}.")
    kind = _KINDS[match["kind"].upper()]
    body = match["body"]
    if body.upper() == "EMPTY":
        raise ValueError("Een lege geometrie (EMPTY) heeft geen ligging.")
    tokens = _tokens(body)
    value, position = _group(tokens, 0)
    if position != len(tokens):
        raise ValueError("Geen geldige WKT: tekens na het laatste haakje.")
    if kind == "MultiPoint" and value and isinstance(value[0], list) and value[0] and isinstance(value[0][0], list):
        value = [point[0] if len(point) == 1 else point for point in value]  # MULTIPOINT ((1 2), (3 4))
    if _depth(value) != _DEPTH[kind]:
        raise ValueError(f"Geen geldige WKT: de haakjes passen niet bij {match['kind'].upper()}.")
    return {"type": kind, "coordinates": value[0] if kind == "Point" else value}


def _tokens(body: str) -> list[str]:
    tokens, position = [], 0
    while position < len(body):
        if body[position:].strip() == "":
            break
        match = _TOKEN.match(body, position)
        if not match:
            raise ValueError(f"Geen geldige WKT: onverwacht teken bij {body[position : position + 10]!r}.")
        tokens.append(match.group(1))
        position = match.end()
    return tokens


def _group(tokens: list[str], position: int) -> tuple[list[Any], int]:
    """Parse "( ... )" from ``position``: a list of groups, or a list of positions."""
    if position >= len(tokens) or tokens[position] != "(":
        raise ValueError("Geen geldige WKT: een haakje openen ontbreekt.")
    position += 1
    items: list[Any] = []
    while True:
        if position < len(tokens) and tokens[position] == "(":
            item, position = _group(tokens, position)
        else:
            item = []
            while position < len(tokens) and tokens[position] not in "(),":
                item.append(float(tokens[position]))
                position += 1
            if len(item) < 2:
                raise ValueError("Geen geldige WKT: elk punt heeft een lengte- en breedtegraad nodig.")
            item = item[:2]  # drop heights and measures
        items.append(item)
        if position >= len(tokens):
            raise ValueError("Geen geldige WKT: een haakje sluiten ontbreekt.")
        if tokens[position] == ",":
            position += 1
            continue
        if tokens[position] == ")":
            return items, position + 1
        raise ValueError("Geen geldige WKT: een komma of haakje verwacht.")


def _depth(value: Any) -> int:
    depth = 0
    while isinstance(value, list) and value and isinstance(value[0], list):
        depth += 1
        value = value[0]
    return depth
