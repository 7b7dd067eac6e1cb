"""Answers to a category's extra questions (Open311 attributes), checked against its definition."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from loket.reports.models import Category

DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
MAX_TEXT = {"string": 200, "text": 2000}


def _one(definition: dict[str, Any], value: Any) -> Any:
    datatype = definition.get("datatype", "string")
    keys = {str(v["key"]) for v in definition.get("values", [])}
    if datatype in MAX_TEXT:
        text = str(value).strip()
        if len(text) > MAX_TEXT[datatype]:
            raise ValidationError(_("Het antwoord is te lang (maximaal %(n)s tekens).") % {"n": MAX_TEXT[datatype]})
        return text
    if datatype == "number":
        try:
            return float(str(value).replace(",", "."))
        except ValueError:
            raise ValidationError(_("Geef een getal.")) from None
    if datatype == "datetime":
        moment = parse_datetime(str(value))
        if moment is None:
            raise ValidationError(_("Geef een datum en tijd (JJJJ-MM-DDTUU:MM)."))
        return moment.isoformat()
    if datatype == "singlevaluelist":
        if isinstance(value, (list, tuple)):
            if len(value) != 1:
                raise ValidationError(_("Kies één antwoord."))
            value = value[0]
        if str(value) not in keys:
            raise ValidationError(_("Kies een van de gegeven antwoorden."))
        return str(value)
    if datatype == "multivaluelist":
        chosen = [str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if str(v) != ""]
        unknown = [v for v in chosen if v not in keys]
        if unknown:
            raise ValidationError(_("Onbekend antwoord: %(values)s.") % {"values": ", ".join(unknown)})
        return sorted(set(chosen), key=chosen.index)
    raise ValidationError(_("Onbekend soort vraag."))


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple)) and not any(str(v) for v in value))


def attributes_clean(*, category: Category | None, data: dict[str, Any] | None) -> dict[str, Any]:
    """The answers as stored, or ``ValidationError({"attributes": ["<code>: <message>", …]})``.

    Answers to questions the category does not ask are ignored (as Open311 clients may send them).
    """
    if category is None:
        return {}
    data = data or {}
    cleaned: dict[str, Any] = {}
    errors: list[str] = []
    for definition in sorted(category.attributes or [], key=lambda d: d.get("order", 0)):
        code = definition["code"]
        value = data.get(code)
        if _empty(value):
            if definition.get("required"):
                message = _("dit antwoord is verplicht (%(question)s)") % {"question": definition["description"]}
                errors.append(f"{code}: {message}")
            continue
        try:
            cleaned[code] = _one(definition, value)
        except ValidationError as exc:
            errors.extend(f"{code}: {message}" for message in exc.messages)
    if errors:
        raise ValidationError({"attributes": errors})
    return cleaned


def attribute_label(category: Category, code: str, value: Any) -> tuple[str, str]:
    """(question, answer) in words, for pages that show the answers."""
    for definition in category.attributes or []:
        if definition["code"] == code:
            names = {str(v["key"]): v["name"] for v in definition.get("values", [])}
            values = value if isinstance(value, list) else [value]
            return definition["description"], ", ".join(names.get(str(v), str(v)) for v in values)
    return code, str(value)
