"""The day of the visit: walk-in tickets, check-in, call-next and what a desk does with a ticket.

Ticket numbers (``A012``: the queue's letter and at least three digits) restart every day.
The :class:`TicketCounter` row of (queue, day) is locked and raised in the ticket's own
transaction, like ``loket.cases.references``: a rolled-back ticket leaves no gap and two
kiosks never get the same number.

Call-next never hands one ticket to two desks. On PostgreSQL the first candidate in calling
order is locked with ``SELECT … FOR UPDATE SKIP LOCKED`` (a desk skips a ticket another desk is
taking instead of waiting for it); on SQLite the settings open every transaction with
``BEGIN IMMEDIATE``, which serializes the desks. In both cases the ticket is then moved from
``waiting`` to ``called`` with a conditional UPDATE whose row count is checked, so a ticket
that is no longer waiting is never called again.

The order itself and the waiting estimate live in :mod:`loket.counters.estimate`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.audit.services import audit_record
from loket.catalogue.models import Service
from loket.counters.estimate import (
    ticket_position,
    ticket_wait_estimate,
    waiting_for_desk,
)
from loket.counters.models import Appointment, Desk, Queue, Ticket, TicketCounter
from loket.organisation.models import Location

__all__ = [
    "QueueRefused",
    "appointment_check_in",
    "desk_call_next",
    "desk_close",
    "desk_open",
    "ticket_finish",
    "ticket_no_show",
    "ticket_position",
    "ticket_recall",
    "ticket_start",
    "ticket_take",
    "ticket_transfer",
    "ticket_wait_estimate",
]

S = Ticket.Status
CALL_ATTEMPTS = 5


class QueueRefused(ValidationError):
    """A queue action that cannot be done; ``.code`` says why (the API's error code)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message, code=code)


def _locked_counter(*, queue: Queue, day: dt.date) -> TicketCounter | None:
    return TicketCounter.objects.select_for_update().filter(queue=queue, day=day).first()


def _number_next(*, queue: Queue, day: dt.date) -> int:
    counter = _locked_counter(queue=queue, day=day)
    if counter is None:
        TicketCounter.objects.bulk_create([TicketCounter(queue=queue, day=day, last=0)], ignore_conflicts=True)
        counter = _locked_counter(queue=queue, day=day)
        assert counter is not None
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def ticket_code(*, letter: str, number: int) -> str:
    return f"{letter}{number:03d}"


def _ticket_new(*, queue: Queue, now: dt.datetime, **fields: Any) -> Ticket:
    """Insert a waiting ticket with the queue's next number (inside the caller's transaction)."""
    day = timezone.localdate(now)
    number = _number_next(queue=queue, day=day)
    values: dict[str, Any] = {"created_at": now, "public_token": secrets.token_urlsafe(16), **fields}
    return Ticket.objects.create(
        location_id=queue.location_id,
        queue=queue,
        day=day,
        number=number,
        code=ticket_code(letter=queue.letter, number=number),
        **values,
    )


def _estimate_store(ticket: Ticket, *, now: dt.datetime) -> Ticket:
    ticket.estimated_wait_minutes = ticket_wait_estimate(ticket=ticket, now=now)
    ticket.save(update_fields=["estimated_wait_minutes"])
    return ticket


def _walk_in_queue(*, location: Location, service: Service) -> Queue:
    queue = Queue.objects.filter(location=location, for_appointments=False, services=service).order_by("letter")
    found = queue.first()
    if found is None:
        raise QueueRefused(_("Voor deze dienst kunt u hier geen volgnummer nemen."), code="service_not_offered")
    return found


@transaction.atomic
def ticket_take(
    *,
    location: Location,
    service: Service | None = None,
    queue: Queue | None = None,
    priority: bool = False,
    now: dt.datetime | None = None,
) -> Ticket:
    """A walk-in visitor takes a ticket for a service (or a queue); the estimate is stored on it."""
    now = now or timezone.now()
    if queue is None:
        if service is None:
            raise QueueRefused(_("Kies een dienst."), code="service_required")
        queue = _walk_in_queue(location=location, service=service)
    elif queue.location_id != location.pk:
        raise QueueRefused(_("Deze wachtrij hoort niet bij deze locatie."), code="queue_not_here")
    elif service is not None and not queue.services.filter(pk=service.pk).exists():
        raise QueueRefused(_("Deze wachtrij behandelt die dienst niet."), code="service_not_offered")
    elif service is None:
        only = list(queue.services.all()[:2])
        service = only[0] if len(only) == 1 else None
    ticket = _ticket_new(queue=queue, now=now, service=service, priority=priority)
    return _estimate_store(ticket, now=now)


@transaction.atomic
def appointment_check_in(*, appointment: Appointment, now: dt.datetime | None = None) -> Ticket:
    """The visitor with an appointment has arrived: a ticket in the location's appointments queue.

    Checking in twice answers the same ticket. A cancelled, no-show, unconfirmed or served
    appointment, or one on another day, is refused.
    """
    now = now or timezone.now()
    appointment = Appointment.objects.select_for_update().select_related("location", "service").get(pk=appointment.pk)
    existing = Ticket.objects.filter(appointment=appointment).first()
    if appointment.status == Appointment.Status.CHECKED_IN and existing is not None:
        return existing
    if appointment.status == Appointment.Status.CANCELLED:
        raise QueueRefused(_("Deze afspraak is geannuleerd."), code="appointment_cancelled")
    if appointment.status != Appointment.Status.BOOKED:
        raise QueueRefused(_("U kunt zich voor deze afspraak niet (meer) aanmelden."), code="appointment_not_open")
    if timezone.localdate(appointment.start) != timezone.localdate(now):
        raise QueueRefused(_("Deze afspraak is niet vandaag."), code="appointment_not_today")
    queue = Queue.objects.filter(location=appointment.location, for_appointments=True).order_by("letter").first()
    if queue is None:
        raise QueueRefused(_("Deze locatie heeft geen wachtrij voor afspraken."), code="no_appointment_queue")
    appointment.status = Appointment.Status.CHECKED_IN
    appointment.checked_in_at = now
    appointment.save(update_fields=["status", "checked_in_at"])
    ticket = _ticket_new(
        queue=queue,
        now=now,
        service=appointment.service,
        appointment=appointment,
        priority=appointment.needs_assistance,
    )
    audit_record(actor=None, action="appointment.check_in", obj=appointment)
    ticket.appointment = appointment
    return _estimate_store(ticket, now=now)


def _desk_set(*, desk: Desk, is_open: bool, clerk: Any | None) -> Desk:
    desk.is_open = is_open
    desk.clerk = clerk if is_open and getattr(clerk, "is_authenticated", False) else None
    desk.save(update_fields=["is_open", "clerk"])
    return desk


@transaction.atomic
def desk_open(*, desk: Desk, actor: Any | None = None) -> Desk:
    return _desk_set(desk=desk, is_open=True, clerk=actor)


@transaction.atomic
def desk_close(*, desk: Desk, actor: Any | None = None) -> Desk:
    return _desk_set(desk=desk, is_open=False, clerk=None)


@transaction.atomic
def desk_call_next(*, desk: Desk, actor: Any | None = None, now: dt.datetime | None = None) -> Ticket | None:
    """Call the first waiting ticket this desk may serve; None when nobody waits for it."""
    now = now or timezone.now()
    desk = Desk.objects.select_related("location").get(pk=desk.pk)
    if not desk.is_open:
        raise QueueRefused(_("Open eerst de balie."), code="desk_closed")
    for _attempt in range(CALL_ATTEMPTS):
        candidates = waiting_for_desk(desk=desk, now=now).select_for_update(skip_locked=True, of=("self",))
        candidate = candidates.first()
        if candidate is None:
            return None
        called = Ticket.objects.filter(pk=candidate.pk, status=S.WAITING).update(
            status=S.CALLED, desk=desk, called_at=now, last_called_at=now
        )
        if called == 1:
            return Ticket.objects.select_related("desk", "service", "queue").get(pk=candidate.pk)
    return None


def _locked(ticket: Ticket, *allowed: str) -> Ticket:
    locked = Ticket.objects.select_for_update(of=("self",)).select_related("appointment").get(pk=ticket.pk)
    if locked.status not in allowed:
        raise QueueRefused(
            _("Dat kan niet voor een volgnummer met status '%(status)s'.") % {"status": locked.get_status_display()},
            code="illegal_transition",
        )
    return locked


def _appointment_status(ticket: Ticket, status: str) -> None:
    if ticket.appointment is not None:
        ticket.appointment.status = status
        ticket.appointment.save(update_fields=["status"])


@transaction.atomic
def ticket_recall(*, ticket: Ticket, actor: Any | None = None, now: dt.datetime | None = None) -> Ticket:
    """Call the same visitor again (the display shows the ticket on top again)."""
    ticket = _locked(ticket, S.CALLED)
    ticket.recalls += 1
    ticket.last_called_at = now or timezone.now()
    ticket.save(update_fields=["recalls", "last_called_at"])
    return ticket


@transaction.atomic
def ticket_start(*, ticket: Ticket, actor: Any | None = None, now: dt.datetime | None = None) -> Ticket:
    """The visitor sits at the desk: service time counts from here."""
    ticket = _locked(ticket, S.CALLED)
    ticket.status = S.SERVING
    ticket.served_at = now or timezone.now()
    ticket.save(update_fields=["status", "served_at"])
    return ticket


@transaction.atomic
def ticket_no_show(*, ticket: Ticket, actor: Any | None = None, now: dt.datetime | None = None) -> Ticket:
    """The called visitor did not come."""
    ticket = _locked(ticket, S.CALLED)
    ticket.status = S.NO_SHOW
    ticket.finished_at = now or timezone.now()
    ticket.save(update_fields=["status", "finished_at"])
    _appointment_status(ticket, Appointment.Status.NO_SHOW)
    return ticket


@transaction.atomic
def ticket_finish(*, ticket: Ticket, outcome: str, actor: Any | None = None, now: dt.datetime | None = None) -> Ticket:
    """The visit is over, with its outcome (a short text, e.g. 'identiteitskaart aangevraagd')."""
    ticket = _locked(ticket, S.CALLED, S.SERVING)
    now = now or timezone.now()
    ticket.status = S.DONE
    ticket.served_at = ticket.served_at or ticket.called_at
    ticket.finished_at = now
    ticket.outcome = outcome.strip()[:200]
    ticket.save(update_fields=["status", "served_at", "finished_at", "outcome"])
    _appointment_status(ticket, Appointment.Status.SERVED)
    return ticket


@transaction.atomic
def ticket_transfer(
    *,
    ticket: Ticket,
    queue: Queue | None = None,
    desk: Desk | None = None,
    actor: Any | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Send the visitor to another queue or desk: a new waiting ticket that keeps the original time.

    The old ticket becomes ``transferred`` and points to the new one; the visitor's ticket page
    (its public token) moves to the new ticket. A ticket sent to a desk is called only there.
    """
    now = now or timezone.now()
    if queue is None and desk is None:
        raise QueueRefused(_("Kies een wachtrij of een balie."), code="transfer_target_required")
    old = _locked(ticket, S.WAITING, S.CALLED, S.SERVING)
    target_queue = queue or old.queue
    if target_queue.location_id != old.location_id or (desk is not None and desk.location_id != old.location_id):
        raise QueueRefused(_("Doorverwijzen kan enkel binnen dezelfde locatie."), code="transfer_elsewhere")
    service = old.service
    if queue is not None and service is not None and not queue.services.filter(pk=service.pk).exists():
        only = list(queue.services.all()[:2])
        service = only[0] if len(only) == 1 else None
    token = old.public_token
    old.public_token = secrets.token_urlsafe(16)
    old.status = S.TRANSFERRED
    old.finished_at = now
    old.save(update_fields=["public_token", "status", "finished_at"])
    new = _ticket_new(
        queue=target_queue,
        now=old.created_at,
        service=service,
        priority=old.priority,
        desk=desk,
        public_token=token,
    )
    old.transferred_to = new
    old.save(update_fields=["transferred_to"])
    return _estimate_store(new, now=now)


def ticket_current(*, ticket: Ticket) -> Ticket:
    """Follow transfers to the ticket the visitor holds now."""
    seen = 0
    while ticket.transferred_to_id is not None and seen < 20:
        ticket = Ticket.objects.select_related("desk", "queue", "service", "location").get(pk=ticket.transferred_to_id)
        seen += 1
    return ticket
