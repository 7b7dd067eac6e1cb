"""Forms of the knowledge base pages: they parse input; the rules are in ``knowledge``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from loket.catalogue.knowledge import EDITABLE_FIELDS
from loket.catalogue.models import Audience, Competence, KnowledgeArticle, Service, Topic
from loket.organisation.models import Team

MAX_QUERY = 200


class KnowledgeSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek in de kennisbank"), required=False, max_length=MAX_QUERY)
    service = forms.CharField(label=_("Dienst"), required=False)

    def clean_q(self) -> str:
        return str(self.cleaned_data["q"]).strip()

    def clean_service(self) -> Service | None:
        """A service by slug (or by id, for pages that know only the id)."""
        value = str(self.cleaned_data["service"]).strip()
        if not value:
            return None
        lookup = {"pk": int(value)} if value.isdigit() else {"slug": value}
        service = Service.objects.filter(active=True, **lookup).select_related("topic").first()
        if service is None:
            raise ValidationError(_("Onbekende dienst."))
        return service


class _CompetenceChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        where = obj.district.name if obj.district else _("stad")
        return f"{obj.topic.name} — {where} ({obj.team.name})"


class KnowledgeArticleForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    question = forms.CharField(label=_("Vraag"), widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(label=_("Antwoord"), widget=forms.Textarea(attrs={"rows": 8}))
    audience = forms.ChoiceField(label=_("Voor wie"), choices=Audience.choices, initial=Audience.INTERNAL)
    topic = forms.ModelChoiceField(label=_("Thema"), queryset=Topic.objects.order_by("name"), required=False)
    competence = _CompetenceChoice(
        label=_("Bevoegdheid"),
        queryset=Competence.objects.select_related("topic", "district", "team").order_by(
            "topic__name", "district__name"
        ),
        required=False,
        help_text=_("Enkel als het antwoord over één district of over de stad gaat."),
    )
    service = forms.ModelChoiceField(
        label=_("Dienst"), queryset=Service.objects.filter(active=True).order_by("name"), required=False
    )
    legal_references = forms.CharField(
        label=_("Rechtsgrond en verwijzingen (één per regel)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    valid_from = forms.DateField(
        label=_("Geldig vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Geldig tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    owner_team = forms.ModelChoiceField(label=_("Eigenaar"), queryset=Team.objects.order_by("name"), required=False)


class KnowledgeArticleEditForm(KnowledgeArticleForm):
    published = forms.BooleanField(label=_("Gepubliceerd"), required=False)
    change_note = forms.CharField(label=_("Wat wijzigt u? (voor de versiegeschiedenis)"), max_length=300)

    @classmethod
    def for_article(cls, article: KnowledgeArticle, data: Any = None) -> KnowledgeArticleEditForm:
        return cls(data, initial={name: getattr(article, name) for name in EDITABLE_FIELDS})


class VoteForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("ja", _("ja")), ("nee", _("nee"))], coerce=lambda value: value == "ja", label=_("Was dit nuttig?")
    )
