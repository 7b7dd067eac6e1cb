"""The location manager's writes: desks, capacity settings and opening exceptions (issue 3 §9).

Each function validates what a form cannot know (a unique desk name, a date in the past, a
percentage over 100) and raises ``ValidationError`` with a dict keyed by field, so the page shows
the message next to the field. Every change is written to the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.catalogue.models import Service
from loket.counters.models import Appointment, CounterSettings, Desk
from loket.organisation.models import Location, OpeningException

SETTINGS_FIELDS = (
    "slot_minutes",
    "online_share",
    "min_notice_minutes",
    "horizon_days",
    "release_hour",
    "hold_minutes",
    "reminder_hours",
    "no_show_grace_minutes",
    "lookahead_minutes",
    "one_open_per_service",
)
OPEN_STATUSES = (Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN)


def counter_settings_for(*, location: Location) -> CounterSettings:
    """The location's settings, or unsaved defaults when none were stored yet."""
    return CounterSettings.objects.filter(location=location).first() or CounterSettings(location=location)


def _desk_validate(*, location: Location, name: str, services: list[Service], desk: Desk | None = None) -> None:
    errors: dict[str, str] = {}
    others = Desk.objects.filter(location=location, name__iexact=name)
    if desk is not None:
        others = others.exclude(pk=desk.pk)
    if not name:
        errors["name"] = _("Geef de balie een naam.")
    elif others.exists():
        errors["name"] = _("Deze locatie heeft al een balie met die naam.")
    if not services:
        errors["services"] = _("Kies minstens één dienst.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def desk_create(
    *,
    location: Location,
    name: str,
    services: Iterable[Service],
    bookable: bool = True,
    actor: Any,
    request: HttpRequest | None = None,
) -> Desk:
    name, chosen = name.strip(), list(services)
    _desk_validate(location=location, name=name, services=chosen)
    desk = Desk.objects.create(location=location, name=name, bookable=bookable)
    desk.services.set(chosen)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=desk,
        fields=["name", "services", "bookable"],
        district_id=location.district_id,
        request=request,
    )
    return desk


@transaction.atomic
def desk_update(
    *,
    desk: Desk,
    name: str,
    services: Iterable[Service],
    bookable: bool,
    actor: Any,
    request: HttpRequest | None = None,
) -> Desk:
    """Rename a desk, choose the services it serves and whether appointments can be booked at it."""
    name, chosen = name.strip(), list(services)
    _desk_validate(location=desk.location, name=name, services=chosen, desk=desk)
    changed = [field for field, value in (("name", name), ("bookable", bookable)) if getattr(desk, field) != value]
    if {service.pk for service in chosen} != set(desk.services.values_list("pk", flat=True)):
        changed.append("services")
        desk.services.set(chosen)
    if not changed:
        return desk
    desk.name, desk.bookable = name, bookable
    desk.save(update_fields=["name", "bookable"])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=desk,
        fields=changed,
        district_id=desk.location.district_id,
        request=request,
    )
    return desk


@transaction.atomic
def counter_settings_update(
    *, location: Location, values: Mapping[str, Any], actor: Any, request: HttpRequest | None = None
) -> CounterSettings:
    """Store the capacity settings of a location; ``values`` holds every field of ``SETTINGS_FIELDS``."""
    settings = CounterSettings.objects.select_for_update().filter(location=location).first()
    created = settings is None
    settings = settings or CounterSettings(location=location)
    changed = [field for field in SETTINGS_FIELDS if getattr(settings, field) != values[field]]
    for field in SETTINGS_FIELDS:
        setattr(settings, field, values[field])
    errors: dict[str, str] = {}
    if settings.online_share > 100:
        errors["online_share"] = _("Een percentage ligt tussen 0 en 100.")
    if settings.slot_minutes < 5:
        errors["slot_minutes"] = _("Een slot duurt minstens 5 minuten.")
    if settings.release_hour > 23:
        errors["release_hour"] = _("Kies een uur van 0 tot 23.")
    if settings.horizon_days < 1:
        errors["horizon_days"] = _("De boekingshorizon is minstens één dag.")
    if errors:
        raise ValidationError(errors)
    settings.full_clean()
    if not changed and not created:
        return settings
    settings.save()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=settings,
        fields=changed,
        district_id=location.district_id,
        request=request,
    )
    return settings


@transaction.atomic
def opening_exception_create(
    *,
    location: Location,
    date: dt.date,
    closed: bool,
    opens: dt.time | None = None,
    closes: dt.time | None = None,
    reason: str = "",
    actor: Any,
    request: HttpRequest | None = None,
    today: dt.date | None = None,
) -> OpeningException:
    """A closure, or other hours, on one day from today on (the past is not rewritten)."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if date < today:
        errors["date"] = _("Een dag in het verleden kan niet meer gewijzigd worden.")
    elif OpeningException.objects.filter(location=location, date=date).exists():
        errors["date"] = _("Voor deze dag is al een uitzondering ingevoerd. Verwijder die eerst.")
    if closed:
        opens = closes = None
    elif opens is None:
        errors["opens"] = _("Vul in wanneer het loket opent.")
    elif closes is None:
        errors["closes"] = _("Vul in wanneer het loket sluit.")
    elif closes <= opens:
        errors["closes"] = _("Het loket sluit na het openingsuur.")
    if errors:
        raise ValidationError(errors)
    exception = OpeningException.objects.create(
        location=location, date=date, closed=closed, opens=opens, closes=closes, reason=reason.strip()
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=exception,
        fields=["date", "closed", "opens", "closes", "reason"],
        district_id=location.district_id,
        request=request,
    )
    return exception


@transaction.atomic
def opening_exception_delete(
    *, exception: OpeningException, actor: Any, request: HttpRequest | None = None, today: dt.date | None = None
) -> None:
    today = today or timezone.localdate()
    if exception.date < today:
        raise ValidationError(_("Een uitzondering in het verleden blijft bewaard."))
    audit_record(
        actor=actor,
        action=AuditEntry.Action.DELETE,
        obj=exception,
        district_id=exception.location.district_id,
        request=request,
    )
    exception.delete()


def appointments_open_on(*, location: Location, date: dt.date) -> int:
    """How many appointments are still planned at a location on a day (to warn about a closure)."""
    start = dt.datetime.combine(date, dt.time.min, tzinfo=timezone.get_default_timezone())
    return Appointment.objects.filter(
        location=location, start__gte=start, start__lt=start + dt.timedelta(days=1), status__in=OPEN_STATUSES
    ).count()
