"""Forms of the helpdesk pages: they parse and check input; the work is in ``services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loket.catalogue.models import Audience, Competence, Topic
from loket.formfields import MultipleFileField
from loket.helpdesk.models import QuestionTopic
from loket.helpdesk.workflow import QUESTION_WORKFLOW


class AskForm(forms.Form):
    title = forms.CharField(label=_("Titel van je vraag"), max_length=200)
    topic = forms.ChoiceField(label=_("Onderwerp"), choices=[("", _("— kies —")), *QuestionTopic.choices])
    text = forms.CharField(label=_("Beschrijf je vraag"), widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(
        label=_("Bijlagen (optioneel)"), required=False, help_text=_("PDF, JPG of PNG, hoogstens 10 MB per bestand.")
    )


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Je antwoord aan de helpdesk"), widget=forms.Textarea(attrs={"rows": 5}))
    reopen = forms.BooleanField(label=_("Mijn vraag is nog niet beantwoord: heropen ze"), required=False)
    attachments = MultipleFileField(label=_("Bijlagen (optioneel)"), required=False)


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Antwoord aan het district"), widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(label=_("Bijlagen bij het antwoord (optioneel)"), required=False)


class AskBackForm(forms.Form):
    text = forms.CharField(label=_("Wat wil je van de vraagsteller weten?"), widget=forms.Textarea(attrs={"rows": 4}))


class CloseForm(forms.Form):
    text = forms.CharField(
        label=_("Laatste woord aan het district (optioneel)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PublishForm(forms.Form):
    """The knowledge article, filled in from the question and its answer: edit, then publish."""

    title = forms.CharField(label=_("Titel van het artikel"), max_length=200)
    question = forms.CharField(label=_("Vraag in het artikel"), widget=forms.Textarea(attrs={"rows": 4}))
    answer = forms.CharField(label=_("Antwoord in het artikel"), widget=forms.Textarea(attrs={"rows": 8}))
    audience = forms.ChoiceField(label=_("Wie mag het lezen?"), choices=Audience.choices, initial=Audience.INTERNAL)
    topic = forms.ModelChoiceField(
        label=_("Thema in het bevoegdhedenregister (optioneel)"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        to_field_name="slug",
    )
    competence = forms.ModelChoiceField(
        label=_("Bevoegdheid (optioneel)"),
        queryset=Competence.objects.select_related("topic", "district", "team").order_by("topic__name", "district"),
        required=False,
    )
    legal_references = forms.CharField(
        label=_("Rechtsgrond en verwijzingen (optioneel, één per regel)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    valid_from = forms.DateField(
        label=_("Geldig vanaf (optioneel)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Geldig tot en met (optioneel)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        competence: Any = self.fields["competence"]
        competence.label_from_instance = lambda c: f"{c.topic.name} — {c.district.name if c.district else _('stad')}"


STATUS_FILTERS = [
    ("open", _("alle open vragen")),
    ("all", _("alle vragen")),
    *[(status, label) for status, label in QUESTION_WORKFLOW.statuses.items()],
]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_FILTERS)
    onderwerp = forms.ChoiceField(
        label=_("Onderwerp"), required=False, choices=[("", _("alle onderwerpen")), *QuestionTopic.choices]
    )
    district = forms.ChoiceField(label=_("District"), required=False)
    behandelaar = forms.ChoiceField(
        label=_("Behandelaar"),
        required=False,
        choices=[("", _("iedereen")), ("me", _("ik")), ("nobody", _("niemand"))],
    )
    termijn = forms.ChoiceField(
        label=_("Termijn"),
        required=False,
        choices=[("", _("alle")), ("over", _("over de termijn")), ("binnen", _("binnen de termijn"))],
    )

    def __init__(self, *args: Any, districts: list[tuple[str, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        district: Any = self.fields["district"]
        district.choices = [("", _("alle districten")), *districts]
