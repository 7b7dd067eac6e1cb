"""Writes on cases: create, change status, assign, note. Attachments live in ``attachments.py``.

Every function is keyword-only and runs in one transaction; history is appended as
``CaseEvent`` rows and who-did-what goes to the audit trail.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.attachments import case_add_attachment
from loket.cases.hooks import case_status_changed_announce
from loket.cases.models import Case, CaseEvent, Channel, ReferenceCounter
from loket.cases.references import DIGITS, reference_format, reference_next
from loket.cases.workflows import UnknownKind, Workflow, workflow_for
from loket.catalogue.selectors import CompetenceError, LocationNeeded, OutsideCity, competence_lookup
from loket.inserts import insert
from loket.organisation.calendar import add_working_days, working_days_between
from loket.organisation.models import District, Team
from loket.organisation.selectors import district_locate_address, district_locate_point

__all__ = [
    "Route",
    "case_add_attachment",
    "case_add_note",
    "case_assign",
    "case_create",
    "case_number",
    "case_record_view",
    "case_transition",
]

logger = logging.getLogger(__name__)
POSTCODE = re.compile(r"\b(2\d{3})\b")
PERSONAL_FIELDS = ("citizen", "address", "lat", "lon", "description")


def _locate_address(address: str) -> District | None:
    """The geocoder's district for an address; None when it cannot tell (or is unreachable)."""
    try:
        return district_locate_address(address=address)
    except Exception:  # an external geocoder may fail; the postcode is the fallback
        logger.warning("geocoding failed for a case address", exc_info=True)
        return None


def _routing(
    *,
    topic: Any,
    lat: float | None,
    lon: float | None,
    address: str,
    district: District | None,
    fallback_district: District | None,
) -> tuple[District | None, District | None, Team | None]:
    """(competent district, location district, team) from the competences register."""
    located: District | None = None
    postcode: str | None = None
    if lat is not None and lon is not None:
        try:
            located = district_locate_point(lat=lat, lon=lon)
        except ValueError as exc:  # coordinates out of range
            raise ValidationError({"lat": str(exc)}) from None
        if located is None:
            raise ValidationError({"lat": _("Dit punt ligt buiten de stad Antwerpen.")})
    elif district is not None:
        located = district
    elif address:
        located = _locate_address(address)
        if located is None and (match := POSTCODE.search(address)):
            postcode = match.group(1)
    if located is None and postcode is None:
        located = fallback_district
    if topic is None:
        return located, located, None
    try:
        answer = competence_lookup(topic=topic, district=located, postcode=postcode)
    except OutsideCity:
        raise ValidationError({"address": _("Dit adres ligt buiten de stad Antwerpen.")}) from None
    except LocationNeeded:
        raise ValidationError(
            {"district": _("Voor dit thema is een adres, een punt op de kaart of een district nodig.")}
        ) from None
    except CompetenceError as exc:  # a gap in the register: say so rather than guess a team
        raise ValidationError({"topic": str(exc)}) from None
    competent = answer.district if answer.level == "district" else None
    return competent, located or answer.district, answer.team


def _workflow(kind: str) -> Workflow:
    try:
        return workflow_for(kind)
    except UnknownKind as exc:
        raise ValidationError({"kind": str(exc)}) from None


@dataclass(frozen=True)
class Route:
    """Where a new case goes when the feature that opens it has decided that itself (reports go
    by their category's competent level instead of by topic)."""

    team: Team | None
    district: District | None  # the competent district; None: the city
    location_district: District | None
    handling_days: int
    note: str = ""  # why it goes there, kept with the case's first history event


def case_create(
    *,
    kind: str,
    title: str,
    channel: str,
    actor: Any,
    description: str = "",
    topic: Any = None,
    service: Any = None,
    citizen: Any = None,
    requesting_district: District | None = None,
    lat: float | None = None,
    lon: float | None = None,
    address: str = "",
    district: District | None = None,
    data: dict[str, Any] | None = None,
    route: Route | None = None,
    number: bool = True,
) -> Case:
    """Open a case: route it through the competences register (or by ``route``), set its
    deadline, number it.

    ``number=False`` leaves the numbering (and the creation's audit line) to ``case_number``,
    which a caller that writes more rows in the same transaction calls as its last write, so
    the counter's row lock is held only for the end of that transaction. The caller must hold
    the transaction (``transaction.atomic``): the case is never committed without its number,
    and no savepoint is made for it (the caller's transaction fails as a whole).
    """
    with transaction.atomic(savepoint=number):
        workflow = _workflow(kind)
        if not title or not title.strip():
            raise ValidationError({"title": _("Geef een titel.")})
        if channel not in Channel.values:
            raise ValidationError({"channel": _("Onbekend kanaal: '%(channel)s'.") % {"channel": channel}})
        if citizen is not None and getattr(citizen, "role", None) != Role.CITIZEN:
            raise ValidationError({"citizen": _("Deze gebruiker is geen burger.")})
        if (lat is None) != (lon is None):
            raise ValidationError({"lat": _("Geef zowel breedtegraad als lengtegraad.")})
        if topic is None and service is not None:
            topic = service.topic
        today = timezone.localdate()
        if route is None:
            fallback = requesting_district or getattr(citizen, "district", None)
            competent, located, team = _routing(
                topic=topic, lat=lat, lon=lon, address=address, district=district, fallback_district=fallback
            )
            deadline = add_working_days(today, workflow.handling_days(topic=topic, service=service))
        else:
            competent, located, team = route.district, route.location_district, route.team
            deadline = add_working_days(today, route.handling_days)
        case = Case(
            reference=_provisional_reference(),
            kind=kind,
            title=title.strip(),
            description=description,
            status=workflow.initial,
            channel=channel,
            topic=topic,
            service=service,
            citizen=citizen,
            requesting_district=requesting_district,
            district=competent,
            location_district=located,
            team=team,
            address=address,
            lat=lat,
            lon=lon,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            deadline=deadline,
            data=data or {},
        )
        # The hot path of every channel: rows stored without compiling an INSERT each time.
        insert(case)
        note = route.note if route is not None else ""
        insert(
            CaseEvent(
                case=case, kind=CaseEvent.Kind.CREATED, to_status=case.status, team=team, text=note, actor=_who(actor)
            )
        )
        return case_number(case=case, actor=actor) if number else case


def case_number(*, case: Case, actor: Any) -> Case:
    """Give a case opened with ``number=False`` its reference and audit its creation.

    The number last: the counter row stays locked from here to COMMIT, so concurrent writers
    queue only for this statement, what the caller writes after it and the commit.
    """
    workflow = _workflow(case.kind)
    case.reference = _reference_assign(case=case, prefix=workflow.prefix, year=timezone.localdate().year)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=case,
        fields=[f for f in PERSONAL_FIELDS if getattr(case, f"{f}_id" if f == "citizen" else f)],
        district_id=case.district_id,
    )
    return case


def _provisional_reference() -> str:
    """A unique stand-in for the reference while the case's transaction has not numbered it yet;
    never committed (``_reference_assign`` replaces it in the same transaction)."""
    return "~" + secrets.token_hex(9)


REFERENCE_SQL = """
WITH counter AS (
    UPDATE {counter} SET last = last + 1 WHERE prefix = %s AND year = %s AND last < %s RETURNING last
)
UPDATE {case} SET reference = %s || lpad(counter.last::text, %s, '0') FROM counter
WHERE {case}.id = %s RETURNING counter.last, {case}.reference
"""


def _reference_assign(*, case: Case, prefix: str, year: int) -> str:
    """Number ``case`` from the (prefix, year) counter, in the case's transaction (gap-free).

    PostgreSQL: one statement raises the counter (its row lock is held until COMMIT) and writes
    the reference. Elsewhere, and for a year's first number or an exhausted counter, through
    ``reference_next`` (which creates the row or raises OverflowError).
    """
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        sql = REFERENCE_SQL.format(counter=quote(ReferenceCounter._meta.db_table), case=quote(Case._meta.db_table))
        with connection.cursor() as cursor:
            cursor.execute(sql, [prefix, year, 10**DIGITS - 1, f"{prefix}-{year}-", DIGITS, case.pk])
            row = cursor.fetchone()
        if row is not None:
            number, reference = row
            if reference != reference_format(prefix=prefix, year=year, number=number):
                raise RuntimeError(f"reference {reference!r} does not match number {number}")
            return str(reference)
    reference = reference_next(prefix=prefix, year=year)
    Case.objects.filter(pk=case.pk).update(reference=reference)
    return reference


def _who(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _shift_for_pause(case: Case, today: dt.date) -> None:
    if case.paused_since is not None and case.deadline is not None:
        paused_days = working_days_between(case.paused_since, today)
        if paused_days:
            case.deadline = add_working_days(case.deadline, paused_days)
    case.paused_since = None


@transaction.atomic
def case_transition(*, case: Case, to_status: str, actor: Any, text: str = "", public: bool = False) -> Case:
    """Move a case to ``to_status`` if its workflow allows it; raises ``IllegalTransition``.

    Entering a pausing status stops the deadline clock; leaving it moves the deadline forward
    by the working days spent waiting. Entering a closed status stamps ``closed_at``.
    """
    locked = Case.objects.select_for_update().get(pk=case.pk)
    workflow = workflow_for(locked.kind)
    from_status = locked.status
    workflow.check_transition(from_status=from_status, to_status=to_status)
    today = timezone.localdate()
    if workflow.pauses(to_status):
        if locked.paused_since is None:
            locked.paused_since = today
    elif workflow.pauses(from_status):
        _shift_for_pause(locked, today)
    if workflow.is_closed(to_status):
        locked.closed_at = timezone.now()
    elif workflow.is_closed(from_status):
        locked.closed_at = None
    locked.status = to_status
    changed = ["status", "paused_since", "deadline", "closed_at"]
    locked.save(update_fields=changed)
    CaseEvent.objects.create(
        case=locked,
        kind=CaseEvent.Kind.STATUS,
        from_status=from_status,
        to_status=to_status,
        text=text,
        public=public,
        actor=_who(actor),
    )
    audit_record(
        actor=actor, action=AuditEntry.Action.CHANGE, obj=locked, fields=["status"], district_id=locked.district_id
    )
    case_status_changed_announce(case=locked, from_status=from_status, to_status=to_status, actor=actor)
    for name in changed:
        setattr(case, name, getattr(locked, name))
    return locked


@transaction.atomic
def case_assign(*, case: Case, actor: Any, assignee: Any = None, team: Team | None = None) -> Case:
    """Hand a case to a person, a team, or both. A new team without a person clears the assignee.

    A district team also makes its district the competent one (a case moved to Berchem's
    team becomes Berchem's case).
    """
    if assignee is None and team is None:
        raise ValidationError(_("Geef een medewerker of een team."))
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if team is not None:
        if team.id != locked.team_id and assignee is None:
            locked.assignee = None
        locked.team = team
        if team.level == Team.Level.DISTRICT:
            locked.district_id = team.district_id
    if assignee is not None:
        if not getattr(assignee, "is_active", False) or assignee.role == Role.CITIZEN:
            raise ValidationError({"assignee": _("Een zaak kan enkel aan een actieve medewerker toegewezen worden.")})
        bound = assignee.role in (Role.DISTRICT_STAFF, Role.COORDINATOR)
        if bound and assignee.district_id not in (locked.district_id, locked.requesting_district_id):
            raise ValidationError({"assignee": _("Deze medewerker werkt voor een ander district.")})
        locked.assignee = assignee
    locked.save(update_fields=["assignee", "team", "district"])
    CaseEvent.objects.create(
        case=locked, kind=CaseEvent.Kind.ASSIGNED, assignee=locked.assignee, team=locked.team, actor=_who(actor)
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=locked,
        fields=["assignee", "team"],
        district_id=locked.district_id,
    )
    for name in ("assignee", "team", "district"):
        setattr(case, name, getattr(locked, name))
    return locked


@transaction.atomic
def case_add_note(*, case: Case, text: str, actor: Any, public: bool = False) -> CaseEvent:
    if not text or not text.strip():
        raise ValidationError({"text": _("Een notitie mag niet leeg zijn.")})
    return CaseEvent.objects.create(
        case=case, kind=CaseEvent.Kind.NOTE, text=text.strip(), public=public, actor=_who(actor)
    )


@transaction.atomic
def case_record_view(*, case: Case, actor: Any, request: Any = None) -> None:
    """Audit a look at a case that carries a citizen's personal data."""
    if case.citizen_id is None:
        return
    audit_record(
        actor=actor,
        action=AuditEntry.Action.VIEW,
        obj=case,
        fields=[f for f in PERSONAL_FIELDS if getattr(case, f"{f}_id" if f == "citizen" else f)],
        district_id=case.district_id,
        request=request,
    )
