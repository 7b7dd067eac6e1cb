"""Forms of the task pages: they only parse input; the work is in ``internal_tasks``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from loket.cases.models import InternalTask
from loket.organisation.models import Team

ALL = "all"


@dataclass(frozen=True)
class TaskFilters:
    kind: str = ""
    status: str = InternalTask.Status.OPEN
    team: str = ""
    overdue: bool = False

    def as_query(self) -> dict[str, str]:
        return {
            "soort": self.kind,
            "status": self.status,
            "team": self.team,
            **({"te_laat": "ja"} if self.overdue else {}),
        }


class TaskFilterForm(forms.Form):
    # Dutch parameter names: they show in the address bar of a Dutch page.
    soort = forms.ChoiceField(label=_("Soort"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)
    te_laat = forms.BooleanField(label=_("Enkel te laat"), required=False)

    def __init__(self, *args: Any, teams: QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["soort"].choices = [("", _("alle soorten")), *InternalTask.Kind.choices]
        fields["status"].choices = [*InternalTask.Status.choices, (ALL, _("alle"))]
        fields["team"].choices = [("", _("alle teams")), *teams.values_list("slug", "name")]

    def filters(self) -> TaskFilters:
        """The valid filters; a wrong value falls back to its default (the page says so)."""
        if not self.is_bound:
            return TaskFilters()
        self.is_valid()  # cleaned_data keeps only the valid fields
        data = self.cleaned_data
        return TaskFilters(
            kind=data.get("soort") or "",
            status=data.get("status") or InternalTask.Status.OPEN,
            team=data.get("team") or "",
            overdue=bool(data.get("te_laat")),
        )


class ResultForm(forms.Form):
    result = forms.CharField(label=_("Resultaat"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reden"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(label=_("Collega"), coerce=int)

    def __init__(self, *args: Any, colleagues: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.colleagues = {person.pk: person for person in colleagues}
        self.fields["assignee"].choices = [  # type: ignore[attr-defined]
            ("", _("— kies een collega —")),
            *((person.pk, person.get_full_name() or person.username) for person in colleagues),
        ]

    def chosen(self) -> Any:
        return self.colleagues[self.cleaned_data["assignee"]]
