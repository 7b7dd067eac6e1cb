"""Reports to the city: categories, the report behind each case of kind "report", its followers
and the small mail outbox that keeps e-mail followers (who may have no account) informed."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.cases.models import Case

DEFAULT_DUPLICATE_RADIUS_M = 50


class Category(models.Model):
    """One report category (an Open311 service): who is competent and how long handling takes."""

    class Level(models.TextChoices):
        CITY = "city", _("stad")
        DISTRICT = "district", _("district")

    code = models.CharField(_("code"), max_length=60, unique=True)
    main = models.CharField(_("hoofdgroep"), max_length=30, db_index=True)
    name_nl = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)
    competent_level = models.CharField(_("bevoegd niveau"), max_length=10, choices=Level.choices)
    team = models.CharField(
        _("team"),
        max_length=60,
        help_text=_("Slugdeel van het team: 'stad-<team>' of '<district>-<team>' volgens het bevoegde niveau."),
    )
    working_days = models.PositiveSmallIntegerField(_("behandeltermijn (werkdagen)"))
    description_nl = models.TextField(_("omschrijving"), blank=True)
    duplicate_radius_m = models.PositiveIntegerField(
        _("straal voor dubbele meldingen (m)"), default=DEFAULT_DUPLICATE_RADIUS_M
    )
    attributes = models.JSONField(
        _("extra vragen"),
        default=list,
        blank=True,
        help_text=_(
            'Lijst van {"code", "datatype", "required", "description", "order", "values": [{"key", "name"}]}; '
            "datatype: string, number, datetime, text, singlevaluelist of multivaluelist."
        ),
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["main", "name_nl"]
        verbose_name = _("meldingscategorie")
        verbose_name_plural = _("meldingscategorieën")

    def __str__(self) -> str:
        return f"{self.name_nl} ({self.code})"

    def team_slug(self, district_slug: str | None) -> str:
        """The slug of the team that handles this category at a place in ``district_slug``."""
        if self.competent_level == self.Level.DISTRICT and district_slug:
            return f"{district_slug}-{self.team}"
        return f"stad-{self.team}"


def new_public_token() -> str:
    return secrets.token_urlsafe(18)


class CategorySource(models.TextChoices):
    CITIZEN = "citizen", _("melder")
    SUGGESTION = "suggestion", _("automatische suggestie")
    HANDLER = "handler", _("behandelaar")
    NONE = "none", _("nog niet gekozen")


class Report(models.Model):
    """What a citizen reported; its handling (status, team, deadline, history) is the case's."""

    class Feedback(models.TextChoices):
        NONE = "", _("geen antwoord")
        FIXED = "fixed", _("opgelost")
        NOT_FIXED = "not_fixed", _("niet opgelost")

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="report")
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, related_name="reports", verbose_name=_("categorie")
    )
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    address = models.CharField(_("adres"), max_length=250, blank=True)
    description = models.TextField(_("omschrijving"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    email = models.EmailField(_("e-mail voor opvolging"), blank=True)
    public_token = models.CharField(max_length=32, unique=True, default=new_public_token, editable=False)
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates")
    # Who chose the category: the citizen, the suggestion model, or a handler (confirmed or
    # corrected; these reports are the suggestion model's training examples).
    category_source = models.CharField(_("categorie gekozen door"), max_length=10, choices=CategorySource.choices)
    category_confirmed_at = models.DateTimeField(null=True, blank=True)
    attributes = models.JSONField(_("antwoorden op extra vragen"), default=dict, blank=True)
    media_url = models.URLField(_("foto-URL"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    # Kept in step with the case by the status hook: the duplicate check reads only this table.
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    reopen_until = models.DateTimeField(_("heropenen kan tot"), null=True, blank=True)
    feedback = models.CharField(_("is het opgelost?"), max_length=10, choices=Feedback.choices, blank=True)
    feedback_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [
            # The duplicate check: open reports of one category in a latitude band (then longitude).
            models.Index(
                fields=["category", "lat", "lon"],
                name="report_open_category_point",
                condition=Q(closed_at__isnull=True, lat__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.category.name_nl if self.category else '?'}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Follower(models.Model):
    """An e-mail address that hears of a report's public updates (the anonymous reporter, whoever
    chose "follow instead", and the reporters of duplicates merged into it).

    Only a confirmed address hears anything. Whoever typed an address on a report's page must
    prove it is theirs with the link mailed to it (a double opt-in): until then ``confirmed_at``
    is empty and the address gets nothing but that one confirmation mail. The reporter's own
    address from the report form, an account's own address and the followers carried over by a
    merge are confirmed when they are written."""

    class Kind(models.TextChoices):
        REPORTER = "reporter", _("melder")
        FOLLOWER = "follower", _("volger")
        MERGED = "merged", _("melder van een samengevoegde melding")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="followers")
    email = models.EmailField(_("e-mail"))
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    # The last confirmation mail: the address is not mailed again within the hour, and at most a
    # few times a day over all reports (``following.report_follow``).
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("volger")
        verbose_name_plural = _("volgers")
        constraints = [models.UniqueConstraint(fields=["report", "email"], name="report_follower_unique")]
        indexes = [models.Index(fields=["email", "confirmation_sent_at"], name="report_follower_email_sent")]

    def __str__(self) -> str:
        return f"{self.email} → {self.report_id}"


class ReportMail(models.Model):
    """One mail to a follower; sent by a job after commit, retried, never blocking the report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("niet bezorgd")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="mails")
    to_address = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("e-mail aan een volger")
        verbose_name_plural = _("e-mails aan volgers")

    def __str__(self) -> str:
        return f"{self.to_address}: {self.subject}"
