"""Citizens: the profile the front office works with, and every contact a citizen had with the city."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.cases.models import Case
from loket.catalogue.models import Service, Topic
from loket.organisation.models import District, Location


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    FRENCH = "fr", _("Frans")
    ENGLISH = "en", _("Engels")
    GERMAN = "de", _("Duits")


class Citizen(models.Model):
    """A citizen's profile. Names and e-mail live on the ``accounts.User`` (role citizen).

    A caller without a login gets a User with an unusable password. The ``*_key`` columns are
    accent-folded lowercase copies of the User's names and e-mail, kept in step by the services
    and a ``post_save`` receiver on User, so that every kind of search reads one index.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="citizen", verbose_name=_("gebruiker")
    )
    national_number = models.CharField(
        _("rijksregisternummer"), max_length=11, unique=True, null=True, blank=True, help_text=_("11 cijfers.")
    )
    # Normalised: "+3231234567"; shown as "03 123 45 67".
    phone = models.CharField(_("telefoon"), max_length=20, blank=True, db_index=True)
    street = models.CharField(_("straat"), max_length=120, blank=True)
    number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="citizens", verbose_name=_("district")
    )
    preferred_language = models.CharField(
        _("voorkeurtaal"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    needs_digital_help = models.BooleanField(_("heeft hulp nodig bij digitale diensten"), default=False)
    first_name_key = models.CharField(max_length=150, blank=True, editable=False)
    last_name_key = models.CharField(max_length=150, blank=True, editable=False)
    email_key = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name_key", "first_name_key", "id"]
        verbose_name = _("burger")
        verbose_name_plural = _("burgers")
        indexes = [
            # Prefix searches: LIKE 'x%' on PostgreSQL (pattern ops), a range on SQLite.
            models.Index(
                fields=["last_name_key", "first_name_key"],
                name="citizen_last_name_prefix",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
            ),
            models.Index(
                fields=["first_name_key"], name="citizen_first_name_prefix", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username

    @property
    def address(self) -> str:
        line = f"{self.street} {self.number}".strip()
        return ", ".join(part for part in (line, self.postcode) if part)


class ContactMoment(models.Model):
    """One contact with a citizen (or an anonymous caller) in any channel, and how it ended."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("telefoon")
        COUNTER = "counter", _("loket")
        EMAIL = "email", _("e-mail")
        ONLINE = "online", _("e-loket")
        CHAT = "chat", _("chat")

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("beantwoord")
        REQUEST_STARTED = "request_started", _("aanvraag gestart")
        APPOINTMENT_BOOKED = "appointment_booked", _("afspraak gemaakt")
        HANDED_OVER = "handed_over", _("doorgegeven")
        CALLBACK = "callback", _("terugbellen")

    citizen = models.ForeignKey(
        Citizen,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_moments",
        verbose_name=_("burger"),
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    outcome = models.CharField(_("resultaat"), max_length=20, choices=Outcome.choices)
    duration_seconds = models.PositiveIntegerField(_("duur (seconden)"), default=0)
    notes = models.TextField(_("notities"), blank=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    location = models.ForeignKey(Location, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="contact_moments")
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [
            models.Index(fields=["citizen", "at"]),
            models.Index(fields=["channel", "at"]),
            # The channel mix of contact moments in a period, from the index alone on PostgreSQL.
            models.Index(
                fields=["at", "channel", "service", "topic", "citizen", "location"], name="contact_at_channel_mix"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(duration_seconds__gte=0), name="contact_duration_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_channel_display()} {self.get_outcome_display()}"
