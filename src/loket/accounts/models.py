"""People who use Loket: citizens and staff, each with one role and, for district roles, one district."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from loket.organisation.models import District, Team


class Role(models.TextChoices):
    CITIZEN = "citizen", _("burger")
    AGENT = "agent", _("medewerker contactcenter")
    CLERK = "clerk", _("loketmedewerker")
    BACKOFFICE = "backoffice", _("backofficemedewerker")
    DISTRICT_STAFF = "district_staff", _("districtsmedewerker")
    COORDINATOR = "coordinator", _("bestuurscoördinator")
    HELPDESK = "helpdesk", _("helpdeskmedewerker")
    MANAGER = "manager", _("manager stafdienst")
    ADMIN = "admin", _("beheerder")


DISTRICT_ROLES = frozenset({Role.DISTRICT_STAFF, Role.COORDINATOR})
STAFF_ROLES = frozenset(set(Role) - {Role.CITIZEN})


class PreferredChannel(models.TextChoices):
    """How a citizen wants to hear from the city (notifications pick it; SMS needs a phone)."""

    EMAIL = "email", _("e-mail")
    SMS = "sms", _("sms")
    POST = "post", _("brief")


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.CITIZEN)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("district"),
        help_text=_("Verplicht voor districtsmedewerkers en bestuurscoördinatoren; zij zien enkel dit district."),
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("team")
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    preferred_channel = models.CharField(
        _("voorkeurskanaal"),
        max_length=10,
        choices=PreferredChannel.choices,
        default=PreferredChannel.EMAIL,
        help_text=_("Hoe de burger berichten over zijn zaken wil ontvangen."),
    )
    is_demo = models.BooleanField(_("demogebruiker"), default=False, help_text=_("Kan enkel in demomodus aanmelden."))

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role__in=["district_staff", "coordinator"]) | Q(district__isnull=False),
                name="district_role_needs_district",
            )
        ]

    @property
    def is_district_bound(self) -> bool:
        return self.role in DISTRICT_ROLES

    @property
    def is_staff_member(self) -> bool:
        return self.is_active and self.role in STAFF_ROLES


class LoginAttempt(models.Model):
    """Failed and successful logins, kept to lock an account after repeated failures."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("aanmeldpoging")
        verbose_name_plural = _("aanmeldpogingen")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {'ok' if self.succeeded else 'mislukt'}"
