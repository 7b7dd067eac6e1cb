"""Consultations between the city and its districts: meeting series, meetings, agenda items
(proposed, then accepted or refused by the helpdesk), documents, minutes, decisions and action
points that come back on every next meeting of the series until they are done."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District, Team


class MeetingSeries(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    organiser = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("organiserend team")
    )
    districts = models.ManyToManyField(District, related_name="+", verbose_name=_("deelnemende districten"))
    default_place = models.CharField(_("vaste plaats"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("overlegreeks")
        verbose_name_plural = _("overlegreeksen")

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        HELD = "held", _("gehouden")
        CANCELLED = "cancelled", _("geannuleerd")

    series = models.ForeignKey(MeetingSeries, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    place = models.CharField(_("plaats"), max_length=200)
    districts = models.ManyToManyField(District, related_name="meetings", verbose_name=_("deelnemende districten"))
    guests = models.TextField(_("andere deelnemers"), blank=True, help_text=_("Eén per regel."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    # Raised on every change of time or place, so calendars replace the invitation (RFC 5545).
    sequence = models.PositiveIntegerField(default=0)
    uid = models.CharField(max_length=100, unique=True)
    proposals_until = models.DateTimeField(_("agendapunten voorstellen tot"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        indexes = [models.Index(fields=["series", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"


class AgendaItem(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("voorgesteld")
        ACCEPTED = "accepted", _("aanvaard")
        REFUSED = "refused", _("geweigerd")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    # Empty: proposed by the city (the helpdesk or a city service).
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("voorgesteld door")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    refusal_reason = models.TextField(_("reden van weigering"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), null=True, blank=True)
    minutes = models.TextField(_("verslag"), blank=True)
    decision = models.TextField(_("beslissing"), blank=True)

    class Meta:
        ordering = ["position", "proposed_at", "id"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title


class ItemDocument(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to="consultations/%Y/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document bij agendapunt")
        verbose_name_plural = _("documenten bij agendapunten")

    def __str__(self) -> str:
        return self.original_name


class ActionPoint(models.Model):
    """Something to do after a meeting; it stays on the agenda of every next meeting until done."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("afgerond")

    series = models.ForeignKey(MeetingSeries, on_delete=models.PROTECT, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions")
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    title = models.CharField(_("actie"), max_length=250)
    owner_district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("district")
    )
    owner_name = models.CharField(_("eigenaar"), max_length=150)
    due_date = models.DateField(_("tegen"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    done_in = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="closed_actions")
    note = models.TextField(_("opvolging"), blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        indexes = [models.Index(fields=["series", "status", "due_date"])]

    def __str__(self) -> str:
        return self.title
