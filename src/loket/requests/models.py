"""Form definitions per service, and citizens' drafts with their uploaded documents."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.requests.definitions import documents_validate, fields_validate


class FormDefinition(models.Model):
    """What the e-loket asks for one service: fields, documents, consent. Edited in the admin."""

    service = models.OneToOneField(
        "catalogue.Service", on_delete=models.CASCADE, related_name="form_definition", verbose_name=_("dienst")
    )
    fields = models.JSONField(
        _("velden"),
        default=list,
        blank=True,
        help_text=_(
            'Lijst van {"name", "label", "type", "required", "choices", "help"}; type: text, textarea, email, '
            "phone, date, number, choice, checkbox, national_number of address."
        ),
    )
    documents = models.JSONField(
        _("documenten"),
        default=list,
        blank=True,
        help_text=_(
            'Lijst van {"name", "label", "required", "types"}; types uit application/pdf, image/jpeg, image/png.'
        ),
    )
    consent_text = models.TextField(_("toestemmingstekst"))
    active = models.BooleanField(_("actief"), default=True)
    version = models.PositiveIntegerField(_("versie"), default=1)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("formulierdefinitie")
        verbose_name_plural = _("formulierdefinities")
        ordering = ["service__name"]

    def __str__(self) -> str:
        return f"{self.service} (v{self.version})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields_validate(self.fields)
        documents_validate(self.documents)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        for name, check in (("fields", fields_validate), ("documents", documents_validate)):
            try:
                check(getattr(self, name))
            except ValidationError as exc:
                errors[name] = exc.messages
        if errors:
            raise ValidationError(errors)


class RequestDraft(models.Model):
    """A citizen's unfinished request for one service: the answers so far and stored documents."""

    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="request_drafts", verbose_name=_("burger")
    )
    service = models.ForeignKey("catalogue.Service", on_delete=models.CASCADE, verbose_name=_("dienst"))
    data = models.JSONField(_("antwoorden"), default=dict, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("concept-aanvraag")
        verbose_name_plural = _("concept-aanvragen")
        constraints = [models.UniqueConstraint(fields=["citizen", "service"], name="requests_one_draft_per_service")]

    def __str__(self) -> str:
        return f"{self.service} — {self.citizen}"


class DraftFile(models.Model):
    """A document uploaded to a draft, already checked by content; attached to the case on submit."""

    draft = models.ForeignKey(RequestDraft, on_delete=models.CASCADE, related_name="files")
    document = models.CharField(_("document"), max_length=50)
    file = models.FileField(_("bestand"), max_length=300)
    original_name = models.CharField(_("oorspronkelijke naam"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("grootte"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document van een concept")
        verbose_name_plural = _("documenten van concepten")
        constraints = [models.UniqueConstraint(fields=["draft", "document"], name="requests_one_file_per_document")]

    def __str__(self) -> str:
        return self.original_name
