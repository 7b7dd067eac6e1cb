"""Topics with their competent level (the competences register) and the service catalogue."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District, Location, Team


class Level(models.TextChoices):
    CITY = "city", _("stad")
    DISTRICT = "district", _("district")


class Topic(models.Model):
    """A matter of policy (local parks, identity documents, …) and who is competent for it."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=150)
    level = models.CharField(_("bevoegd niveau"), max_length=10, choices=Level.choices)
    legal_basis = models.TextField(_("rechtsgrond"), blank=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's (bevoegdhedenregister)")

    def __str__(self) -> str:
        return self.name


class Competence(models.Model):
    """Which team handles a topic: one row for the city, or one row per district."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="competences")
    district = models.ForeignKey(District, on_delete=models.CASCADE, null=True, blank=True, related_name="competences")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="competences")

    class Meta:
        verbose_name = _("bevoegdheid")
        verbose_name_plural = _("bevoegdheden")
        constraints = [
            models.UniqueConstraint(fields=["topic", "district"], name="one_team_per_topic_and_district"),
            models.UniqueConstraint(
                fields=["topic"], condition=Q(district__isnull=True), name="one_city_team_per_topic"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} → {self.team}"


class Service(models.Model):
    class Counter(models.TextChoices):
        NONE = "none", _("niet aan het loket")
        APPOINTMENT = "appointment", _("aan het loket, op afspraak")
        WALK_IN = "walk_in", _("aan het loket, zonder afspraak")
        BOTH = "both", _("aan het loket, met of zonder afspraak")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=150)
    summary = models.CharField(_("korte omschrijving"), max_length=300, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="services", verbose_name=_("thema"))
    online = models.BooleanField(_("online via het e-loket"), default=False)
    online_url = models.URLField(_("link naar het e-loket"), blank=True)
    by_phone = models.BooleanField(_("telefonisch via het contactcenter"), default=False)
    counter = models.CharField(_("aan het loket"), max_length=20, choices=Counter.choices, default=Counter.NONE)
    fee = models.CharField(_("prijs"), max_length=200, blank=True)
    documents = models.TextField(_("mee te brengen"), blank=True)
    lead_time = models.CharField(_("doorlooptijd"), max_length=200, blank=True)
    appointment_minutes = models.PositiveSmallIntegerField(_("duur van een afspraak (minuten)"), default=15)
    on_behalf_allowed = models.BooleanField(_("kan voor iemand anders"), default=False)
    synonyms = models.TextField(
        _("synoniemen"), blank=True, help_text=_("Woorden die burgers gebruiken, één per regel.")
    )
    handling_days = models.PositiveSmallIntegerField(_("behandeltermijn (werkdagen)"), null=True, blank=True)
    locations = models.ManyToManyField(Location, blank=True, related_name="services", verbose_name=_("locaties"))
    home_visit = models.BooleanField(
        _("huisbezoek mogelijk"),
        default=False,
        help_text=_("Voor wie om medische redenen niet naar het loket kan komen."),
    )
    popular = models.BooleanField(_("populair (op de startpagina)"), default=False)
    active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")

    def __str__(self) -> str:
        return self.name

    @property
    def at_counter(self) -> bool:
        return self.counter != self.Counter.NONE

    @property
    def needs_appointment(self) -> bool:
        return self.counter == self.Counter.APPOINTMENT

    @property
    def level(self) -> str:
        return self.topic.level

    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]
