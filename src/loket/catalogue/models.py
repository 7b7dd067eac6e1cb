"""Topics with their competent level (the competences register) and the service catalogue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
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


# --- The knowledge base --------------------------------------------------------------------------
# Answers that the contact centre, the counters and the helpdesk give again and again, attached to
# services and to the competences register (decision 0007: why it lives in the catalogue).


class Audience(models.TextChoices):
    INTERNAL = "internal", _("intern (enkel medewerkers)")
    PUBLIC = "public", _("publiek (ook op het e-loket)")


class KnowledgeArticle(models.Model):
    """One question with its answer. Every edit adds a ``KnowledgeArticleVersion``; the row holds the latest."""

    title = models.CharField(_("titel"), max_length=200)
    question = models.TextField(_("vraag"))
    answer = models.TextField(_("antwoord"))
    audience = models.CharField(_("doelgroep"), max_length=10, choices=Audience.choices, default=Audience.INTERNAL)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name=_("thema")
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("bevoegdheid"),
        help_text=_("Enkel voor een antwoord dat één district (of de stad) betreft."),
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name=_("dienst")
    )
    legal_references = models.TextField(_("rechtsgrond en verwijzingen"), blank=True, help_text=_("Eén per regel."))
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    owner_team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name=_("eigenaar")
    )
    # A string reference: the case engine imports the catalogue, so the catalogue never imports it.
    source_case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_articles",
        verbose_name=_("beantwoorde vraag"),
    )
    published = models.BooleanField(_("gepubliceerd"), default=True)
    version = models.PositiveIntegerField(_("versie"), default=1)
    helpful_yes = models.PositiveIntegerField(_("nuttig"), default=0)
    helpful_no = models.PositiveIntegerField(_("niet nuttig"), default=0)
    # The knowledge generation of the last write: search indexes in other processes reload what changed.
    generation = models.BigIntegerField(default=0, db_index=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("kennisartikel")
        verbose_name_plural = _("kennisbank")
        indexes = [models.Index(fields=["service", "published"], name="knowledge_service_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="knowledge_validity_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def legal_reference_list(self) -> list[str]:
        return [line.strip() for line in self.legal_references.splitlines() if line.strip()]


class AppendOnlyError(Exception):
    """Raised when code tries to change a version of a knowledge article."""


class KnowledgeArticleVersion(models.Model):
    """An append-only snapshot of an article as it was published in one version."""

    article = models.ForeignKey(KnowledgeArticle, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=200)
    question = models.TextField(_("vraag"))
    answer = models.TextField(_("antwoord"))
    audience = models.CharField(_("doelgroep"), max_length=10, choices=Audience.choices)
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    competence = models.ForeignKey(Competence, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    service = models.ForeignKey(Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    legal_references = models.TextField(_("rechtsgrond en verwijzingen"), blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    owner_team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    published = models.BooleanField(_("gepubliceerd"))
    change_note = models.CharField(_("wat is er gewijzigd"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["article", "-version"]
        verbose_name = _("versie van een kennisartikel")
        verbose_name_plural = _("versies van kennisartikels")
        constraints = [models.UniqueConstraint(fields=["article", "version"], name="one_row_per_article_version")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Versions of a knowledge article are never changed.")
        super().save(*args, **kwargs)


class KnowledgeVote(models.Model):
    """One answer to "was this helpful?" per user (or, without login, per session)."""

    article = models.ForeignKey(KnowledgeArticle, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    session_key = models.CharField(max_length=64, blank=True)
    helpful = models.BooleanField()
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stem over een kennisartikel")
        verbose_name_plural = _("stemmen over kennisartikels")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], condition=Q(user__isnull=False), name="one_vote_per_user"
            ),
            models.UniqueConstraint(
                fields=["article", "session_key"], condition=Q(user__isnull=True), name="one_vote_per_session"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(session_key=""), name="vote_has_user_or_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {'ja' if self.helpful else 'nee'}"


class KnowledgeGeneration(models.Model):
    """One row counting writes to the knowledge base: every write raises it in its own transaction.

    Search indexes read it before each search (a primary-key read) and reload the articles written
    since the generation they hold, so an edit in one process is seen by the next search in every other.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("generatie van de kennisbank")
        verbose_name_plural = _("generatie van de kennisbank")

    def __str__(self) -> str:
        return str(self.value)
