"""Reads of the visit at the desk: visits, the ticket or appointment served, the citizen's cases,
the services a request can be started for, and the context an escalation carries.

Cases are read through ``cases.selectors.case_visible_to``: a clerk sees only what their role
may see (counter staff are city-wide today; a district-bound role would see its district's).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.models import Case, CaseEvent
from loket.cases.selectors import case_visible_to
from loket.cases.workflows import UnknownKind, workflow_for
from loket.catalogue.models import Service
from loket.citizens.models import Citizen
from loket.counters.models import Appointment, CounterVisit, Desk, Ticket
from loket.organisation.calendar import add_working_days

# An escalation is due by the end of the next working day unless the clerk says otherwise.
ESCALATION_DUE_HOUR = 17
PUBLIC_EVENTS_IN_CONTEXT = 3


def visit_get(*, visit_id: int) -> CounterVisit:
    """One visit with what its pages show, or 404 (counter staff see every desk, as on the desk page)."""
    return get_object_or_404(
        CounterVisit.objects.select_related(
            "desk",
            "location",
            "ticket",
            "ticket__service",
            "appointment",
            "appointment__service",
            "citizen",
            "citizen__user",
            "citizen__district",
            "contact_moment",
            "clerk",
        ),
        pk=visit_id,
    )


def visits_open_at_desk(*, desk: Desk, now: dt.datetime | None = None) -> list[CounterVisit]:
    """Today's visits at this desk that are not registered yet, oldest first."""
    day = timezone.localdate(now or timezone.now())
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return list(
        CounterVisit.objects.filter(desk=desk, contact_moment__isnull=True, started_at__gte=start)
        .select_related("ticket", "citizen__user")
        .order_by("started_at", "id")
    )


def desk_ticket(*, desk: Desk, ticket_id: int | str | None) -> Ticket | None:
    """A ticket of this desk's location by id (None when there is none)."""
    if not ticket_id or not str(ticket_id).isdigit():
        return None
    return (
        Ticket.objects.select_related("appointment", "service")
        .filter(pk=int(ticket_id), location_id=desk.location_id)
        .first()
    )


def desk_appointment(*, desk: Desk, reference: str) -> Appointment | None:
    """An appointment at this desk's location by its reference (APT-…)."""
    reference = (reference or "").strip().upper()
    if not reference:
        return None
    return (
        Appointment.objects.select_related("service", "citizen")
        .filter(reference=reference, location_id=desk.location_id)
        .first()
    )


def citizen_open_requests(*, user: Any, citizen: Citizen) -> list[Case]:
    """The citizen's open requests that ``user`` may see, the earliest deadline first."""
    return list(
        case_visible_to(user=user)
        .filter(citizen_id=citizen.user_id, kind="request", closed_at__isnull=True)
        .select_related("service")
        .order_by("deadline", "id")
    )


def citizen_cases(*, user: Any, citizen: Citizen, limit: int = 20) -> list[Case]:
    """The citizen's cases that ``user`` may see (any kind, open first, newest first)."""
    return list(
        case_visible_to(user=user)
        .filter(citizen_id=citizen.user_id)
        .select_related("service")
        .order_by(F("closed_at").asc(nulls_first=True), "-created_at", "-id")[:limit]
    )


def request_services() -> QuerySet[Service]:
    """Services with an active online form: a request can be started for them on the citizen's behalf.

    Read through the reverse relation of the form definition, so counters needs no import of requests.
    """
    return Service.objects.filter(active=True, form_definition__active=True).order_by("name")


def escalation_due_default(*, now: dt.datetime | None = None) -> dt.datetime:
    """The end of the next working day (``ESCALATION_DUE_HOUR`` o'clock, local time)."""
    today = timezone.localdate(now or timezone.now())
    day = add_working_days(today, 1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(ESCALATION_DUE_HOUR)))


def _status_label(case: Case, status: str) -> str:
    try:
        return str(workflow_for(case.kind).label(status))
    except UnknownKind:
        return status


def case_context(*, case: Case) -> str:
    """What a specialist needs to know of a case: reference, service, status and the last public events."""
    lines = [
        f"{_('Zaak')} {case.reference}: {case.title}",
        f"{_('Dienst')}: {case.service.name if case.service else '—'}",
        f"{_('Status')}: {_status_label(case, case.status)}"
        + (f" ({_('uiterste datum')} {case.deadline:%d/%m/%Y})" if case.deadline else ""),
    ]
    events = list(CaseEvent.objects.filter(case=case, public=True).order_by("-at", "-id")[:PUBLIC_EVENTS_IN_CONTEXT])
    if events:
        lines.append(_("Laatste publieke gebeurtenissen:"))
        for event in reversed(events):
            what = str(event.get_kind_display())
            if event.kind in (CaseEvent.Kind.STATUS, CaseEvent.Kind.CREATED) and event.to_status:
                what += f": {_status_label(case, event.to_status)}"
            text = f" — {event.text.strip()}" if event.text.strip() else ""
            lines.append(f"- {timezone.localtime(event.at):%d/%m/%Y %H:%M} {what}{text}")
    return "\n".join(lines)


def visit_context(*, visit: CounterVisit) -> str:
    """Where and when the visit took place, which ticket or appointment, which services."""
    started = timezone.localtime(visit.started_at)
    parts = [f"{visit.location.name}, {visit.desk.name}", f"{started:%d/%m/%Y %H:%M}"]
    if visit.ticket_id and visit.ticket:
        parts.append(_("volgnummer %(code)s") % {"code": visit.ticket.code})
    if visit.appointment_id and visit.appointment and visit.appointment.reference:
        parts.append(_("afspraak %(reference)s") % {"reference": visit.appointment.reference})
    line = _("Bezoek aan het loket: %(where)s.") % {"where": ", ".join(parts)}
    names = [service.name for service in visit.services.all()] if visit.pk else []
    if names:
        line += "\n" + _("Behandelde diensten: %(names)s.") % {"names": ", ".join(names)}
    return line


def desk_services(*, visit: CounterVisit) -> QuerySet[Service]:
    """The services a visit at this desk is likely about: the desk's and the ticket's or appointment's."""
    ids = set(visit.desk.services.values_list("id", flat=True))
    for source in (visit.ticket, visit.appointment):
        if source is not None and source.service_id is not None:
            ids.add(source.service_id)
    return Service.objects.filter(id__in=ids).order_by("name")


def visit_services_default(*, visit: CounterVisit) -> list[Service]:
    """The service of the ticket or appointment, ticked beforehand on the registration form."""
    for source in (visit.ticket, visit.appointment):
        if source is not None and source.service is not None:
            return [source.service]
    return []
