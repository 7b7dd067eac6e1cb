"""Filters of the audit trail page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loket.audit.models import AuditEntry
from loket.audit.selectors import audit_object_types


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Handeling"), required=False)
    object_type = forms.ChoiceField(label=_("Soort record"), required=False)
    object_id = forms.CharField(label=_("Record-id"), required=False, max_length=64)
    actor = forms.CharField(label=_("Gebruikersnaam"), required=False, max_length=150)
    date_from = forms.DateField(
        label=_("Vanaf (JJJJ-MM-DD)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_until = forms.DateField(
        label=_("Tot en met (JJJJ-MM-DD)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["action"].choices = everything + list(AuditEntry.Action.choices)  # type: ignore[attr-defined]
        self.fields["object_type"].choices = everything + [(t, t) for t in audit_object_types()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_until = cleaned.get("date_from"), cleaned.get("date_until")
        if date_from and date_until and date_until < date_from:
            raise forms.ValidationError(_("De einddatum ligt voor de begindatum."))
        return cleaned
