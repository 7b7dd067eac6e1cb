"""Forms of the report pages: they only parse input; ``services.report_submit`` does the work."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loket.formfields import MultipleFileField, MultipleFileInput
from loket.organisation.selectors import district_list_valid
from loket.reports.categories import MAIN_GROUPS
from loket.reports.models import Category
from loket.reports.photos import MAX_PHOTOS
from loket.reports.workflow import REPORT_WORKFLOW

UNKNOWN_CATEGORY = ""


def category_choices(categories: list[Category], *, blank: Any) -> list[Any]:
    """Categories grouped by main group (``<optgroup>``), in the order of the taxonomy."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for category in categories:
        groups[category.main].append((category.code, category.name_nl))
    ordered = [main for main in MAIN_GROUPS if main in groups] + sorted(set(groups) - set(MAIN_GROUPS))
    return [(UNKNOWN_CATEGORY, blank), *((str(MAIN_GROUPS.get(main, main)), groups[main]) for main in ordered)]


def attribute_field_name(category: Category, code: str) -> str:
    return f"vraag__{category.code}__{code}"


def _attribute_field(definition: dict[str, Any]) -> forms.Field:
    datatype = definition.get("datatype", "string")
    common: dict[str, Any] = {"label": definition["description"], "required": False}
    choices = [(str(v["key"]), v["name"]) for v in definition.get("values", [])]
    if datatype == "singlevaluelist":
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    if datatype == "multivaluelist":
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
    if datatype == "text":
        return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), **common)
    if datatype == "number":
        return forms.CharField(max_length=30, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common)
    return forms.CharField(max_length=200, **common)


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Wat wilt u melden?"),
        required=False,
        help_text=_("Kies 'Ik weet het niet' als niets past: dan delen wij uw melding in."),
    )
    description = forms.CharField(
        label=_("Beschrijf het probleem"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat is er aan de hand, en waar precies? Vermeld geen persoonsgegevens van anderen."),
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)
    address = forms.CharField(
        label=_("Adres"),
        required=False,
        max_length=250,
        help_text=_(
            "Straat en huisnummer, bv. Aalmoezenierstraat 12, 2000 Antwerpen. "
            "Niet nodig als u de plaats op de kaart aanduidt."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    photos = MultipleFileField(
        label=_("Foto's (maximaal %(max)s, JPEG of PNG)") % {"max": MAX_PHOTOS},
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}),
        help_text=_(
            "We verwijderen alle gegevens die in de foto zitten (toestel, tijdstip, locatie) voor we ze bewaren."
        ),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        required=False,
        help_text=_("Dan krijgt u bericht bij elke nieuwe status. We tonen uw adres nergens."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    duplicates_seen = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, categories: list[Category], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.categories = categories
        field: Any = self.fields["category"]
        field.choices = category_choices(categories, blank=_("Ik weet het niet"))
        self.attribute_groups: list[tuple[Category, list[str]]] = []
        for category in categories:
            names = []
            for definition in sorted(category.attributes or [], key=lambda d: d.get("order", 0)):
                name = attribute_field_name(category, definition["code"])
                self.fields[name] = _attribute_field(definition)
                names.append(name)
            if names:
                self.attribute_groups.append((category, names))

    def attribute_sections(self) -> list[tuple[Category, list[forms.BoundField]]]:
        return [(category, [self[name] for name in names]) for category, names in self.attribute_groups]

    def answers(self) -> dict[str, Any]:
        """The answers to the chosen category's questions, by question code."""
        code = self.cleaned_data.get("category")
        answers: dict[str, Any] = {}
        for category, names in self.attribute_groups:
            if category.code != code:
                continue
            for definition, name in zip(
                sorted(category.attributes, key=lambda d: d.get("order", 0)), names, strict=True
            ):
                value = self.cleaned_data.get(name)
                if value not in (None, "", []):
                    answers[definition["code"]] = value
        return answers


PERIOD_CHOICES = [
    ("", _("altijd")),
    ("7", _("laatste 7 dagen")),
    ("30", _("laatste 30 dagen")),
    ("365", _("laatste jaar")),
]


class PublicFilterForm(forms.Form):
    category = forms.ChoiceField(label=_("Categorie"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    start = forms.DateField(label=_("Gemeld vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Gemeld tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, categories: list[Category], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["category"].choices = category_choices(categories, blank=_("alle categorieën"))
        fields["status"].choices = [
            ("", _("alle")),
            ("open", _("open")),
            ("closed", _("afgesloten")),
            *((s, str(label)) for s, label in REPORT_WORKFLOW.statuses.items()),
        ]
        fields["district"].choices = [("", _("alle districten")), *((d.slug, d.name) for d in district_list_valid())]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("De einddatum ligt voor de begindatum."))
        return data


class HandlerFilterForm(PublicFilterForm):
    team = forms.ChoiceField(label=_("Team"), required=False)

    def __init__(self, *args: Any, teams: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["status"].choices = [("open", _("alle open meldingen")), ("all", _("alle meldingen"))] + [
            c for c in fields["status"].choices if c[0] not in ("", "open")
        ]
        fields["team"].choices = [("", _("alle teams")), *teams]
