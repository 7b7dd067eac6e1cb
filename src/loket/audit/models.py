"""An append-only audit trail of who created, changed or viewed personal data."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an audit entry."""


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("aangemaakt")
        CHANGE = "change", _("gewijzigd")
        VIEW = "view", _("bekeken")
        DELETE = "delete", _("verwijderd")
        LOGIN = "login", _("aangemeld")
        LOGIN_FAILED = "login_failed", _("aanmelden mislukt")
        EXPORT = "export", _("geëxporteerd")

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie"),
    )
    actor_username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("soort record"), max_length=100)
    object_id = models.CharField(_("record-id"), max_length=64)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    district_id = models.BigIntegerField(_("district"), null=True, blank=True)
    fields = models.JSONField(_("velden"), default=list, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("audittrail")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries are never deleted.")
