"""Open311 answers in both formats: JSON, and XML with the specification's element names.

A payload is a list of ``(element, OrderedFields)`` rows under a root element; a field's value
is a scalar, ``None`` (JSON null, an empty XML element), a list of nested rows
``(child_element, [fields, …])`` for XML containers such as ``<attributes><attribute>``.
"""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


class Nested:
    """A list value that XML wraps as ``<container><item>…</item></container>``."""

    def __init__(self, item: str, rows: list[Any]) -> None:
        self.item = item
        self.rows = rows


def _json_value(value: Any) -> Any:
    if isinstance(value, Nested):
        return [_json_value(row) for row in value.rows]
    if isinstance(value, dict):
        return {key: _json_value(inner) for key, inner in value.items()}
    return value


def _xml_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xml_fill(parent: ET.Element, fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        child = ET.SubElement(parent, key)
        if isinstance(value, Nested):
            for row in value.rows:
                item = ET.SubElement(child, value.item)
                if isinstance(row, dict):
                    _xml_fill(item, row)
                else:
                    item.text = _xml_text(row)
        elif isinstance(value, dict):
            _xml_fill(child, value)
        else:
            child.text = _xml_text(value)


def render(fmt: str, *, root: str, item: str | None, data: Any, status: int = 200) -> HttpResponse:
    """``data`` is a list of dicts (rendered under ``<root><item>``) or one dict (fields of ``<root>``)."""
    if fmt == "json":
        body = json.dumps(_json_value(data), cls=DjangoJSONEncoder, ensure_ascii=False)
    else:
        element = ET.Element(root)
        if isinstance(data, list):
            assert item is not None
            for row in data:
                _xml_fill(ET.SubElement(element, item), row)
        else:
            _xml_fill(element, data)
        body = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="unicode")
    return HttpResponse(body, status=status, content_type=FORMATS[fmt])


def errors(fmt: str, status: int, descriptions: list[str]) -> HttpResponse:
    """The specification's error list: ``[{"code", "description"}]`` or ``<errors><error>``."""
    rows = [{"code": status, "description": text} for text in descriptions]
    return render(fmt, root="errors", item="error", data=rows, status=status)
