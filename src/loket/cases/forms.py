"""Forms of the back-office pages: they only parse and validate input; the work is in ``backoffice``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loket.cases.backoffice import ALL, OPEN, WorkQueueFilters, status_choices
from loket.cases.workflows import workflow_for, workflow_kinds
from loket.catalogue.models import Service
from loket.organisation.models import District, Team


class WorkQueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    service = forms.ChoiceField(label=_("Dienst"), required=False)
    kind = forms.ChoiceField(label=_("Soort"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)
    due = forms.ChoiceField(
        label=_("Uiterste datum"),
        required=False,
        choices=[("", _("alle")), ("overdue", _("over de termijn")), ("week", _("deze week"))],
    )
    assignee = forms.ChoiceField(
        label=_("Behandelaar"),
        required=False,
        choices=[("", _("iedereen")), ("me", _("ik")), ("nobody", _("niemand")), ("someone", _("iemand"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["status"].choices = [(OPEN, _("alle open zaken")), (ALL, _("alle zaken")), *status_choices()]
        fields["district"].choices = [
            ("", _("alle districten")),
            *District.objects.order_by("name").values_list("slug", "name"),
        ]
        fields["service"].choices = [
            ("", _("alle diensten")),
            *Service.objects.order_by("name").values_list("slug", "name"),
        ]
        fields["kind"].choices = [("", _("alle soorten"))] + [
            (kind, str(workflow_for(kind).label_text)) for kind in workflow_kinds()
        ]
        fields["team"].choices = [("", _("alle teams")), *Team.objects.order_by("name").values_list("slug", "name")]

    def filters(self) -> WorkQueueFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        values = {name: data.get(name) or "" for name in WorkQueueFilters.__dataclass_fields__}
        return WorkQueueFilters(**values)


class TransitionForm(forms.Form):
    # A plain field: a status the workflow does not allow reaches the engine, which says why not.
    status = forms.CharField(label=_("Nieuwe status"), widget=forms.Select)
    text = forms.CharField(label=_("Toelichting (optioneel)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    public = forms.BooleanField(label=_("De burger ziet deze toelichting"), required=False)

    def __init__(self, *args: Any, choices: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["status"].widget.choices = choices  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 3}))
    public = forms.BooleanField(label=_("Publiek: de burger ziet deze notitie"), required=False)


class InformationRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Welke informatie heb je van de burger nodig?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    decision = forms.CharField(label=_("Beslissing"), widget=forms.Textarea(attrs={"rows": 3}))
    closing_status = forms.ChoiceField(label=_("Afsluiten als"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["closing_status"].choices = choices  # type: ignore[attr-defined]
