"""Booking appointments: hold, confirm, book, cancel, reschedule; no-shows and expired holds.

No double booking, ever: every write that takes a desk runs in one transaction that first locks
the location (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the settings open every
transaction with ``BEGIN IMMEDIATE``, which serializes writers), then recomputes which desks
are free for [start, end) from the committed appointments, and assigns the lowest free desk id
or raises :class:`SlotTaken`. Concurrent bookers for the last places therefore queue on the
lock, and each sees the bookings committed before it.

Every write here that changes the desk time of a booked or checked-in appointment (confirm,
book, cancel, reschedule, no-shows) raises the location's booking version in the same
transaction (``occupancy.booking_version_bump``), so availability's per-process occupancy cache
never answers from before it. Holding and deleting expired holds leave the version alone:
availability reads holds live, and an expired hold stops counting by time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.references import reference_next
from loket.catalogue.models import Service
from loket.counters import capacity
from loket.counters.capacity import Slot, availability
from loket.counters.models import Appointment, AppointmentChannel
from loket.counters.occupancy import booking_version_bump
from loket.organisation.models import Location
from loket.organisation.selectors import location_day_hours

__all__ = [
    "BookingRefused",
    "Slot",
    "SlotTaken",
    "appointment_book",
    "appointment_cancel",
    "appointment_confirm",
    "appointment_get_by_reference",
    "appointment_hold",
    "appointment_holds_expire",
    "appointment_no_shows_mark",
    "appointment_reschedule",
    "availability",
]

OPEN = (Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN)


class SlotTaken(Exception):
    """Every desk for this slot is taken (HTTP 409 ``slot_taken``)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("Dit tijdstip is intussen volzet. Kies een ander tijdstip."))


class BookingRefused(ValidationError):
    """A booking rule refuses the request (HTTP 400); the reason is in ``.code``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or timezone.now()


def _lock(location: Location) -> Location:
    """Lock the location row for this transaction and load what capacity needs."""
    Location.objects.select_for_update().filter(pk=location.pk).values_list("pk", flat=True).get()
    return capacity.location_for_capacity(location)


def _check_rules(*, location: Location, service: Service, start: dt.datetime, minutes: int, now: dt.datetime) -> None:
    if not capacity.service_bookable_at(location=location, service=service):
        raise BookingRefused("service_not_offered", _("Voor deze dienst kan u op deze locatie geen afspraak maken."))
    settings = capacity.counter_settings_for(location)
    window = capacity.booking_window(settings=settings, now=now)
    tz = timezone.get_default_timezone()
    day, first = capacity.local_minutes(start, tz)
    if start < window.earliest:
        raise BookingRefused("too_soon", _("Dit tijdstip ligt te kort in de toekomst."))
    horizon_day = timezone.localdate(now) + dt.timedelta(days=int(settings.horizon_days))
    if day > horizon_day:
        raise BookingRefused("beyond_horizon", _("Zo ver vooruit kan u nog geen afspraak maken."))
    if day > window.last_day:
        raise BookingRefused("not_released", _("Deze dag is nog niet vrijgegeven. Probeer later opnieuw."))
    hours = location_day_hours(location=location, day=day)
    starts = capacity.day_starts(periods=hours.periods, step=int(settings.slot_minutes), minutes=minutes)
    if start.second or start.microsecond or first not in starts:
        raise BookingRefused("closed", _("Op dit tijdstip is het loket niet open voor afspraken."))


def _free_desk(
    *,
    location: Location,
    service: Service,
    start: dt.datetime,
    minutes: int,
    channel: str,
    now: dt.datetime,
    exclude_id: int | None = None,
    prefer: int | None = None,
) -> int:
    """The lowest free desk id (or ``prefer`` if free) for [start, start + minutes), or SlotTaken.

    Call under the location lock."""
    desk_ids = capacity.service_desk_ids(location=location, service=service)
    settings = capacity.counter_settings_for(location)
    cap = capacity.online_cap(share=int(settings.online_share), desks=len(desk_ids))
    day, first = capacity.local_minutes(start, timezone.get_default_timezone())
    loads = capacity.day_loads(
        location=location, desk_ids=desk_ids, start_date=day, end_date=day, now=now, exclude_id=exclude_id
    )
    free = capacity.remaining_at(
        first=first, minutes=minutes, load=loads.get(day), desk_ids=desk_ids, channel=channel, cap=cap
    )
    if not free:
        raise SlotTaken()
    return prefer if prefer in free else free[0]


def _place(
    *,
    location: Location,
    service: Service,
    start: dt.datetime,
    channel: str,
    persons: int,
    now: dt.datetime,
    exclude_id: int | None = None,
) -> tuple[Location, dict[str, Any]]:
    """Lock, check the rules, find a desk: the fields of a new appointment that holds it."""
    if channel not in AppointmentChannel.values:
        raise BookingRefused("invalid_channel", _("Onbekend kanaal."))
    if timezone.is_naive(start):
        start = timezone.make_aware(start)
    locked = _lock(location)
    minutes = capacity.service_minutes(service=service, persons=persons)
    _check_rules(location=locked, service=service, start=start, minutes=minutes, now=now)
    desk_id = _free_desk(
        location=locked, service=service, start=start, minutes=minutes, channel=channel, now=now, exclude_id=exclude_id
    )
    fields = {
        "location": location,
        "service": service,
        "desk_id": desk_id,
        "start": start,
        "end": start + dt.timedelta(minutes=minutes),
        "persons": persons,
        "channel": channel,
    }
    return locked, fields


def _check_one_open(
    *, location: Location, service: Service, citizen: Any, email: str, now: dt.datetime, exclude_id: int | None
) -> None:
    if not capacity.counter_settings_for(location).one_open_per_service:
        return
    if citizen is not None:
        who = Q(citizen=citizen)
    elif email:
        who = Q(email__iexact=email)
    else:
        return
    others = Appointment.objects.filter(who, service=service, status__in=OPEN, end__gt=now)
    if exclude_id is not None:
        others = others.exclude(pk=exclude_id)
    if others.exists():
        raise BookingRefused(
            "one_open_per_service",
            _("U hebt al een afspraak voor deze dienst. Annuleer of verplaats die eerst."),
        )


def _confirmation_after_commit(appointment: Appointment) -> None:
    from loket.counters import tasks

    pk = appointment.pk
    transaction.on_commit(lambda: tasks.appointment_confirmation_job(pk), robust=True)


@transaction.atomic
def appointment_hold(
    *,
    location: Location,
    service: Service,
    start: dt.datetime,
    channel: str,
    persons: int = 1,
    actor: Any = None,
    now: dt.datetime | None = None,
) -> Appointment:
    """Hold a desk for the slot while the visitor completes the form (``hold_minutes``)."""
    now = _now(now)
    locked, fields = _place(location=location, service=service, start=start, channel=channel, persons=persons, now=now)
    hold = capacity.counter_settings_for(locked).hold_minutes
    return Appointment.objects.create(
        **fields,
        status=Appointment.Status.HELD,
        hold_expires_at=now + dt.timedelta(minutes=int(hold)),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


@transaction.atomic
def appointment_confirm(
    *,
    appointment: Appointment,
    name: str,
    email: str,
    phone: str = "",
    citizen: Any = None,
    needs_assistance: bool = False,
    now: dt.datetime | None = None,
    actor: Any = None,
) -> Appointment:
    """Turn a valid hold into a booking with a reference; the confirmation is sent after commit."""
    location = _lock(appointment.location)  # the clock is read after the lock: see below
    now = _now(now)
    locked = Appointment.objects.select_for_update().select_related("location", "service").get(pk=appointment.pk)
    if locked.status != Appointment.Status.HELD or locked.hold_expires_at is None or locked.hold_expires_at <= now:
        raise BookingRefused("hold_expired", _("Uw reservatie is verlopen. Kies opnieuw een tijdstip."))
    # Belt and braces: the desk must still be free (a hold that expired and was taken over
    # by another booking in between is never confirmed on top of it).
    desk_id = _free_desk(
        location=location,
        service=locked.service,
        start=locked.start,
        minutes=int((locked.end - locked.start).total_seconds() // 60),
        channel=locked.channel,
        now=now,
        exclude_id=locked.pk,
        prefer=locked.desk_id,
    )
    locked.desk_id = desk_id
    citizen = citizen if getattr(citizen, "is_authenticated", False) else None
    _check_one_open(
        location=locked.location, service=locked.service, citizen=citizen, email=email, now=now, exclude_id=locked.pk
    )
    locked.reference = reference_next(prefix="APT", year=timezone.localdate(now).year)
    locked.status = Appointment.Status.BOOKED
    locked.hold_expires_at = None
    locked.name, locked.email, locked.phone = name.strip(), email.strip(), phone.strip()
    locked.citizen = citizen
    locked.needs_assistance = needs_assistance
    locked.save()
    booking_version_bump(location_ids=[locked.location_id])
    audit_record(
        actor=actor if actor is not None else citizen,
        action=AuditEntry.Action.CREATE,
        obj=locked,
        fields=[f for f in ("name", "email", "phone", "needs_assistance") if getattr(locked, f)],
        district_id=locked.location.district_id,
    )
    _confirmation_after_commit(locked)
    return locked


@transaction.atomic
def appointment_book(
    *,
    location: Location,
    service: Service,
    start: dt.datetime,
    channel: str,
    name: str,
    email: str,
    phone: str = "",
    citizen: Any = None,
    persons: int = 1,
    needs_assistance: bool = False,
    actor: Any = None,
    now: dt.datetime | None = None,
) -> Appointment:
    """Hold and confirm in one transaction (agents, clerks, the API)."""
    now = _now(now)
    held = appointment_hold(
        location=location, service=service, start=start, channel=channel, persons=persons, actor=actor, now=now
    )
    return appointment_confirm(
        appointment=held,
        name=name,
        email=email,
        phone=phone,
        citizen=citizen,
        needs_assistance=needs_assistance,
        now=now,
        actor=actor,
    )


@transaction.atomic
def appointment_cancel(*, appointment: Appointment, actor: Any = None, now: dt.datetime | None = None) -> Appointment:
    """Cancel a held or booked appointment: its desk is free again at once."""
    now = _now(now)
    locked = Appointment.objects.select_for_update().select_related("location").get(pk=appointment.pk)
    if locked.status == Appointment.Status.CANCELLED:
        return locked
    if locked.status not in (Appointment.Status.HELD, Appointment.Status.BOOKED):
        raise BookingRefused("not_open", _("Deze afspraak kan niet meer geannuleerd worden."))
    locked.status = Appointment.Status.CANCELLED
    locked.cancelled_at = now
    locked.save(update_fields=["status", "cancelled_at"])
    booking_version_bump(location_ids=[locked.location_id])
    if locked.reference:
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CHANGE,
            obj=locked,
            fields=["status"],
            district_id=locked.location.district_id,
        )
    return locked


@transaction.atomic
def appointment_reschedule(
    *, appointment: Appointment, start: dt.datetime, actor: Any = None, now: dt.datetime | None = None
) -> Appointment:
    """A new booked appointment at ``start``, the old one cancelled, in one transaction.

    The old appointment's own desk time does not block the new one; SlotTaken (or a refused
    rule) leaves the old appointment untouched.
    """
    now = _now(now)
    old = Appointment.objects.select_for_update().select_related("location", "service").get(pk=appointment.pk)
    if old.status != Appointment.Status.BOOKED:
        raise BookingRefused("not_open", _("Deze afspraak kan niet meer verplaatst worden."))
    _locked, fields = _place(
        location=old.location,
        service=old.service,
        start=start,
        channel=old.channel,
        persons=old.persons,
        now=now,
        exclude_id=old.pk,
    )
    old.status = Appointment.Status.CANCELLED
    old.cancelled_at = now
    old.save(update_fields=["status", "cancelled_at"])
    new = Appointment.objects.create(
        **fields,
        status=Appointment.Status.BOOKED,
        reference=reference_next(prefix="APT", year=timezone.localdate(now).year),
        citizen=old.citizen,
        name=old.name,
        email=old.email,
        phone=old.phone,
        needs_assistance=old.needs_assistance,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        rescheduled_from=old,
    )
    booking_version_bump(location_ids=[old.location_id])
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=new,
        fields=[f for f in ("name", "email", "phone", "needs_assistance") if getattr(new, f)],
        district_id=old.location.district_id,
    )
    _confirmation_after_commit(new)
    return new


@transaction.atomic
def appointment_no_shows_mark(*, now: dt.datetime | None = None) -> int:
    """Booked appointments whose start + the grace period passed without check-in → no_show."""
    now = _now(now)
    overdue = Appointment.objects.filter(status=Appointment.Status.BOOKED, start__lt=now).select_related(
        "location__counter_settings"
    )
    ids = [
        appointment.pk
        for appointment in overdue
        if appointment.start
        + dt.timedelta(minutes=int(capacity.counter_settings_for(appointment.location).no_show_grace_minutes))
        <= now
    ]
    if not ids:
        return 0
    # The status filter again: a check-in that commits meanwhile is never overwritten.
    marked = Appointment.objects.filter(pk__in=ids, status=Appointment.Status.BOOKED)
    locations = set(marked.values_list("location_id", flat=True))
    count = marked.update(status=Appointment.Status.NO_SHOW)
    if count:
        booking_version_bump(location_ids=locations)
    return count


def appointment_holds_expire(*, now: dt.datetime | None = None) -> int:
    """Delete expired holds (they carry no reference and no personal data).

    Expired holds never count as occupied even before this runs; this only tidies up, so it
    leaves the booking version alone.
    """
    now = _now(now)
    deleted, _by_model = Appointment.objects.filter(status=Appointment.Status.HELD, hold_expires_at__lte=now).delete()
    return deleted


def appointment_get_by_reference(*, reference: str) -> Appointment:
    """The appointment with ``reference`` (Appointment.DoesNotExist when there is none)."""
    return Appointment.objects.select_related("location", "service", "desk").get(reference=reference.strip().upper())
