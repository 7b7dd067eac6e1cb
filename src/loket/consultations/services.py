"""Writes on consultations: plan and change meetings (with invitations), propose, accept, refuse
and order agenda items, documents, minutes and decisions, action points."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import DISTRICT_ROLES
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.attachments import EXTENSIONS, upload_check, upload_sha256
from loket.consultations.models import ActionPoint, AgendaItem, ItemDocument, Meeting, MeetingSeries
from loket.consultations.selectors import is_organiser
from loket.organisation.models import District


def _organiser_only(actor: Any) -> None:
    if not is_organiser(actor):
        raise PermissionDenied(_("Enkel de helpdesk organiseert het overleg."))


def _invite_after_commit(meeting: Meeting) -> None:
    from loket.consultations.tasks import meeting_invitation_job

    transaction.on_commit(partial(meeting_invitation_job, meeting.pk, meeting.sequence), robust=True)


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("Het overleg moet eindigen na het begin.")]})


@transaction.atomic
def meeting_plan(
    *,
    series: MeetingSeries,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    actor: Any,
    place: str = "",
    districts: Sequence[District] | None = None,
    guests: str = "",
    proposals_until: dt.datetime | None = None,
) -> Meeting:
    """Plan a meeting of ``series`` (its districts unless given) and mail the invitations."""
    _organiser_only(actor)
    if not title.strip():
        raise ValidationError({"title": [_("Geef het overleg een titel.")]})
    _check_times(starts_at, ends_at)
    if starts_at < timezone.now():
        raise ValidationError({"starts_at": [_("Een nieuw overleg ligt in de toekomst.")]})
    if not (place or series.default_place).strip():
        raise ValidationError({"place": [_("Geef de plaats van het overleg.")]})
    meeting = Meeting.objects.create(
        series=series,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=(place or series.default_place).strip(),
        guests=guests.strip(),
        proposals_until=proposals_until,
        uid=f"{uuid.uuid4()}@loket.antwerpen.be",
        created_by=actor,
    )
    meeting.districts.set(districts if districts is not None else series.districts.all())
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=meeting)
    _invite_after_commit(meeting)
    return meeting


@transaction.atomic
def meeting_reschedule(
    *, meeting: Meeting, starts_at: dt.datetime, ends_at: dt.datetime, place: str, actor: Any
) -> Meeting:
    """Move a meeting; the invitation goes out again with a higher SEQUENCE so calendars update."""
    _organiser_only(actor)
    _check_times(starts_at, ends_at)
    if meeting.status != Meeting.Status.PLANNED:
        raise ValidationError(_("Enkel een gepland overleg kan verplaatst worden."))
    meeting.starts_at, meeting.ends_at, meeting.place = starts_at, ends_at, place.strip() or meeting.place
    meeting.sequence += 1
    meeting.save(update_fields=["starts_at", "ends_at", "place", "sequence"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=meeting, fields=["starts_at", "ends_at", "place"])
    _invite_after_commit(meeting)
    return meeting


@transaction.atomic
def meeting_set_status(*, meeting: Meeting, status: str, actor: Any) -> Meeting:
    """Mark a planned meeting held or cancelled (a cancellation is mailed as a cancelled event)."""
    _organiser_only(actor)
    if meeting.status != Meeting.Status.PLANNED or status not in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise ValidationError(_("Enkel een gepland overleg kan gehouden of geannuleerd worden."))
    meeting.status = status
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=meeting, fields=["status"])
    if status == Meeting.Status.CANCELLED:
        _invite_after_commit(meeting)
    return meeting


def _proposer_district(*, meeting: Meeting, actor: Any) -> District | None:
    if is_organiser(actor):
        return None
    if getattr(actor, "role", None) in DISTRICT_ROLES and meeting.districts.filter(pk=actor.district_id).exists():
        return District.objects.get(pk=actor.district_id)
    raise PermissionDenied(_("Je district neemt niet deel aan dit overleg."))


def _store(*, item: AgendaItem, upload: Any, actor: Any) -> ItemDocument:
    content_type, size = upload_check(upload)
    sha = upload_sha256(upload)
    name = default_storage.save(
        f"consultations/{timezone.localdate():%Y}/{uuid.uuid4().hex}.{EXTENSIONS[content_type]}", upload
    )
    try:
        return ItemDocument.objects.create(
            item=item,
            file=name,
            original_name=(getattr(upload, "name", "") or "document").rsplit("/", 1)[-1][:200],
            content_type=content_type,
            size=size,
            sha256=sha,
            uploaded_by=actor,
        )
    except BaseException:
        default_storage.delete(name)
        raise


def item_propose(
    *, meeting: Meeting, title: str, actor: Any, description: str = "", documents: Iterable[Any] = ()
) -> AgendaItem:
    """Propose an agenda item (a participating district, or the helpdesk for the city)."""
    district = _proposer_district(meeting=meeting, actor=actor)
    if meeting.status != Meeting.Status.PLANNED:
        raise ValidationError(_("Voor dit overleg kunnen geen punten meer voorgesteld worden."))
    if meeting.proposals_until and timezone.now() > meeting.proposals_until and district is not None:
        raise ValidationError(_("De termijn om agendapunten voor te stellen is voorbij."))
    if not title.strip():
        raise ValidationError({"title": [_("Geef het agendapunt een titel.")]})
    documents = list(documents)
    errors: list[str] = []
    for upload in documents:
        try:
            upload_check(upload)
        except ValidationError as exc:
            errors.extend(f"{upload.name}: {m}" for m in exc.messages)
    if errors:
        raise ValidationError({"documents": errors})
    stored: list[ItemDocument] = []
    try:
        with transaction.atomic():
            item = AgendaItem.objects.create(
                meeting=meeting,
                title=title.strip(),
                description=description.strip(),
                district=district,
                proposed_by=actor,
            )
            for upload in documents:
                stored.append(_store(item=item, upload=upload, actor=actor))
            audit_record(
                actor=actor, action=AuditEntry.Action.CREATE, obj=item, district_id=getattr(district, "pk", None)
            )
    except BaseException:
        for document in stored:
            default_storage.delete(str(document.file.name))
        raise
    return item


def item_add_document(*, item: AgendaItem, upload: Any, actor: Any) -> ItemDocument:
    if not is_organiser(actor) and item.district_id != getattr(actor, "district_id", None):
        raise PermissionDenied(_("Enkel wie het punt voorstelde of de helpdesk voegt documenten toe."))
    with transaction.atomic():
        return _store(item=item, upload=upload, actor=actor)


@transaction.atomic
def item_accept(*, item: AgendaItem, actor: Any) -> AgendaItem:
    """Accept a proposed item: it goes last on the agenda."""
    _organiser_only(actor)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.status != AgendaItem.Status.PROPOSED:
        raise ValidationError(_("Enkel een voorgesteld punt kan aanvaard worden."))
    last = item.meeting.items.filter(status=AgendaItem.Status.ACCEPTED).aggregate(m=Max("position"))["m"] or 0
    item.status, item.position = AgendaItem.Status.ACCEPTED, last + 1
    item.save(update_fields=["status", "position"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=item, fields=["status"])
    return item


@transaction.atomic
def item_refuse(*, item: AgendaItem, actor: Any, reason: str) -> AgendaItem:
    _organiser_only(actor)
    if not reason.strip():
        raise ValidationError({"reason": [_("Zeg waarom het punt niet op de agenda komt.")]})
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.status != AgendaItem.Status.PROPOSED:
        raise ValidationError(_("Enkel een voorgesteld punt kan geweigerd worden."))
    item.status, item.refusal_reason = AgendaItem.Status.REFUSED, reason.strip()
    item.save(update_fields=["status", "refusal_reason"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=item, fields=["status"])
    return item


@transaction.atomic
def agenda_move(*, item: AgendaItem, up: bool, actor: Any) -> None:
    """Swap an accepted item with its neighbour above (``up``) or below."""
    _organiser_only(actor)
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id, status=AgendaItem.Status.ACCEPTED)
        .order_by("position", "id")
    )
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    if index is None:
        raise ValidationError(_("Enkel aanvaarde punten hebben een plaats op de agenda."))
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            AgendaItem.objects.filter(pk=each.pk).update(position=position)


@transaction.atomic
def item_record(*, item: AgendaItem, actor: Any, minutes: str, decision: str) -> AgendaItem:
    """Write the minutes and the decision of an accepted item."""
    _organiser_only(actor)
    if item.status != AgendaItem.Status.ACCEPTED:
        raise ValidationError(_("Enkel van een punt op de agenda wordt verslag gemaakt."))
    item.minutes, item.decision = minutes.strip(), decision.strip()
    item.save(update_fields=["minutes", "decision"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=item, fields=["minutes", "decision"])
    return item


@transaction.atomic
def action_add(
    *,
    meeting: Meeting,
    title: str,
    owner_name: str,
    due_date: dt.date,
    actor: Any,
    item: AgendaItem | None = None,
    owner_district: District | None = None,
) -> ActionPoint:
    _organiser_only(actor)
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Beschrijf de actie.")]
    if not owner_name.strip() and owner_district is None:
        errors["owner_name"] = [_("Zeg wie de actie uitvoert.")]
    if owner_district is not None and not meeting.districts.filter(pk=owner_district.pk).exists():
        errors["owner_district"] = [_("Dit district neemt niet deel aan het overleg.")]
    if item is not None and item.meeting_id != meeting.pk:
        errors["item"] = [_("Dit agendapunt hoort bij een ander overleg.")]
    if errors:
        raise ValidationError(errors)
    action = ActionPoint.objects.create(
        series=meeting.series,
        meeting=meeting,
        item=item,
        title=title.strip(),
        owner_district=owner_district,
        owner_name=owner_name.strip() or (owner_district.name if owner_district else ""),
        due_date=due_date,
    )
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=action)
    return action


@transaction.atomic
def action_complete(*, action: ActionPoint, actor: Any, note: str = "", meeting: Meeting | None = None) -> ActionPoint:
    """Close an action point (at ``meeting`` when it was done during a meeting)."""
    _organiser_only(actor)
    if action.status == ActionPoint.Status.DONE:
        raise ValidationError(_("Deze actie is al afgerond."))
    action.status, action.done_at, action.done_in = ActionPoint.Status.DONE, timezone.now(), meeting
    action.note = note.strip()
    action.save(update_fields=["status", "done_at", "done_in", "note"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=action, fields=["status"])
    return action
