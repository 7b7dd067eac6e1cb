"""Open311 clients: the API keys that may file service requests (stored hashed)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """One client's key. Only the SHA-256 of the key is stored; the key itself is shown once."""

    name = models.CharField(_("naam van de toepassing"), max_length=120)
    contact = models.EmailField(_("contact"), blank=True)
    prefix = models.CharField(_("begin van de sleutel"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Open311-sleutel")
        verbose_name_plural = _("Open311-sleutels")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
