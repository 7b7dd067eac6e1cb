"""Messages to citizens: editable templates and the notifications sent (or not) from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TemplateChannel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("sms")


class MessageTemplate(models.Model):
    """The text of one kind of message in one channel and language (Django template syntax).

    Seeded by ``notifications/demo.py`` from ``notifications/defaults.py``; staff edit them in the
    admin. A letter (post) uses the e-mail text.
    """

    key = models.CharField(_("sleutel"), max_length=60)
    channel = models.CharField(_("kanaal"), max_length=10, choices=TemplateChannel.choices)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    subject = models.CharField(_("onderwerp"), max_length=200, blank=True)
    body = models.TextField(_("tekst"))
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["key", "channel", "language"]
        verbose_name = _("berichtsjabloon")
        verbose_name_plural = _("berichtsjablonen")
        constraints = [
            models.UniqueConstraint(fields=["key", "channel", "language"], name="message_template_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.channel}, {self.language})"


class Notification(models.Model):
    """One message to one recipient, with its delivery state."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("sms")
        POST = "post", _("brief")

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("niet bezorgd")
        MANUAL = "manual", _("manueel te versturen")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="notifications",
        verbose_name=_("ontvanger"),
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    to_address = models.CharField(_("adres"), max_length=254, blank=True)
    template_key = models.CharField(_("sjabloon"), max_length=60, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=200, blank=True)
    body = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.CharField(_("laatste fout"), max_length=300, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("zaak"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bericht aan burger")
        verbose_name_plural = _("berichten aan burgers")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.to_address or self.recipient} ({self.get_status_display()})"
