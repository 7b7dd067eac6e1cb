"""The case engine shared by requests, reports and helpdesk questions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.catalogue.models import Service, Topic
from loket.organisation.models import District, Team


class Channel(models.TextChoices):
    ONLINE = "online", _("e-loket")
    PHONE = "phone", _("contactcenter")
    COUNTER = "counter", _("loket")
    EMAIL = "email", _("e-mail")
    API = "api", _("API")
    INTERNAL = "internal", _("intern")


class ReferenceCounter(models.Model):
    """The last number issued per prefix and year; locked and raised in the case's transaction."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="one_counter_per_prefix_year")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class Case(models.Model):
    reference = models.CharField(_("referentie"), max_length=20, unique=True)
    kind = models.CharField(_("soort"), max_length=20, db_index=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    status = models.CharField(_("status"), max_length=30)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    requesting_district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="requested_cases"
    )
    # The competent district: set for a district-level matter, empty for a city-level one.
    # District staff see a case when this (or requesting_district) is their district.
    district = models.ForeignKey(District, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    # Where the matter is (from the point, address or given district), whatever the level: for figures.
    location_district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="located_cases"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_cases"
    )
    address = models.CharField(_("adres"), max_length=250, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    paused_since = models.DateField(_("klok gepauzeerd sinds"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        # The work queue: filtered by status, district or team, ordered by deadline then id.
        # The partial indexes serve the default "every open case" queue.
        indexes = [
            models.Index(fields=["team", "status", "deadline"]),
            models.Index(fields=["district", "status", "deadline", "id"], name="case_district_status_dl"),
            models.Index(fields=["status", "deadline", "id"], name="case_status_deadline"),
            # A district's queue also holds the cases it asked another service for.
            models.Index(
                fields=["requesting_district", "deadline", "id"],
                name="case_requesting_deadline",
                condition=models.Q(requesting_district__isnull=False),
            ),
            models.Index(
                fields=["deadline", "id"], name="case_open_deadline", condition=models.Q(closed_at__isnull=True)
            ),
            models.Index(
                fields=["district", "deadline", "id"],
                name="case_open_district_deadline",
                condition=models.Q(closed_at__isnull=True),
            ),
            models.Index(
                fields=["team", "deadline", "id"],
                name="case_open_team_deadline",
                condition=models.Q(closed_at__isnull=True),
            ),
            # The staff service's channel mix: a period's cases by channel and service, topic or
            # district, read from the index alone (bench/steering_channel_mix.py).
            models.Index(
                fields=["created_at", "channel", "service", "topic", "location_district", "district"],
                name="case_created_channel_mix",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.original_name


class CaseEvent(models.Model):
    """One line of a case's history: status changes, assignments, notes and attachments.

    History is append-only: an event is added, never edited or removed.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("aangemaakt")
        STATUS = "status", _("status gewijzigd")
        ASSIGNED = "assigned", _("toegewezen")
        NOTE = "note", _("notitie")
        ATTACHMENT = "attachment", _("bijlage toegevoegd")
        # The citizen's own word on their case (a reply in Mijn loket), always public.
        MESSAGE = "message", _("bericht van de burger")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    text = models.TextField(blank=True)
    public = models.BooleanField(default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    attachment = models.ForeignKey(Attachment, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("geschiedenis")

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Case history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Case history is append-only.")


class InternalTask(models.Model):
    """Work one team hands to another, with a due time: the front office's hand-over to a back
    office, a counter's escalation to the central specialists (second line), or a callback
    the contact centre promised. A task is internal: the citizen never sees it.
    """

    class Kind(models.TextChoices):
        HANDOVER = "handover", _("doorgegeven vraag")
        ESCALATION = "escalation", _("escalatie naar tweede lijn")
        CALLBACK = "callback", _("terugbellen")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("afgehandeld")
        CANCELLED = "cancelled", _("geannuleerd")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    title = models.CharField(_("onderwerp"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    # Context: who it is about and which case, when there is one.
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="internal_tasks"
    )
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="internal_tasks")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    phone = models.CharField(_("telefoon om terug te bellen"), max_length=20, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="internal_tasks", verbose_name=_("team"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_tasks"
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices, default=Channel.PHONE)
    due_at = models.DateTimeField(_("uiterlijk af op"))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    result = models.TextField(_("resultaat"), blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("interne taak")
        verbose_name_plural = _("interne taken")
        indexes = [
            models.Index(fields=["team", "status", "due_at", "id"], name="task_team_status_due"),
            models.Index(fields=["kind", "status", "due_at", "id"], name="task_kind_status_due"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"
