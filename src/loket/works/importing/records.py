"""One record of an import file (a GeoJSON feature or a CSV row) → the values of a work.

A record that cannot become a work raises :class:`Skip` with the reason in Dutch; the import
reports it and goes on with the next one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone

from loket.works.geometry import validate_geometry
from loket.works.importing.wkt import wkt_to_geojson
from loket.works.models import Hindrance, Work


class Skip(Exception):
    """This record cannot be imported; ``str(skip)`` says why (Dutch)."""


# The names a field may have in a file: ours first, then GIPOD's.
ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("external_id", "id", "gipodId", "gipod_id"),
    "title": ("title", "titel", "description_short"),
    "description": ("description", "omschrijving", "comment"),
    "kind": ("kind", "type", "soort"),
    "status": ("status",),
    "groundwork_category": ("groundwork_category", "category", "categorie"),
    "start": ("start", "start_date", "startDateTime", "begindatum"),
    "end": ("end", "end_date", "endDateTime", "einddatum"),
    "owner": ("owner", "eigenaar", "bouwheer"),
    "contractor": ("contractor", "aannemer"),
    "contact_name": ("contact_name", "contactpersoon"),
    "contact_phone": ("contact_phone", "telefoon"),
    "contact_email": ("contact_email", "email"),
    "url": ("url", "link"),
    "address": ("address", "locatie", "adres"),
}
REQUIRED = ("external_id", "title", "start", "end", "owner")
LABELS = {"external_id": "id", "title": "titel", "start": "begindatum", "end": "einddatum", "owner": "eigenaar"}

KINDS = {
    **{value: value for value in Work.Kind.values},
    "werken": "works", "werk": "works", "work": "works",
    "grondwerken": "groundworks", "grondwerk": "groundworks", "groundwork": "groundworks",
    "evenement": "event", "evenementen": "event",
    "andere inname": "occupation", "inname": "occupation", "other": "occupation",
}  # fmt: skip
STATUSES = {
    **{value: value for value in Work.Status.values},
    "gepland": "planned", "vergund": "planned", "in uitvoering": "in_progress", "in progress": "in_progress",
    "afgerond": "done", "uitgevoerd": "done", "beëindigd": "done", "geannuleerd": "cancelled",
    "canceled": "cancelled", "ingetrokken": "cancelled",
}  # fmt: skip
TRUE = {"1", "true", "ja", "yes", "waar", "j", "y"}
FALSE = {"", "0", "false", "nee", "no", "onwaar", "n"}


@dataclass
class WorkRecord:
    """What a record says about a work: its field values, geometry, hindrance and diversions."""

    external_id: str
    fields: dict[str, Any]
    geometry: dict[str, Any]
    hindrances: list[dict[str, Any]] = field(default_factory=list)
    diversions: list[dict[str, Any]] = field(default_factory=list)


def _pick(raw: dict[str, Any], name: str) -> Any:
    for key in ALIASES[name]:
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return value.strip() if isinstance(value, str) else value
    return None


def parse_date(value: Any, label: str) -> dt.date:
    """An ISO date, an ISO date-time (its day in Brussels) or a Dutch dd-mm-yyyy / dd/mm/yyyy."""
    text = str(value).strip()
    try:
        if len(text) > 10:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
        if len(text) == 10 and text[2] in "-/" and text[5] == text[2]:
            return dt.date(int(text[6:]), int(text[3:5]), int(text[:2]))
        return dt.date.fromisoformat(text)
    except (ValueError, IndexError) as exc:
        raise Skip(f"{label} {text!r} is geen datum (verwacht JJJJ-MM-DD)") from exc


def _choice(value: Any, known: dict[str, str], label: str, default: str) -> str:
    if value is None:
        return default
    code = known.get(str(value).strip().lower())
    if code is None:
        raise Skip(f"onbekende {label} {value!r}")
    return code


def max_length(name: str) -> int | None:
    return getattr(Work._meta.get_field(name), "max_length", None)


def _text(raw: dict[str, Any], name: str) -> str:
    value = _pick(raw, name)
    text = "" if value is None else str(value)
    limit = max_length(name)
    if limit is not None and len(text) > limit:
        raise Skip(f"{name} is langer dan {limit} tekens")
    return text


def parse_geometry(value: Any, label: str = "geometrie") -> dict[str, Any]:
    """A GeoJSON object, a JSON text of one, or WKT → a clean geometry; Skip with the reason."""
    try:
        if isinstance(value, str):
            text = value.strip()
            value = json.loads(text) if text.startswith("{") else wkt_to_geojson(text)
        return validate_geometry(value)
    except json.JSONDecodeError as exc:
        raise Skip(f"{label} ongeldig: geen geldige JSON") from exc
    except ValueError as exc:
        raise Skip(f"{label} ongeldig: {exc}") from exc


def parse_record(raw: dict[str, Any]) -> WorkRecord:
    """The work a raw record describes; Skip when it cannot become one."""
    missing = [LABELS[name] for name in REQUIRED if _pick(raw, name) is None]
    if raw.get("geometry") in (None, "", {}):
        missing.append("geometrie")
    if missing:
        raise Skip(f"verplichte velden ontbreken: {', '.join(missing)}")
    external_id = str(_pick(raw, "external_id"))
    if len(external_id) > (max_length("external_id") or 60):
        raise Skip("id is langer dan 60 tekens")
    start = parse_date(_pick(raw, "start"), "begindatum")
    end = parse_date(_pick(raw, "end"), "einddatum")
    if end < start:
        raise Skip(f"einddatum {end:%d-%m-%Y} ligt voor begindatum {start:%d-%m-%Y}")
    geometry = parse_geometry(raw["geometry"])
    category = _pick(raw, "groundwork_category")
    if category is not None:
        if str(category).strip() not in {"1", "2", "3"}:
            raise Skip(f"categorie grondwerk {category!r} moet 1, 2 of 3 zijn")
        category = int(str(category).strip())
    fields: dict[str, Any] = {
        "title": _text(raw, "title"),
        "description": _text(raw, "description"),
        "kind": _choice(_pick(raw, "kind"), KINDS, "soort", Work.Kind.WORKS),
        "status": _choice(_pick(raw, "status"), STATUSES, "status", Work.Status.PLANNED),
        "groundwork_category": category,
        "start_date": start,
        "end_date": end,
        "owner": _text(raw, "owner"),
        "contractor": _text(raw, "contractor"),
        "contact_name": _text(raw, "contact_name"),
        "contact_phone": _text(raw, "contact_phone"),
        "contact_email": _text(raw, "contact_email"),
        "url": _text(raw, "url"),
        "address": _text(raw, "address"),
    }
    _contact(raw, fields)
    if fields["contact_email"]:
        try:
            validate_email(fields["contact_email"])
        except ValidationError as exc:
            raise Skip(f"e-mailadres {fields['contact_email']!r} is ongeldig") from exc
    if fields["url"]:
        try:
            URLValidator(schemes=["http", "https"])(fields["url"])
        except ValidationError as exc:
            raise Skip(f"link {fields['url']!r} is ongeldig") from exc
    return WorkRecord(
        external_id=external_id,
        fields=fields,
        geometry=geometry,
        hindrances=[_hindrance(item, start, end) for item in _list(raw.get("hindrances"), "hinder")],
        diversions=[_diversion(item) for item in _list(raw.get("diversions"), "omleidingen")],
    )


def _contact(raw: dict[str, Any], fields: dict[str, Any]) -> None:
    """GIPOD nests the contact as an object: {"name", "phone", "email"}."""
    contact = raw.get("contact")
    if isinstance(contact, dict):
        for key, name in (("name", "contact_name"), ("phone", "contact_phone"), ("email", "contact_email")):
            if not fields[name] and contact.get(key):
                fields[name] = str(contact[key]).strip()[: max_length(name)]


def _list(value: Any, label: str) -> list[Any]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise Skip(f"{label} moet een lijst zijn")
    return value


def _modes(value: Any) -> list[str]:
    modes = value.replace(",", " ").split() if isinstance(value, str) else list(value or [])
    unknown = [mode for mode in modes if mode not in Hindrance.Mode.values]
    if unknown:
        raise Skip(f"onbekende vervoerswijze {unknown[0]!r} (verwacht {', '.join(Hindrance.Mode.values)})")
    return modes


def _consequences(value: Any) -> dict[str, str]:
    """{mode: consequence}, also written "cars:closed; cyclists:narrowed" in a CSV."""
    if isinstance(value, str):
        pairs = [part.split(":", 1) for part in value.replace(",", ";").split(";") if part.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise Skip("gevolgen moeten als 'vervoerswijze:gevolg; …' geschreven zijn")
        value = {mode.strip(): consequence.strip() for mode, consequence in pairs}
    if not isinstance(value, dict):
        raise Skip("gevolgen moeten een object {vervoerswijze: gevolg} zijn")
    _modes(list(value))
    for consequence in value.values():
        if consequence not in Hindrance.Consequence.values:
            raise Skip(f"onbekend gevolg {consequence!r} (verwacht {', '.join(Hindrance.Consequence.values)})")
    return dict(value)


def _hindrance(item: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise Skip("elke hinder moet een object zijn")
    severe = item.get("severe", False)
    if not isinstance(severe, bool):
        text = str(severe).strip().lower()
        if text not in TRUE | FALSE:
            raise Skip(f"ernstige hinder {severe!r} moet ja of nee zijn")
        severe = text in TRUE
    hindrance_start = parse_date(item["start"], "begindatum hinder") if item.get("start") else start
    hindrance_end = parse_date(item["end"], "einddatum hinder") if item.get("end") else end
    if hindrance_end < hindrance_start:
        raise Skip("einddatum van de hinder ligt voor de begindatum")
    return {
        "severe": severe,
        "description": str(item.get("description") or ""),
        "start_date": hindrance_start,
        "end_date": hindrance_end,
        "consequences": _consequences(item.get("consequences") or {}),
    }


def _diversion(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict) or not str(item.get("description") or "").strip():
        raise Skip("elke omleiding heeft een omschrijving nodig")
    route = item.get("geometry")
    return {
        "description": str(item["description"]).strip(),
        "modes": _modes(item.get("modes")),
        "geometry": parse_geometry(route, "route van de omleiding") if route else None,
    }
