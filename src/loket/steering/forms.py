"""The channel mix's filter: a period, a grouping and optionally one district."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District
from loket.steering.selectors import GROUPINGS, PeriodInvalid, period_bounds

DEFAULT_DAYS = 30


def default_period(*, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last thirty days, today included."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=DEFAULT_DAYS - 1), today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(attrs={"class": "a-input"}, format="%Y-%m-%d")


class ChannelMixFilterForm(forms.Form):
    start = forms.DateField(label=_("Van"), widget=DateInput())
    end = forms.DateField(label=_("Tot en met"), widget=DateInput())
    group_by = forms.ChoiceField(
        label=_("Indelen per"),
        choices=[(key, label) for key, label in GROUPINGS.items()],
        widget=forms.Select(attrs={"class": "a-input"}),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.order_by("name"),
        required=False,
        empty_label=_("Alle districten"),
        to_field_name="slug",
        widget=forms.Select(attrs={"class": "a-input"}),
    )

    @classmethod
    def bound(cls, query: Any) -> ChannelMixFilterForm:
        """The form for a request's query string; missing values take the defaults."""
        start, end = default_period()
        data = {"start": start.isoformat(), "end": end.isoformat(), "group_by": "service", "district": ""}
        data.update({key: query[key] for key in data if key in query})
        return cls(data)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            try:
                period_bounds(date_from=start, date_to=end)
            except PeriodInvalid as exc:
                self.add_error("end", str(exc))
        return data
