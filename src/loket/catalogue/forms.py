"""The small form on a service page with which citizens tell what suits them."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District


class AdviceForm(forms.Form):
    not_digital = forms.BooleanField(required=False, label=_("Ik kan niet digitaal werken"))
    needs_help = forms.BooleanField(required=False, label=_("Ik heb hulp nodig"))
    reduced_mobility = forms.BooleanField(required=False, label=_("Ik heb een beperkte mobiliteit"))
    district = forms.ModelChoiceField(
        queryset=District.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Mijn district"),
        empty_label=_("Kies uw district (niet verplicht)"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["district"].queryset = District.objects.valid_on(timezone.localdate())  # type: ignore[attr-defined]
