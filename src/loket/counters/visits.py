"""The visit at the desk: who was served, what was handled, and what the clerk did for them.

A :class:`CounterVisit` is opened when the clerk starts helping a visitor (a called ticket, an
appointment of today, or a walk-in without a ticket) and identifies the citizen. While it is
open the clerk may close the citizen's requests at the desk (the decision is public in the
case's history) and escalate to the central specialists (the second line) with the case's
context. Registering ends it: the citizen's ``ContactMoment`` (channel counter, the desk's
location, outcome, time spent, notes) is written, the ticket is finished and the time spent is
counted from the ticket's call to that moment. Escalating stays possible after registering.

Writes are keyword-only, transactional and audited; refusals are ``ValidationError`` with the
field they concern, so pages show them next to the field and the API answers 400.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.backoffice import case_decide_and_close, closing_paths
from loket.cases.internal_tasks import specialists_team, task_create
from loket.cases.models import Case, Channel, InternalTask
from loket.cases.services import case_transition
from loket.cases.workflows import workflow_for
from loket.catalogue.models import Service
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.services import citizen_for_user, contact_moment_register
from loket.counters import queues
from loket.counters.models import Appointment, CounterVisit, Desk, Ticket
from loket.counters.occupancy import booking_version_bump
from loket.counters.visit_selectors import case_context, escalation_due_default, visit_context
from loket.organisation.models import Team

MAX_DURATION_MINUTES = 8 * 60
MAX_NOTES = 4000
CLOSED_AT_DESK = "closed"
SERVABLE_APPOINTMENT = (Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN, Appointment.Status.SERVED)
T = Ticket.Status


def _who(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _audit(visit: CounterVisit, *, actor: Any, action: str, fields: Sequence[str] = (), request: Any = None) -> None:
    district_id = visit.citizen.district_id if visit.citizen_id and visit.citizen else None
    audit_record(actor=actor, action=action, obj=visit, fields=fields, district_id=district_id, request=request)


# --- Writes --------------------------------------------------------------------------------


def _ticket_problem(*, ticket: Ticket, desk: Desk) -> str | None:
    if ticket.location_id != desk.location_id:
        return _("Dit volgnummer hoort niet bij deze locatie.")
    if ticket.status == T.WAITING:
        return _("Roep volgnummer %(code)s eerst op.") % {"code": ticket.code}
    if ticket.status in (T.NO_SHOW, T.TRANSFERRED):
        return _("Volgnummer %(code)s is niet (meer) aan deze balie.") % {"code": ticket.code}
    if ticket.desk_id != desk.pk:
        return _("Volgnummer %(code)s werd aan een andere balie opgeroepen.") % {"code": ticket.code}
    return None


def _appointment_problem(*, appointment: Appointment, desk: Desk, now: dt.datetime) -> str | None:
    if appointment.location_id != desk.location_id:
        return _("Deze afspraak is niet op deze locatie.")
    if timezone.localdate(appointment.start) != timezone.localdate(now):
        return _("Deze afspraak is niet vandaag.")
    if appointment.status not in SERVABLE_APPOINTMENT:
        return _("Deze afspraak is %(status)s.") % {"status": appointment.get_status_display()}
    return None


def appointment_citizen(appointment: Appointment | None) -> Citizen | None:
    """The citizen of an appointment booked by (or linked to) a citizen's account."""
    if appointment is None or appointment.citizen is None or appointment.citizen.role != Role.CITIZEN:
        return None
    return citizen_for_user(user=appointment.citizen)


@transaction.atomic
def visit_open(
    *,
    desk: Desk,
    actor: Any,
    citizen: Citizen | None = None,
    ticket: Ticket | None = None,
    appointment: Appointment | None = None,
    now: dt.datetime | None = None,
    request: Any = None,
) -> CounterVisit:
    """Start helping a visitor at ``desk``: a called ticket, an appointment of today, or neither
    (a walk-in without a ticket). An appointment that was checked in brings its ticket. Without
    ``citizen`` the appointment's citizen is taken when it has one.

    A ticket or appointment has one visit: opening it again answers that visit (with the
    citizen changed when it is still open and another one is given).
    """
    now = now or timezone.now()
    errors: dict[str, list[str]] = {}
    if appointment is not None:
        problem = _appointment_problem(appointment=appointment, desk=desk, now=now)
        if problem:
            errors["appointment"] = [problem]
        else:
            linked = Ticket.objects.filter(appointment=appointment).first()
            if linked is not None and ticket is not None and linked.pk != ticket.pk:
                errors["ticket"] = [_("Dit volgnummer hoort niet bij deze afspraak.")]
            ticket = ticket or linked
    if ticket is not None and "ticket" not in errors:
        problem = _ticket_problem(ticket=ticket, desk=desk)
        if problem:
            errors["ticket"] = [problem]
        elif appointment is None and ticket.appointment_id:
            appointment = Appointment.objects.select_related("citizen").get(pk=ticket.appointment_id)
    if errors:
        raise ValidationError(errors)
    existing = None
    if ticket is not None:
        existing = CounterVisit.objects.select_for_update().filter(ticket=ticket).first()
    if existing is None and appointment is not None:
        existing = CounterVisit.objects.select_for_update().filter(appointment=appointment).first()
    if existing is not None:
        if citizen is not None and existing.citizen_id != citizen.pk:
            return visit_citizen_set(visit=existing, citizen=citizen, actor=actor, request=request)
        return existing
    citizen = citizen or appointment_citizen(appointment)
    visit = CounterVisit.objects.create(
        desk=desk,
        location_id=desk.location_id,
        ticket=ticket,
        appointment=appointment,
        citizen=citizen,
        clerk=_who(actor),
        started_at=(ticket.called_at if ticket is not None and ticket.called_at else now),
    )
    _audit(visit, actor=actor, action=AuditEntry.Action.CREATE, fields=["citizen"] if citizen else [], request=request)
    return visit


@transaction.atomic
def visit_citizen_set(*, visit: CounterVisit, citizen: Citizen, actor: Any, request: Any = None) -> CounterVisit:
    """Identify (or correct) the citizen of an open visit. Once something was done for one
    citizen (a request closed, an escalation) the visit stays theirs: start a new visit."""
    visit = CounterVisit.objects.select_for_update().get(pk=visit.pk)
    if visit.citizen_id == citizen.pk:
        return visit
    if visit.is_registered:
        raise ValidationError({"citizen": [_("Dit bezoek is al geregistreerd; de burger kan niet meer wijzigen.")]})
    if visit.citizen_id is not None and (visit.closed_cases.exists() or visit.escalations.exists()):
        raise ValidationError(
            {"citizen": [_("In dit bezoek werd al iets voor een andere burger gedaan. Begin een nieuw bezoek.")]}
        )
    visit.citizen = citizen
    visit.save(update_fields=["citizen"])
    _audit(visit, actor=actor, action=AuditEntry.Action.CHANGE, fields=["citizen"], request=request)
    return visit


def _services_checked(services: Sequence[Service]) -> list[str]:
    if not services:
        return [_("Kies minstens één behandelde dienst.")]
    inactive = [service.name for service in services if not service.active]
    if inactive:
        return [_("Deze dienst is niet (meer) actief: %(names)s.") % {"names": ", ".join(inactive)}]
    return []


def _notes_with_services(notes: str, services: Sequence[Service]) -> str:
    """A contact moment names one service; the others handled are written into its notes."""
    notes = notes.strip()
    if len(services) > 1:
        also = _("Ook behandeld: %(names)s.") % {"names": ", ".join(s.name for s in services[1:])}
        notes = f"{notes}\n{also}" if notes else also
    return notes


def _finish_what_was_served(visit: CounterVisit, *, outcome_label: str, actor: Any, now: dt.datetime) -> int | None:
    """Finish the ticket (or mark the appointment served); the seconds from call to finish, if known."""
    if visit.ticket_id is not None:
        ticket = Ticket.objects.get(pk=visit.ticket_id)
        if ticket.status in (T.CALLED, T.SERVING):
            ticket = queues.ticket_finish(ticket=ticket, outcome=outcome_label, actor=actor, now=now)
        if ticket.called_at is not None and ticket.finished_at is not None:
            return max(0, int((ticket.finished_at - ticket.called_at).total_seconds()))
        return None
    if visit.appointment_id is not None:
        appointment = Appointment.objects.select_for_update().get(pk=visit.appointment_id)
        if appointment.status in (Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN):
            appointment.status = Appointment.Status.SERVED
            appointment.save(update_fields=["status"])
            booking_version_bump(location_ids=[appointment.location_id])
    return None


@transaction.atomic
def visit_register(
    *,
    visit: CounterVisit,
    services: Sequence[Service],
    outcome: str,
    actor: Any,
    notes: str = "",
    duration_minutes: int | None = None,
    now: dt.datetime | None = None,
    request: Any = None,
) -> CounterVisit:
    """End the visit: the citizen's contact moment (channel counter, this location) with the
    services handled, the outcome, the time spent and the notes; the ticket is finished.

    The time spent runs from the ticket's call to its finish; without a ticket it is the
    clerk's ``duration_minutes``, else the time since the visit was opened.
    """
    now = now or timezone.now()
    visit = CounterVisit.objects.select_for_update(of=("self",)).select_related("citizen", "location").get(pk=visit.pk)
    if visit.is_registered:
        raise ValidationError(_("Dit bezoek is al geregistreerd."), code="already_registered")
    services = list(dict.fromkeys(services))
    errors: dict[str, list[str]] = {}
    if problems := _services_checked(services):
        errors["services"] = problems
    if outcome not in ContactMoment.Outcome.values:
        errors["outcome"] = [_("Kies een van: %(c)s.") % {"c": ", ".join(ContactMoment.Outcome.values)}]
    if duration_minutes is not None and not 0 <= duration_minutes <= MAX_DURATION_MINUTES:
        errors["duration_minutes"] = [_("Geef een duur tussen 0 en %(max)s minuten.") % {"max": MAX_DURATION_MINUTES}]
    if len(notes) > MAX_NOTES:
        errors["notes"] = [_("Hoogstens %(max)s tekens.") % {"max": MAX_NOTES}]
    if errors:
        raise ValidationError(errors)
    outcome_label = str(ContactMoment.Outcome(outcome).label)
    summary = f"{outcome_label}: {', '.join(s.name for s in services)}"[:200]
    seconds: float | None = _finish_what_was_served(visit, outcome_label=summary, actor=actor, now=now)
    if seconds is None:
        seconds = duration_minutes * 60 if duration_minutes is not None else (now - visit.started_at).total_seconds()
    moment = contact_moment_register(
        citizen=visit.citizen,
        channel=ContactMoment.Channel.COUNTER,
        outcome=outcome,
        actor=actor,
        service=services[0],
        duration_seconds=max(0, int(seconds)),
        notes=_notes_with_services(notes, services),
        location=visit.location,
        request=request,
    )
    visit.contact_moment = moment
    visit.registered_at = now
    visit.save(update_fields=["contact_moment", "registered_at"])
    visit.services.set(services)
    fields = ["services", "outcome", "notes"]
    _audit(visit, actor=actor, action=AuditEntry.Action.CHANGE, fields=fields, request=request)
    return visit


@transaction.atomic
def visit_record(
    *,
    desk: Desk,
    actor: Any,
    services: Sequence[Service],
    outcome: str,
    citizen: Citizen | None = None,
    ticket: Ticket | None = None,
    appointment: Appointment | None = None,
    notes: str = "",
    duration_minutes: int | None = None,
    now: dt.datetime | None = None,
    request: Any = None,
) -> CounterVisit:
    """Open and register a visit at once (the API's one call); nothing is kept when either refuses."""
    visit = visit_open(
        desk=desk, actor=actor, citizen=citizen, ticket=ticket, appointment=appointment, now=now, request=request
    )
    return visit_register(
        visit=visit,
        services=services,
        outcome=outcome,
        actor=actor,
        notes=notes,
        duration_minutes=duration_minutes,
        now=now,
        request=request,
    )


def _case_of_visit_problem(*, visit: CounterVisit, case: Case) -> str | None:
    if visit.citizen is None:
        return _("Identificeer eerst de burger.")
    if case.citizen_id != visit.citizen.user_id:
        return _("Deze zaak hoort niet bij deze burger.")
    return None


@transaction.atomic
def visit_case_close(*, visit: CounterVisit, case: Case, decision: str, actor: Any, request: Any = None) -> Case:
    """Complete one of the citizen's requests at the desk (e.g. the document is handed over).

    The decision is a public event and the request ends "afgesloten" (a request still waiting
    for the citizen, or just received, first moves to "in behandeling": the citizen is here).
    The contact moment with the case is registered at the desk's location.
    """
    visit = CounterVisit.objects.select_related("citizen", "location").get(pk=visit.pk)
    errors: dict[str, list[str]] = {}
    if problem := _case_of_visit_problem(visit=visit, case=case):
        errors["case"] = [problem]
    elif case.kind != "request":
        errors["case"] = [_("Aan de balie handel je enkel aanvragen af.")]
    elif case.closed_at is not None:
        errors["case"] = [_("Aanvraag %(reference)s is al afgesloten.") % {"reference": case.reference}]
    if not (decision or "").strip():
        errors["decision"] = [_("Schrijf wat er aan de balie gebeurde; de burger krijgt het te zien.")]
    if errors:
        raise ValidationError(errors)
    workflow = workflow_for(case.kind)
    if CLOSED_AT_DESK not in closing_paths(case=case) and "in_progress" in workflow.allowed_next(case.status):
        case = case_transition(case=case, to_status="in_progress", actor=actor)
    if CLOSED_AT_DESK not in closing_paths(case=case):
        raise ValidationError(
            {
                "case": [
                    _("Een aanvraag met status '%(status)s' kan niet aan de balie afgesloten worden.")
                    % {"status": workflow.label(case.status)}
                ]
            }
        )
    case = case_decide_and_close(case=case, decision=decision, closing_status=CLOSED_AT_DESK, actor=actor)
    assert visit.citizen is not None
    contact_moment_register(
        citizen=visit.citizen,
        channel=ContactMoment.Channel.COUNTER,
        outcome=ContactMoment.Outcome.ANSWERED,
        actor=actor,
        service=case.service,
        topic=case.topic,
        notes=_("Aan de balie afgehandeld: %(decision)s") % {"decision": decision.strip()},
        location=visit.location,
        case=case,
        request=request,
    )
    visit.closed_cases.add(case)
    _audit(visit, actor=actor, action=AuditEntry.Action.CHANGE, fields=["closed_cases"], request=request)
    return case


def _summary(text: str, *, length: int = 120) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= length else first[: length - 1].rstrip() + "…"


@transaction.atomic
def visit_escalate(
    *,
    visit: CounterVisit,
    description: str,
    actor: Any,
    case: Case | None = None,
    service: Service | None = None,
    due_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
    request: Any = None,
) -> InternalTask:
    """Hand the visitor's problem to the central specialists (second line): an escalation task
    for their team with the clerk's text, the visit and the case's context. The case, when
    there is one, gets an internal note naming the task (by ``task_create``)."""
    visit = (
        CounterVisit.objects.select_related("citizen", "citizen__user", "location", "desk", "ticket", "appointment")
        .prefetch_related("services")
        .get(pk=visit.pk)
    )
    description = (description or "").strip()
    errors: dict[str, list[str]] = {}
    if not description:
        errors["description"] = [_("Beschrijf het probleem voor de specialisten.")]
    if case is not None and (problem := _case_of_visit_problem(visit=visit, case=case)):
        errors["case"] = [problem]
    team: Team | None = None
    try:
        team = specialists_team()
    except Team.DoesNotExist:
        errors["team"] = [_("Er is geen centraal team specialisten ingesteld.")]
    if errors:
        raise ValidationError(errors)
    assert team is not None
    handled = list(visit.services.all())
    if service is None:
        service = (case.service if case is not None else None) or (handled[0] if handled else None)
        if service is None and visit.ticket is not None:
            service = visit.ticket.service
    parts = [description, visit_context(visit=visit)]
    if case is not None:
        parts.append(case_context(case=case))
    title = _("Loket %(location)s: %(summary)s") % {"location": visit.location.name, "summary": _summary(description)}
    task = task_create(
        kind=InternalTask.Kind.ESCALATION,
        title=title,
        team=team,
        due_at=due_at or escalation_due_default(now=now),
        actor=actor,
        description="\n\n".join(parts),
        citizen=visit.citizen.user if visit.citizen is not None else None,
        case=case,
        service=service,
        channel=Channel.COUNTER,
    )
    visit.escalations.add(task)
    _audit(visit, actor=actor, action=AuditEntry.Action.CHANGE, fields=["escalations"], request=request)
    return task
