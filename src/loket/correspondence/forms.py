"""The letter form: parties by code, the reply term in working days, the letter as PDF, attachments."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.correspondence.models import Letter
from loket.correspondence.parties import party_choices
from loket.formfields import MultipleFileField


class LetterForm(forms.Form):
    sender = forms.ChoiceField(label=_("Afzender"))
    recipients = forms.MultipleChoiceField(
        label=_("Bestemmelingen"), help_text=_("Houd Ctrl (of Cmd) ingedrukt om er meer te kiezen.")
    )
    subject = forms.CharField(label=_("Onderwerp"), max_length=250)
    letter_date = forms.DateField(
        label=_("Datum van de brief"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    body = forms.CharField(label=_("Tekst"), required=False, widget=forms.Textarea(attrs={"rows": 10}))
    pdf = forms.FileField(label=_("De brief als PDF (mag in plaats van de tekst)"), required=False)
    attachments = MultipleFileField(label=_("Bijlagen (PDF, JPG of PNG)"), required=False)
    reply_expected = forms.BooleanField(label=_("Er wordt een antwoord verwacht"), required=False)
    reply_days = forms.IntegerField(label=_("Antwoordtermijn in werkdagen"), required=False, min_value=1, max_value=250)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = party_choices()
        cast(forms.ChoiceField, self.fields["sender"]).choices = [("", "—"), *choices]
        cast(forms.MultipleChoiceField, self.fields["recipients"]).choices = choices
        self.fields["letter_date"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reply_expected") and not data.get("reply_days"):
            self.add_error("reply_days", _("Geef de antwoordtermijn in werkdagen."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, label) for s, label in Letter.Status.choices if s != Letter.Status.ANSWERED]
    )
