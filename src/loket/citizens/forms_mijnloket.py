"""The reply form of Mijn loket: a message and documents. It only parses; ``case_citizen_reply`` decides."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from loket.cases.messages import MAX_FILES, MAX_TEXT
from loket.formfields import MultipleFileField


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Uw bericht"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
    )
    documents = MultipleFileField(label=_("Documenten toevoegen (optioneel)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].help_text = _(
            "PDF, JPG of PNG; hoogstens %(max)s bestanden van elk hoogstens %(size)s."
        ) % {"max": MAX_FILES, "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES)}
