"""Forms of the consultation pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from loket.consultations.models import AgendaItem, Meeting, MeetingSeries
from loket.formfields import MultipleFileField
from loket.organisation.models import District

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(forms.Form):
    series = forms.ModelChoiceField(MeetingSeries.objects.all(), label=_("Overlegreeks"))
    title = forms.CharField(label=_("Titel"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Begint om"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Eindigt om"), widget=DATETIME)
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False, help_text=_("Leeg: de vaste plaats."))
    proposals_until = forms.DateTimeField(label=_("Agendapunten voorstellen tot"), widget=DATETIME, required=False)
    guests = forms.CharField(
        label=_("Andere deelnemers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel; een e-mailadres krijgt de uitnodiging."),
    )


class RescheduleForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Begint om"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Eindigt om"), widget=DATETIME)
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Titel van het agendapunt"), max_length=200)
    description = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    documents = MultipleFileField(label=_("Documenten (PDF, JPG of PNG)"), required=False)


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Reden van weigering"), widget=forms.Textarea(attrs={"rows": 2}))


class RecordForm(forms.Form):
    minutes = forms.CharField(label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    decision = forms.CharField(label=_("Beslissing"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Actie"), max_length=250)
    owner_district = forms.ModelChoiceField(District.objects.none(), label=_("District"), required=False)
    owner_name = forms.CharField(label=_("Eigenaar"), max_length=150, required=False)
    due_date = forms.DateField(label=_("Tegen"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    item = forms.ModelChoiceField(AgendaItem.objects.none(), label=_("Bij agendapunt"), required=False)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "action")
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner_district"]).queryset = meeting.districts.all()
        cast(forms.ModelChoiceField, self.fields["item"]).queryset = meeting.items.filter(
            status=AgendaItem.Status.ACCEPTED
        )


class CompleteForm(forms.Form):
    note = forms.CharField(label=_("Opvolging"), required=False, max_length=2000)
