"""Works on the public domain, after GIPOD's model: an occupation ("inname") of the public domain
(works, an event, groundworks) with its period, its geometry, its hindrance and its diversions;
and the area subscriptions of citizens who want to hear of new works near them.

A work's geometry is kept as GeoJSON (WGS84) beside its bounding box in plain indexed columns,
so "works near this point in these weeks" is an index range scan on both SQLite and PostgreSQL
followed by an exact distance check on the few candidates (no spatial extension needed).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District


class Work(models.Model):
    """One occupation of the public domain, imported from GIPOD or entered by the city."""

    class Kind(models.TextChoices):
        WORKS = "works", _("werken")
        GROUNDWORKS = "groundworks", _("grondwerken")
        EVENT = "event", _("evenement")
        OCCUPATION = "occupation", _("andere inname")

    class Status(models.TextChoices):
        PLANNED = "planned", _("gepland")
        IN_PROGRESS = "in_progress", _("in uitvoering")
        DONE = "done", _("afgerond")
        CANCELLED = "cancelled", _("geannuleerd")

    class GroundworkCategory(models.IntegerChoices):
        LARGE = 1, _("categorie 1 (meer dan 50 m²)")
        MEDIUM = 2, _("categorie 2 (3 tot 50 m²)")
        SMALL = 3, _("categorie 3 (minder dan 3 m²)")

    # Where the record comes from and its id there: the import's key, so a re-run updates.
    source = models.CharField(_("bron"), max_length=20, default="gipod")
    external_id = models.CharField(_("extern id"), max_length=60)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices, default=Kind.WORKS)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    groundwork_category = models.PositiveSmallIntegerField(
        _("categorie grondwerk"), choices=GroundworkCategory.choices, null=True, blank=True
    )
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"))
    owner = models.CharField(_("eigenaar (bouwheer)"), max_length=200)
    contractor = models.CharField(_("aannemer"), max_length=200, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("meer informatie"), max_length=500, blank=True)
    address = models.CharField(_("locatie"), max_length=250, blank=True)
    # GeoJSON geometry (Polygon, MultiPolygon, LineString, MultiLineString or Point), WGS84.
    geometry = models.JSONField(_("geometrie"))
    min_lat = models.FloatField()
    max_lat = models.FloatField()
    min_lon = models.FloatField()
    max_lon = models.FloatField()
    # The coarse grid cell (``geometry.grid_cell``, about 550 m) of the box's south-west corner,
    # or WIDE for a box larger than a cell: "near a point" reads a dozen cells (and WIDE) from
    # an index instead of a latitude band across the city (see ``selectors.work_candidates_near``).
    grid_cell = models.BigIntegerField(default=0, editable=False)
    # The district of the geometry's centre (null: outside every district valid at import).
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="works", verbose_name=_("district")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start_date", "id"]
        verbose_name = _("werk op het openbaar domein")
        verbose_name_plural = _("werken op het openbaar domein")
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="work_source_external_id")]
        indexes = [
            models.Index(fields=["district", "end_date"], name="work_district_end"),
            # Works near a point in a period: a dozen grid cells, the period and the box in the index.
            models.Index(
                fields=["grid_cell", "end_date", "start_date", "min_lat", "max_lat", "min_lon", "max_lon"],
                name="work_grid_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date:%d-%m-%Y} - {self.end_date:%d-%m-%Y})"


class Hindrance(models.Model):
    """Hindrance caused by a work during (part of) its period, per transport mode."""

    class Mode(models.TextChoices):
        PEDESTRIANS = "pedestrians", _("voetgangers")
        CYCLISTS = "cyclists", _("fietsers")
        CARS = "cars", _("auto's")
        TRUCKS = "trucks", _("vrachtverkeer")
        PUBLIC_TRANSPORT = "public_transport", _("openbaar vervoer")

    class Consequence(models.TextChoices):
        NONE = "none", _("geen hinder")
        SLOWED = "slowed", _("vertraagd verkeer")
        NARROWED = "narrowed", _("versmalde doorgang")
        ONE_WAY = "one_way", _("enkel in één richting")
        CLOSED = "closed", _("afgesloten")

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="hindrances")
    severe = models.BooleanField(_("ernstige hinder"), default=False)
    description = models.TextField(_("omschrijving"), blank=True)
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"))
    # {mode: consequence} with keys from Mode and values from Consequence.
    consequences = models.JSONField(_("gevolgen per vervoerswijze"), default=dict, blank=True)

    class Meta:
        ordering = ["start_date", "id"]
        verbose_name = _("hinder")
        verbose_name_plural = _("hinder")

    def __str__(self) -> str:
        return f"{self.work_id}: {self.start_date} - {self.end_date}"


class Diversion(models.Model):
    """A signposted diversion around a work, for some transport modes."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="diversions")
    description = models.TextField(_("omschrijving"))
    modes = models.JSONField(_("voor"), default=list, blank=True)  # values of Hindrance.Mode
    geometry = models.JSONField(_("route"), null=True, blank=True)  # GeoJSON LineString, WGS84

    class Meta:
        ordering = ["id"]
        verbose_name = _("omleiding")
        verbose_name_plural = _("omleidingen")

    def __str__(self) -> str:
        return f"{self.work_id}: {self.description[:40]}"


def new_subscription_token() -> str:
    return secrets.token_urlsafe(24)


class AreaSubscription(models.Model):
    """Someone who wants an e-mail about new works in a circle around an address."""

    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="work_subscriptions"
    )
    address = models.CharField(_("adres"), max_length=250)
    lat = models.FloatField()
    lon = models.FloatField()
    radius_m = models.PositiveIntegerField(_("straal (m)"), default=500)
    # Confirmed by the link in the first mail (nobody is subscribed by someone else) and
    # ended by the link in every mail.
    token = models.CharField(max_length=40, unique=True, default=new_subscription_token, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the last confirmation (or "already subscribed") mail was queued: asking again
    # within a few minutes sends nothing, so the form cannot be used to flood a mailbox.
    confirmation_mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("abonnement op werken")
        verbose_name_plural = _("abonnementen op werken")
        # Every lookup by address ignores case (``email__iexact``, which PostgreSQL runs as
        # ``UPPER(email) = UPPER(%s)``), so the index is on the same expression.
        indexes = [models.Index(Upper("email"), "created_at", name="work_subscription_email")]

    def __str__(self) -> str:
        return f"{self.email}: {self.address} ({self.radius_m} m)"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.cancelled_at is None


class WorkNotice(models.Model):
    """One mail to a subscriber about one new work: at most one per pair, sent by a retried job."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("niet bezorgd")

    subscription = models.ForeignKey(AreaSubscription, on_delete=models.CASCADE, related_name="notices")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="notices")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # When the send job may (next) take the notice: empty for a new one; after a failed try the
    # retry time, and while a job is sending it (status "sending") a short lease, after which a
    # job that died mid-send leaves the notice to the next one.
    # Empty on a failed notice that has had all its tries.
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bericht over een nieuw werk")
        verbose_name_plural = _("berichten over nieuwe werken")
        constraints = [models.UniqueConstraint(fields=["subscription", "work"], name="work_notice_unique")]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="work_notice_due")]

    def __str__(self) -> str:
        return f"{self.subscription.email}: {self.work_id}"
