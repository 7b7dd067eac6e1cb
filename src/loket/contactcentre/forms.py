"""Forms of the contact-centre workspace: they parse input; the services decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.cases.models import Case, InternalTask
from loket.catalogue.models import Service, Topic
from loket.citizens.models import ContactMoment, Language
from loket.organisation.models import Team

MAX_MINUTES = 8 * 60
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _services() -> Any:
    return Service.objects.filter(active=True).order_by("name")


class DateTimeLocalInput(forms.DateTimeInput):
    """``<input type="datetime-local">``: the browser's own date and time picker."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_LOCAL)


class DurationField(forms.IntegerField):
    """Minutes on the phone; empty means "since the call was opened"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Duur van het gesprek (minuten)"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_MINUTES)
        kwargs.setdefault(
            "help_text", _("Leeg laten: de tijd sinds het gesprek geopend werd wordt ingevuld bij het bewaren.")
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "data-call-minutes": ""})


class ContactMomentForm(forms.Form):
    channel = forms.ChoiceField(label=_("Kanaal"), choices=ContactMoment.Channel.choices, initial="phone")
    topic = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("— geen —"),
    )
    service = forms.ModelChoiceField(
        label=_("Dienst"),
        queryset=Service.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("— geen —"),
    )
    outcome = forms.ChoiceField(
        label=_("Resultaat"),
        choices=[("", _("— kies —")), *ContactMoment.Outcome.choices],
        error_messages={"required": _("Kies hoe het contact afliep.")},
    )
    duration = DurationField()
    notes = forms.CharField(
        label=_("Notities"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "contact")
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = _services()  # type: ignore[attr-defined]


class CitizenCreateForm(forms.Form):
    """A caller the city does not know yet: the names are enough, the rest helps finding them again."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Familienaam"), max_length=150)
    national_number = forms.CharField(
        label=_("Rijksregisternummer"), max_length=20, required=False, help_text=_("11 cijfers, bv. 85.07.30-033.28.")
    )
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    street = forms.CharField(label=_("Straat"), max_length=120, required=False)
    number = forms.CharField(label=_("Huisnummer"), max_length=20, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=4, required=False)
    preferred_language = forms.ChoiceField(label=_("Voorkeurtaal"), choices=Language.choices, initial=Language.DUTCH)
    needs_digital_help = forms.BooleanField(label=_("Heeft hulp nodig bij digitale diensten"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "nieuw")
        super().__init__(*args, **kwargs)


class StartRequestForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Aanvraag starten voor"),
        queryset=Service.objects.none(),
        to_field_name="slug",
        empty_label=_("— kies een dienst —"),
        error_messages={"required": _("Kies een dienst."), "invalid_choice": _("Kies een dienst uit de lijst.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = (  # type: ignore[attr-defined]
            Service.objects.filter(active=True, form_definition__active=True).order_by("name")
        )


class _TaskForm(forms.Form):
    title = forms.CharField(label=_("Onderwerp"), max_length=200)
    description = forms.CharField(
        label=_("Vraag en wat al gezegd werd"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    service = forms.ModelChoiceField(
        label=_("Dienst"),
        queryset=Service.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("— geen —"),
    )
    due_at = forms.DateTimeField(
        label=_("Uiterlijk af op"),
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        error_messages={"required": _("Geef een datum en uur."), "invalid": _("Geef een datum en uur.")},
    )
    duration = DurationField()

    def __init__(self, *args: Any, cases: list[Case] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = _services()  # type: ignore[attr-defined]
        self.cases = {case.reference: case for case in cases or []}
        self.fields["case"] = forms.ChoiceField(
            label=_("Over de zaak"),
            required=False,
            choices=[("", _("— geen zaak —"))]
            + [(case.reference, f"{case.reference} · {case.title}") for case in cases or []],
        )

    def clean_due_at(self) -> dt.datetime:
        due: dt.datetime = self.cleaned_data["due_at"]
        if due <= timezone.now():
            raise ValidationError(_("Dit tijdstip ligt in het verleden."))
        return due

    def clean_case(self) -> Case | None:
        return self.cases.get(self.cleaned_data.get("case") or "")


class HandoverForm(_TaskForm):
    kind = forms.ChoiceField(
        label=_("Naar wie"),
        choices=[
            (InternalTask.Kind.HANDOVER, _("Doorgeven aan een backoffice (het bevoegde team)")),
            (InternalTask.Kind.ESCALATION, _("Escaleren naar het centraal team specialisten (tweede lijn)")),
        ],
        initial=InternalTask.Kind.HANDOVER,
        widget=forms.RadioSelect,
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("— het bevoegde team voor de dienst —"),
        help_text=_("Leeg laten: het team dat volgens het bevoegdhedenregister de dienst behandelt voor deze burger."),
    )
    field_order = ["kind", "service", "team", "case", "title", "description", "due_at", "duration"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.select_related("district").order_by("level", "name")  # type: ignore[attr-defined]
        self.order_fields(self.field_order)


class CallbackForm(_TaskForm):
    phone = forms.CharField(label=_("Terugbellen op"), max_length=30)
    field_order = ["phone", "title", "description", "service", "case", "due_at", "duration"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)


def minutes_to_seconds(minutes: int | None, *, elapsed: int) -> int:
    """The duration to record: what the agent typed, else the time since the call was opened."""
    return elapsed if minutes is None else minutes * 60
