"""Forms of the booking pages: service, location, time, the citizen's details."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from loket.catalogue.models import Service
from loket.organisation.models import Location

MAX_PERSONS = 5


def bookable_services() -> QuerySet[Service]:
    """Active services that are handled at a counter by appointment (always or optionally)."""
    return Service.objects.filter(
        active=True, counter__in=[Service.Counter.APPOINTMENT, Service.Counter.BOTH]
    ).order_by("name")


def bookable_locations(service: Service) -> QuerySet[Location]:
    """Locations offering the service with at least one bookable desk that serves it."""
    return service.locations.filter(desks__services=service, desks__bookable=True).distinct().order_by("name")


class ServiceForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        to_field_name="slug",
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Waarvoor komt u?"),
        error_messages={"required": _("Kies een dienst."), "invalid_choice": _("Kies een dienst uit de lijst.")},
    )
    persons = forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(1, MAX_PERSONS + 1)],
        coerce=int,
        required=False,
        empty_value=None,
        initial=1,
        label=_("Voor hoeveel personen of producten?"),
        help_text=_("Bijvoorbeeld: twee identiteitskaarten voor twee gezinsleden. Dat duurt langer."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = bookable_services()  # type: ignore[attr-defined]


class LocationForm(forms.Form):
    location = forms.ModelChoiceField(
        queryset=Location.objects.none(),
        to_field_name="slug",
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Waar wilt u komen?"),
        error_messages={"required": _("Kies een loket."), "invalid_choice": _("Kies een loket uit de lijst.")},
    )

    def __init__(self, *args: Any, service: Service, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = bookable_locations(service)  # type: ignore[attr-defined]
        self.fields["location"].label_from_instance = lambda loc: f"{loc.name}, {loc.address}"  # type: ignore[attr-defined]


def slot_value(start: datetime) -> str:
    return start.isoformat()


def slot_label(start: datetime) -> str:
    return date_format(timezone.localtime(start), "H:i")


def day_label(day: date) -> str:
    return date_format(day, "l j F")


class TimeForm(forms.Form):
    """One time on one day; the choices are the free slots shown to the citizen."""

    start = forms.ChoiceField(
        widget=forms.RadioSelect,
        label=_("Kies een tijd"),
        error_messages={
            "required": _("Kies een tijd."),
            "invalid_choice": _("Dit tijdstip is niet (meer) vrij. Kies een ander tijdstip."),
        },
    )

    def __init__(self, *args: Any, starts: Iterable[datetime], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = [(slot_value(s), slot_label(s)) for s in starts]  # type: ignore[attr-defined]

    def clean_start(self) -> datetime:
        value = parse_datetime(self.cleaned_data["start"])
        if value is None or timezone.is_naive(value):
            raise forms.ValidationError(_("Kies een tijd."))
        return value


class DetailsForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=150, error_messages={"required": _("Vul uw naam in.")})
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("We sturen de bevestiging en een herinnering naar dit adres."),
        error_messages={"required": _("Vul uw e-mailadres in."), "invalid": _("Dit is geen geldig e-mailadres.")},
    )
    phone = forms.CharField(label=_("Telefoonnummer (niet verplicht)"), max_length=30, required=False)
    needs_assistance = forms.BooleanField(
        label=_("Ik heb hulp nodig (bijvoorbeeld bij het lezen, horen of met een rolstoel)"), required=False
    )

    def __init__(self, *args: Any, for_caller: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.for_caller = for_caller
        if for_caller:
            # A caller may have no e-mail address; then at least a phone number.
            self.fields["name"].label = _("Naam van de burger")
            self.fields["email"].required = False
            self.fields["email"].label = _("E-mailadres van de burger (voor de bevestiging)")
            self.fields["email"].help_text = ""
            self.fields["phone"].label = _("Telefoonnummer van de burger")
            self.fields["needs_assistance"].label = _("De burger heeft hulp nodig")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.for_caller and not data.get("email") and not data.get("phone") and not self.has_error("email"):
            self.add_error("phone", _("Vul een e-mailadres of een telefoonnummer in."))
        return data


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, ik annuleer deze afspraak"), error_messages={"required": _("Vink aan dat u wilt annuleren.")}
    )
