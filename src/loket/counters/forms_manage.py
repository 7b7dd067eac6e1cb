"""Forms of the managers' pages: the figures' filter, desks, capacity settings, opening exceptions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.catalogue.models import Service
from loket.counters.manage import SETTINGS_FIELDS
from loket.counters.models import CounterSettings
from loket.organisation.models import Location

MAX_PERIOD_DAYS = 366


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"class": "a-input", **(attrs or {})}, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"class": "a-input", **(attrs or {})}, format="%H:%M")


def counter_locations() -> QuerySet[Location]:
    return Location.objects.exclude(kind=Location.Kind.SELF_SERVICE).order_by("name")


class FiguresFilterForm(forms.Form):
    start = forms.DateField(label=_("Van"), widget=DateInput())
    end = forms.DateField(label=_("Tot en met"), widget=DateInput())
    location = forms.ModelChoiceField(
        label=_("Locatie"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("Alle loketten"),
        to_field_name="slug",
        widget=forms.Select(attrs={"class": "a-input"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = counter_locations()  # type: ignore[attr-defined]

    @classmethod
    def defaults(cls, *, today: dt.date | None = None) -> dict[str, str]:
        """The last seven days, today included."""
        today = today or timezone.localdate()
        return {"start": (today - dt.timedelta(days=6)).isoformat(), "end": today.isoformat(), "location": ""}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("Het einde van de periode ligt na het begin."))
            elif (end - start).days >= MAX_PERIOD_DAYS:
                self.add_error("end", _("Kies een periode van hoogstens een jaar."))
        return data


class DeskForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=50, widget=forms.TextInput(attrs={"class": "a-input"}))
    services = forms.ModelMultipleChoiceField(
        label=_("Diensten aan deze balie"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bookable = forms.BooleanField(label=_("Boekbaar voor afspraken"), required=False, initial=True)

    def __init__(self, *args: Any, location: Location, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offered = Service.objects.filter(Q(locations=location) | Q(desks__location=location))
        queryset = Service.objects.filter(pk__in=offered.values("pk")).exclude(counter=Service.Counter.NONE)
        self.fields["services"].queryset = queryset.order_by("name")  # type: ignore[attr-defined]


class CounterSettingsForm(forms.ModelForm):
    # Field limits as in the model's constraints, so that the message stands next to the field.
    slot_minutes = forms.IntegerField(label=_("Slotlengte (minuten)"), min_value=5, max_value=240)
    online_share = forms.IntegerField(
        label=_("Deel van de capaciteit online boekbaar (%)"),
        min_value=0,
        max_value=100,
        help_text=_("De rest blijft voor boekingen via het contactcenter en aan het loket."),
    )
    release_hour = forms.IntegerField(
        label=_("Uur waarop een nieuwe dag vrijkomt"),
        min_value=0,
        max_value=23,
        help_text=_("Elke dag om dit uur komt de laatste dag van de horizon vrij."),
    )
    horizon_days = forms.IntegerField(label=_("Boekingshorizon (dagen)"), min_value=1, max_value=365)

    class Meta:
        model = CounterSettings
        fields = SETTINGS_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "a-input")


class OpeningExceptionForm(forms.Form):
    CLOSED, OTHER_HOURS = "closed", "hours"

    date = forms.DateField(label=_("Datum"), widget=DateInput())
    kind = forms.ChoiceField(
        label=_("Soort uitzondering"),
        choices=[(CLOSED, _("De hele dag gesloten")), (OTHER_HOURS, _("Andere openingsuren"))],
        initial=CLOSED,
        widget=forms.RadioSelect,
    )
    opens = forms.TimeField(label=_("Open om"), required=False, widget=TimeInput())
    closes = forms.TimeField(label=_("Sluit om"), required=False, widget=TimeInput())
    reason = forms.CharField(
        label=_("Reden"),
        max_length=200,
        required=False,
        help_text=_("Zichtbaar voor burgers op de pagina van de locatie."),
        widget=forms.TextInput(attrs={"class": "a-input"}),
    )
