"""The city, its districts (with validity dates and boundaries), locations and teams."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class City(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    phone = models.CharField(_("telefoon contactcenter"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("stad")
        verbose_name_plural = _("steden")

    def __str__(self) -> str:
        return self.name


class DistrictQuerySet(models.QuerySet["District"]):
    def valid_on(self, day: dt.date) -> DistrictQuerySet:
        """Districts are data with a validity period: Borsbeek exists only from 2025-01-01."""
        return self.filter(valid_from__lte=day).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))


class District(models.Model):
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="districts")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    postcodes = models.JSONField(_("postcodes"), default=list)
    boundary = models.JSONField(_("grens (GeoJSON-geometrie, WGS84)"), default=dict, blank=True)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    district_house = models.ForeignKey(
        "Location", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("districtshuis")
    )
    coordinator_name = models.CharField(_("bestuurscoördinator"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    # Part of the cheap version key behind the in-memory locate index (see selectors).
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districten")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="district_validity_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class Location(models.Model):
    class Kind(models.TextChoices):
        DISTRICT_HOUSE = "district_house", _("districtshuis")
        CITY_COUNTER = "city_counter", _("stadsloket")
        SELF_SERVICE = "self_service", _("zelfbedieningspunt")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=150)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="locations", verbose_name=_("district")
    )
    street = models.CharField(_("straat"), max_length=150)
    number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=4)
    municipality = models.CharField(_("gemeente"), max_length=100, default="Antwerpen")
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    regional = models.BooleanField(_("regionaal loket (ruimere openingsuren)"), default=False)
    accessible = models.BooleanField(_("rolstoeltoegankelijk"), default=True)
    note = models.TextField(_("opmerking"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}, {self.postcode} {self.municipality}"


class OpeningHours(models.Model):
    """One opening period on a weekday; a day may have several (morning and afternoon)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekday.choices)
    opens = models.TimeField(_("open om"))
    closes = models.TimeField(_("sluit om"))
    by_appointment_only = models.BooleanField(_("enkel op afspraak"), default=False)

    class Meta:
        ordering = ["location", "weekday", "opens"]
        verbose_name = _("openingsuren")
        verbose_name_plural = _("openingsuren")
        constraints = [models.CheckConstraint(condition=Q(closes__gt=models.F("opens")), name="opening_hours_in_order")]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"  # noqa: RUF001


class OpeningException(models.Model):
    """A day that differs from the weekly pattern: a closure entered by staff, or other hours.

    Belgian public holidays are computed (see ``holidays.py``) and need no rows here.
    """

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("datum"))
    closed = models.BooleanField(_("gesloten"), default=True)
    opens = models.TimeField(_("open om"), null=True, blank=True)
    closes = models.TimeField(_("sluit om"), null=True, blank=True)
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        ordering = ["location", "date"]
        verbose_name = _("uitzondering op de openingsuren")
        verbose_name_plural = _("uitzonderingen op de openingsuren")
        constraints = [
            models.UniqueConstraint(fields=["location", "date"], name="one_exception_per_location_day"),
            models.CheckConstraint(
                condition=Q(closed=True)
                | (Q(opens__isnull=False) & Q(closes__isnull=False) & Q(closes__gt=models.F("opens"))),
                name="exception_open_needs_hours",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.location} {self.date}"


class Team(models.Model):
    """A city service or a district team; it belongs to the city or to exactly one district."""

    class Level(models.TextChoices):
        CITY = "city", _("stad")
        DISTRICT = "district", _("district")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=150)
    level = models.CharField(_("niveau"), max_length=10, choices=Level.choices)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="teams", verbose_name=_("district")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    is_specialists = models.BooleanField(_("centraal team specialisten (tweede lijn)"), default=False)

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.CheckConstraint(
                condition=(Q(level="city") & Q(district__isnull=True))
                | (Q(level="district") & Q(district__isnull=False)),
                name="team_level_matches_district",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Street(models.Model):
    """The embedded street table behind the default geocoder."""

    name = models.CharField(_("straatnaam"), max_length=150)
    normalized = models.CharField(max_length=150, db_index=True)
    postcode = models.CharField(_("postcode"), max_length=4)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="streets")
    street_id = models.CharField(_("straat-id van de stad"), max_length=20, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("straat")
        verbose_name_plural = _("straten")
        constraints = [models.UniqueConstraint(fields=["normalized", "postcode"], name="one_street_per_postcode")]

    def __str__(self) -> str:
        return f"{self.name} ({self.postcode})"


class DataGeneration(models.Model):
    """A stamp that changes with every committed write to a set of tables that processes cache.

    Database triggers (``organisation.generations``) give ``value`` a new random number in the
    writer's own transaction; only equality means anything.
    """

    name = models.CharField(max_length=40, primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("generatie van gegevens in het geheugen")
        verbose_name_plural = _("generaties van gegevens in het geheugen")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"
