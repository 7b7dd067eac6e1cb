"""Reading an import file into raw records: a GeoJSON FeatureCollection or a CSV table.

A file that cannot be read at all raises :class:`ImportFileError` (nothing is imported);
a record that is wrong is left to ``records.parse_record`` to skip with its reason.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loket.works.importing.records import ALIASES, LABELS, REQUIRED, TRUE

GEOMETRY_COLUMNS = ("geometry", "geometrie", "wkt", "geom")
HINDRANCE_COLUMNS = {
    "severe": ("severe_hindrance", "hindrance_severe", "ernstige_hinder"),
    "description": ("hindrance_description", "hinder"),
    "consequences": ("hindrance_consequences", "gevolgen"),
    "start": ("hindrance_start",),
    "end": ("hindrance_end",),
}
DIVERSION_COLUMNS = {"description": ("diversion", "omleiding"), "modes": ("diversion_modes", "omleiding_voor")}
MAX_BYTES = 200 * 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in Dutch."""


@dataclass(frozen=True)
class RawRecord:
    label: str  # where it is in the file, for the report: "object 3", "regel 5"
    data: dict[str, Any]


def read_records(path: str | Path) -> tuple[str, list[RawRecord]]:
    """("geojson" or "csv", the file's records)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError(f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
        content = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Het bestand kan niet gelezen worden: {exc.strerror or exc}.") from exc
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError("Het bestand is niet in UTF-8 geschreven.") from exc
    if path.suffix.lower() == ".csv":
        return "csv", read_csv(text)
    if path.suffix.lower() in (".geojson", ".json") or text.lstrip().startswith(("{", "[")):
        return "geojson", read_geojson(text)
    raise ImportFileError("Onbekend bestandstype: verwacht .geojson, .json of .csv.")


def read_geojson(text: str) -> list[RawRecord]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})."
        ) from exc
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportFileError('Het bestand is geen GeoJSON FeatureCollection ("type": "FeatureCollection").')
    features = document.get("features")
    if not isinstance(features, list):
        raise ImportFileError('De FeatureCollection heeft geen lijst "features".')
    records = []
    for number, feature in enumerate(features, start=1):
        data: dict[str, Any] = {}
        if isinstance(feature, dict) and feature.get("type") == "Feature":
            properties = feature.get("properties")
            data = dict(properties) if isinstance(properties, dict) else {}
            if feature.get("id") is not None:
                data.setdefault("id", feature["id"])
            data["geometry"] = feature.get("geometry")
        records.append(RawRecord(f"object {number}", data))
    return records


def _column(header: list[str], names: tuple[str, ...]) -> str | None:
    return next((name for name in names if name in header), None)


def read_csv(text: str) -> list[RawRecord]:
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [LABELS[name] for name in REQUIRED if _column(header, ALIASES[name]) is None]
    if _column(header, GEOMETRY_COLUMNS) is None:
        missing.append("geometrie")
    if missing:
        raise ImportFileError(
            f"Kolommen ontbreken in de CSV: {', '.join(missing)} (gevonden: {', '.join(header) or 'geen'})."
        )
    geometry_column = _column(header, GEOMETRY_COLUMNS)
    hindrance = {key: _column(header, names) for key, names in HINDRANCE_COLUMNS.items()}
    diversion = {key: _column(header, names) for key, names in DIVERSION_COLUMNS.items()}
    records = []
    try:
        for row in reader:
            data: dict[str, Any] = {key: value for key, value in row.items() if key is not None}
            data["geometry"] = data.get(geometry_column or "")
            found = {key: (data.get(column) or "").strip() for key, column in hindrance.items() if column}
            # A row has hindrance when it says what (or that it is severe); "nee" alone is none.
            severe = found.get("severe", "").lower() in TRUE
            if severe or found.get("description") or found.get("consequences"):
                data["hindrances"] = [{key: value for key, value in found.items() if value}]
            route = {key: (data.get(column) or "").strip() for key, column in diversion.items() if column}
            if route.get("description"):
                data["diversions"] = [route]
            records.append(RawRecord(f"regel {reader.line_num}", data))
    except csv.Error as exc:
        raise ImportFileError(f"De CSV kan niet gelezen worden (regel {reader.line_num}: {exc}).") from exc
    return records
