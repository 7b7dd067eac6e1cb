"""Formal letters between a district (council, executive, coordinator) and the city (a service,
the mayor and aldermen, the city council): numbered, threaded, with a reply deadline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District, Team


class Party(models.Model):
    """One body that writes or receives letters. Rows are made on first use (``parties.py``)."""

    class Kind(models.TextChoices):
        DISTRICT_COUNCIL = "district_council", _("districtsraad")
        DISTRICT_EXECUTIVE = "district_executive", _("districtscollege")
        DISTRICT_COORDINATOR = "district_coordinator", _("bestuurscoördinator")
        CITY_SERVICE = "city_service", _("stadsdienst")
        CITY_COLLEGE = "city_college", _("college van burgemeester en schepenen")
        CITY_COUNCIL = "city_council", _("gemeenteraad")

    code = models.CharField(max_length=80, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    district = models.ForeignKey(District, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind__startswith="district_") & Q(district__isnull=False))
                | (Q(kind="city_service") & Q(team__isnull=False))
                | Q(kind__in=["city_college", "city_council"]),
                name="party_kind_matches_link",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_district(self) -> bool:
        return self.kind.startswith("district_")


class Letter(models.Model):
    class Direction(models.TextChoices):
        TO_CITY = "to_city", _("van district naar stad")
        TO_DISTRICT = "to_district", _("van stad naar district")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("geregistreerd")
        SENT = "sent", _("verstuurd")
        RECEIVED = "received", _("ontvangen")
        ANSWERED = "answered", _("beantwoord")
        CLOSED = "closed", _("afgesloten")

    reference = models.CharField(_("referentie"), max_length=20, unique=True)
    direction = models.CharField(_("richting"), max_length=12, choices=Direction.choices)
    # The one district this letter is exchanged with: its staff see the letter.
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="letters")
    sender = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="sent_letters")
    recipients = models.ManyToManyField(Party, related_name="received_letters")
    subject = models.CharField(_("onderwerp"), max_length=250)
    body = models.TextField(_("tekst"), blank=True)
    pdf = models.FileField(_("brief (pdf)"), upload_to="letters/%Y/", blank=True)
    letter_date = models.DateField(_("datum van de brief"))
    registered_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    received_at = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    reply_expected = models.BooleanField(_("antwoord verwacht"), default=False)
    reply_days = models.PositiveSmallIntegerField(_("antwoordtermijn (werkdagen)"), null=True, blank=True)
    reply_due = models.DateField(_("antwoord uiterlijk op"), null=True, blank=True)
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies", verbose_name=_("antwoord op")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-registered_at", "-id"]
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        indexes = [
            models.Index(fields=["district", "status", "reply_due"], name="letter_district_status_due"),
            models.Index(
                fields=["reply_due", "id"],
                name="letter_awaiting_reply",
                condition=Q(reply_expected=True) & ~Q(status__in=["answered", "closed"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def awaits_reply(self) -> bool:
        return self.reply_expected and self.status not in (self.Status.ANSWERED, self.Status.CLOSED)


class LetterAttachment(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to="letters/attachments/%Y/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage bij brief")
        verbose_name_plural = _("bijlagen bij brieven")

    def __str__(self) -> str:
        return self.original_name


class LetterReminder(models.Model):
    """A reminder about a reply deadline: written first, then mailed by a job (never lost)."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("herinnering voor de termijn")
        AFTER = "after", _("termijn overschreden")

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("niet bezorgd")

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    to_addresses = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [models.UniqueConstraint(fields=["letter", "kind"], name="one_reminder_per_kind")]

    def __str__(self) -> str:
        return f"{self.letter_id} {self.kind}"
