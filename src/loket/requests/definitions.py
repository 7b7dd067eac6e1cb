"""The structure of a form definition's JSON, checked on save with clear Dutch errors.

``fields``: a list of ``{name, label, type, required, choices, help}`` with ``type`` one of
``FIELD_TYPES``; ``choices`` (a list of strings or ``[value, label]`` pairs) only and always
for ``choice``. ``documents``: a list of ``{name, label, required, types}`` with ``types`` a
subset of the case engine's accepted types.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FIELD_TYPES = (
    "text",
    "textarea",
    "email",
    "phone",
    "date",
    "number",
    "choice",
    "checkbox",
    "national_number",
    "address",
)
NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
RESERVED = {"consent", "action"}
FIELD_KEYS = {"name", "label", "type", "required", "choices", "help"}
DOCUMENT_KEYS = {"name", "label", "required", "types", "help"}


def _common(item: Any, index: int, what: str, keys: set[str], seen: set[str]) -> list[str]:
    where = _("%(what)s %(n)s") % {"what": what, "n": index + 1}
    if not isinstance(item, dict):
        return [_("%(where)s moet een object zijn met minstens 'name' en 'label'.") % {"where": where}]
    errors = []
    unknown = sorted(set(item) - keys)
    if unknown:
        errors.append(_("%(where)s: onbekende sleutels %(keys)s.") % {"where": where, "keys": ", ".join(unknown)})
    name = item.get("name")
    if not isinstance(name, str) or not NAME.match(name) or name in RESERVED:
        errors.append(
            _(
                "%(where)s: 'name' moet beginnen met een kleine letter en mag enkel kleine letters, cijfers en _ bevatten (niet 'consent' of 'action')."  # noqa: E501
            )
            % {"where": where}
        )
    elif name in seen:
        errors.append(_("%(where)s: de naam '%(name)s' komt twee keer voor.") % {"where": where, "name": name})
    else:
        seen.add(name)
    if not isinstance(item.get("label"), str) or not item["label"].strip():
        errors.append(_("%(where)s: geef een 'label' (de tekst die de burger ziet).") % {"where": where})
    if "required" in item and not isinstance(item["required"], bool):
        errors.append(_("%(where)s: 'required' moet true of false zijn.") % {"where": where})
    if "help" in item and not isinstance(item["help"], str):
        errors.append(_("%(where)s: 'help' moet tekst zijn.") % {"where": where})
    return errors


def _choices_ok(choices: Any) -> bool:
    if not isinstance(choices, list) or not choices:
        return False
    for choice in choices:
        if isinstance(choice, str) and choice:
            continue
        if isinstance(choice, list) and len(choice) == 2 and all(isinstance(c, str) and c for c in choice):
            continue
        return False
    return True


def fields_validate(fields: Any) -> None:
    """Raise ``ValidationError`` listing every problem in a definition's ``fields``."""
    if not isinstance(fields, list):
        raise ValidationError(_('De velden moeten een lijst zijn: [{"name": …, "label": …, "type": …}, …].'))
    errors: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(fields):
        errors += _common(item, index, _("Veld"), FIELD_KEYS, seen)
        if not isinstance(item, dict):
            continue
        kind = item.get("type")
        if kind not in FIELD_TYPES:
            errors.append(
                _("Veld %(n)s: 'type' moet een van %(types)s zijn.") % {"n": index + 1, "types": ", ".join(FIELD_TYPES)}
            )
        if kind == "choice" and not _choices_ok(item.get("choices")):
            errors.append(
                _("Veld %(n)s: een keuzeveld heeft 'choices' nodig: een lijst van teksten of [waarde, label]-paren.")
                % {"n": index + 1}
            )
        if kind != "choice" and "choices" in item:
            errors.append(_("Veld %(n)s: 'choices' hoort enkel bij het type 'choice'.") % {"n": index + 1})
    if errors:
        raise ValidationError(errors)


def documents_validate(documents: Any) -> None:
    """Raise ``ValidationError`` listing every problem in a definition's ``documents``."""
    if not isinstance(documents, list):
        raise ValidationError(_('De documenten moeten een lijst zijn: [{"name": …, "label": …, "types": […]}, …].'))
    allowed = list(settings.ATTACHMENT_ALLOWED_TYPES)
    errors: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(documents):
        errors += _common(item, index, _("Document"), DOCUMENT_KEYS, seen)
        if not isinstance(item, dict):
            continue
        types = item.get("types", allowed)
        if not isinstance(types, list) or not types or any(t not in allowed for t in types):
            errors.append(
                _("Document %(n)s: 'types' moet een lijst zijn uit %(allowed)s.")
                % {"n": index + 1, "allowed": ", ".join(allowed)}
            )
    if errors:
        raise ValidationError(errors)


def choice_pairs(choices: list[Any]) -> list[tuple[str, str]]:
    return [(c, c) if isinstance(c, str) else (c[0], c[1]) for c in choices]
