"""A Django form built from a form definition: each type mapped to a field with Dutch label and help."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from loket.requests.definitions import choice_pairs
from loket.requests.models import FormDefinition

PHONE = re.compile(r"^\+?[0-9 ()./-]{8,20}$")


def _national_number_validate(value: str) -> str:
    """The citizens app's check (checksum, both centuries, BIS numbers); imported lazily."""
    from loket.citizens.national import national_number_validate

    return national_number_validate(value)


class NationalNumberField(forms.CharField):
    def clean(self, value: Any) -> str:
        value = super().clean(value)
        return _national_number_validate(value) if value else ""


def _phone_validate(value: str) -> None:
    if value and not PHONE.match(value):
        raise ValidationError(_("Geef een telefoonnummer, bv. 03 211 11 11 of +32 470 12 34 56."))


def field_for(spec: dict[str, Any]) -> forms.Field:
    """The Django form field for one entry of a definition's ``fields``."""
    common: dict[str, Any] = {
        "label": spec["label"],
        "required": bool(spec.get("required", False)),
        "help_text": spec.get("help", ""),
    }
    kind = spec["type"]
    if kind == "textarea":
        return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
    if kind == "email":
        return forms.EmailField(**common)
    if kind == "phone":
        return forms.CharField(max_length=30, validators=[_phone_validate], **common)
    if kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == "number":
        return forms.DecimalField(max_digits=12, decimal_places=2, **common)
    if kind == "choice":
        choices = [("", _("— kies —")), *choice_pairs(spec["choices"])]
        return forms.ChoiceField(choices=choices, **common)
    if kind == "checkbox":
        return forms.BooleanField(**common)
    if kind == "national_number":
        common["help_text"] = common["help_text"] or _(
            "11 cijfers, bv. 85.07.30-033.28; u vindt het op uw identiteitskaart."
        )
        return NationalNumberField(max_length=20, **common)
    if kind == "address":
        common["help_text"] = common["help_text"] or _(
            "Straat, huisnummer en postcode, bv. Grote Markt 1, 2000 Antwerpen."
        )
        return forms.CharField(max_length=300, **common)
    return forms.CharField(max_length=300, **common)


def answers_json(cleaned: dict[str, Any], definition: FormDefinition) -> dict[str, Any]:
    """The cleaned answers in JSON-safe form (dates as ISO text, numbers as text)."""
    result: dict[str, Any] = {}
    for spec in definition.fields:
        value = cleaned.get(spec["name"])
        if value is None or value == "":
            continue
        result[spec["name"]] = value if isinstance(value, (str, bool, int)) else str(value)
    return result


_classes: dict[tuple[Any, ...], type[forms.Form]] = {}


def request_form_class(definition: FormDefinition, *, with_documents: bool = True) -> type[forms.Form]:
    """A form class for ``definition``: its fields, one file field per document, and consent.

    Built once per process for each saved state of a definition and language (its ``updated_at`` is in the key).
    """
    key = (definition.pk, definition.updated_at, with_documents, get_language())
    cached = _classes.get(key)
    if cached is None or definition.pk is None:
        if len(_classes) > 256:
            _classes.clear()
        cached = _classes[key] = _build(definition, with_documents=with_documents)
    return cached


def _build(definition: FormDefinition, *, with_documents: bool) -> type[forms.Form]:
    attrs: dict[str, Any] = {spec["name"]: field_for(spec) for spec in definition.fields}
    if with_documents:
        for doc in definition.documents:
            attrs[f"doc_{doc['name']}"] = forms.FileField(
                label=doc["label"],
                required=False,  # required documents are checked against the draft's files too
                help_text=doc.get("help") or _("PDF, JPG of PNG."),
                widget=forms.ClearableFileInput(attrs={"accept": ",".join(doc.get("types", []))}),
            )
    attrs["consent"] = forms.BooleanField(
        label=definition.consent_text,
        required=True,
        error_messages={"required": _("Geef uw toestemming om de aanvraag te versturen.")},
    )
    return type("RequestForm", (forms.Form,), attrs)
