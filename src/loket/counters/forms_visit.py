"""Forms of the visit pages at the desk: they parse input; the work is in ``counters.visits``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.cases.models import Case
from loket.catalogue.models import Service
from loket.citizens.models import ContactMoment


def _apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` next to the form's fields (the rest on top)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class CitizenCreateForm(forms.Form):
    """A citizen the city does not know yet (the citizens service validates and normalises)."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Familienaam"), max_length=150)
    national_number = forms.CharField(label=_("Rijksregisternummer"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    street = forms.CharField(label=_("Straat"), max_length=120, required=False)
    number = forms.CharField(label=_("Huisnummer"), max_length=20, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=4, required=False)

    add_service_errors = _apply_errors


class VisitRegisterForm(forms.Form):
    services = forms.ModelMultipleChoiceField(
        queryset=Service.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Behandelde diensten"),
    )
    other_service = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Andere behandelde dienst"),
        empty_label=_("— geen —"),
    )
    outcome = forms.ChoiceField(
        label=_("Resultaat"), choices=ContactMoment.Outcome.choices, initial=ContactMoment.Outcome.ANSWERED
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur (minuten)"),
        required=False,
        min_value=0,
        help_text=_("Leeg: de tijd sinds het begin van het bezoek."),
    )
    notes = forms.CharField(label=_("Notities"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    add_service_errors = _apply_errors

    def __init__(self, *args: Any, desk_services: QuerySet[Service], with_duration: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["services"].queryset = desk_services
        fields["other_service"].queryset = Service.objects.filter(active=True).order_by("name")
        if not with_duration:
            del self.fields["duration_minutes"]

    def chosen_services(self) -> list[Service]:
        chosen = list(self.cleaned_data.get("services") or [])
        other = self.cleaned_data.get("other_service")
        if other is not None and other not in chosen:
            chosen.append(other)
        return chosen


class CaseCloseForm(forms.Form):
    reference = forms.CharField(widget=forms.HiddenInput, max_length=20)
    decision = forms.CharField(
        label=_("Wat gebeurde er aan de balie?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: document overhandigd. De burger ziet deze tekst."),
        required=False,
    )

    add_service_errors = _apply_errors


class EscalationForm(forms.Form):
    description = forms.CharField(
        label=_("Wat is het probleem?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("De specialisten krijgen deze tekst met het bezoek en de gegevens van de gekozen zaak."),
        required=False,
    )
    case = forms.ChoiceField(label=_("Over welke zaak?"), required=False)
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Dienst"),
        empty_label=_("— de dienst van de zaak of van het bezoek —"),
    )
    due_at = forms.DateTimeField(
        label=_("Uiterlijk af op"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Standaard het einde van de volgende werkdag."),
    )

    add_service_errors = _apply_errors

    def __init__(self, *args: Any, cases: list[Case], due_default: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["case"].choices = [("", _("— geen zaak —"))] + [
            (case.reference, f"{case.reference}: {case.title}") for case in cases
        ]
        fields["service"].queryset = Service.objects.filter(active=True).order_by("name")
        fields["due_at"].initial = timezone.localtime(due_default).replace(tzinfo=None)
