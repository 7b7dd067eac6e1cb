"""The citizen's side of a case: replying in Mijn loket, and what the citizen may see of it.

A reply is a public ``MESSAGE`` event by the citizen, with any documents checked and stored like
every attachment. When the case waits for the citizen (a pausing status such as "wacht op de
burger"), the reply is the answer: the case moves back to the status it was in before the pause
and ``case_transition`` moves the deadline by the working days spent waiting. The citizen is not
notified of their own change (the notifications hook skips the citizen as actor); staff see
"antwoord ontvangen" on the case page and in the work queue (``cases_with_new_reply``), and the
team that handles the case (and its assignee) get a mail after commit (``reply_mail_team``, sent
through ``cases.team_mail`` like the mail about a new internal task).

What the citizen sees is narrower than the back office's history: status changes the workflow
announces (or that staff made public), public notes and decisions, their own messages and the
documents they sent themselves. Staff names and internal notes never reach them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Max, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.attachments import case_add_attachment
from loket.cases.attachments import upload_check as attachment_check
from loket.cases.models import Attachment, Case, CaseEvent
from loket.cases.services import case_transition
from loket.cases.team_mail import team_mail_link, team_mail_send, team_mail_to
from loket.cases.workflows import Workflow, workflow_for

__all__ = [
    "MAX_FILES",
    "MAX_TEXT",
    "CitizenCaseView",
    "CitizenEvent",
    "case_citizen_attachment",
    "case_citizen_reply",
    "case_citizen_view",
    "case_status_before_pause",
    "cases_with_new_reply",
    "message_documents",
    "reply_mail_team",
]

MAX_TEXT = 5000
MAX_FILES = 5
PREVIEW_LINES = 5  # the team's mail quotes the reply's first lines, not all of it
PREVIEW_CHARS = 500


def case_status_before_pause(*, case: Case, workflow: Workflow | None = None) -> str | None:
    """Where a paused case goes back to: the status it left to start waiting, read from the
    history; else the first open, non-pausing status the workflow allows. None when not paused."""
    workflow = workflow or workflow_for(case.kind)
    if not workflow.pauses(case.status):
        return None
    allowed = [s for s in workflow.allowed_next(case.status) if not workflow.is_closed(s) and not workflow.pauses(s)]
    before = (
        case.events.filter(kind=CaseEvent.Kind.STATUS, to_status=case.status)
        .order_by("-id")
        .values_list("from_status", flat=True)
        .first()
    )
    if before in allowed:
        return before
    return allowed[0] if allowed else None


def _upload_errors(uploads: Sequence[Any]) -> list[ValidationError]:
    """Every refused file, each named, before anything is stored (no half-saved reply)."""
    errors: list[ValidationError] = []
    for upload in uploads:
        try:
            attachment_check(upload)
        except ValidationError as exc:
            name = (getattr(upload, "name", "") or _("bestand")).rsplit("/", 1)[-1]
            errors.append(ValidationError(f"{name}: {' '.join(exc.messages)}", code=exc.code))
    return errors


@transaction.atomic
def case_citizen_reply(*, case: Case, citizen: Any, text: str, uploads: Sequence[Any] = ()) -> CaseEvent:
    """The citizen's message on their own open case, with documents; resumes a paused case.

    Raises ``PermissionDenied`` for anyone but the case's citizen and ``ValidationError`` for a
    closed case (code ``closed``), an empty reply (``text``), too long a text or too many or
    refused files (``uploads``, one message per file, code ``too_large``/``unsupported_media_type``/``empty``).
    """
    if not getattr(citizen, "is_authenticated", False) or case.citizen_id is None or case.citizen_id != citizen.pk:
        raise PermissionDenied
    text = (text or "").strip()
    uploads = list(uploads)
    if not text and not uploads:
        raise ValidationError({"text": _("Schrijf een bericht of voeg een document toe.")})
    if len(text) > MAX_TEXT:
        raise ValidationError(
            {
                "text": _("Uw bericht is te lang (%(count)s tekens, maximum %(max)s).")
                % {"count": len(text), "max": MAX_TEXT}
            }
        )
    if len(uploads) > MAX_FILES:
        raise ValidationError({"uploads": _("Voeg hoogstens %(max)s documenten tegelijk toe.") % {"max": MAX_FILES}})
    locked = Case.objects.select_for_update().get(pk=case.pk)
    workflow = workflow_for(locked.kind)
    if locked.closed_at is not None or workflow.is_closed(locked.status):
        raise ValidationError(
            _("Deze zaak is afgesloten: u kunt er niet meer op reageren. Hebt u nog een vraag, neem dan contact op."),
            code="closed",
        )
    if errors := _upload_errors(uploads):
        raise ValidationError({"uploads": errors})
    event = CaseEvent.objects.create(case=locked, kind=CaseEvent.Kind.MESSAGE, text=text, public=True, actor=citizen)
    for upload in uploads:
        case_add_attachment(case=locked, upload=upload, actor=citizen)
    audit_record(
        actor=citizen, action=AuditEntry.Action.CHANGE, obj=locked, fields=["messages"], district_id=locked.district_id
    )
    target = case_status_before_pause(case=locked, workflow=workflow)
    if target is not None:
        locked = case_transition(
            case=locked,
            to_status=target,
            actor=citizen,
            text=_("Antwoord van de burger ontvangen; de termijn loopt weer."),
        )
    for name in ("status", "paused_since", "deadline", "closed_at"):
        setattr(case, name, getattr(locked, name))
    transaction.on_commit(partial(_enqueue_reply_mail, event.pk), robust=True)
    return event


def message_documents(*, event: CaseEvent) -> list[Attachment]:
    """The documents sent with a message: the citizen's attachments recorded after it and before
    their next message (a reply writes its message event first, then its files)."""
    events = CaseEvent.objects.filter(
        case_id=event.case_id, kind=CaseEvent.Kind.ATTACHMENT, actor_id=event.actor_id, id__gt=event.pk
    )
    following = (
        CaseEvent.objects.filter(case_id=event.case_id, kind=CaseEvent.Kind.MESSAGE, id__gt=event.pk)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    if following is not None:
        events = events.filter(id__lt=following)
    return [e.attachment for e in events.select_related("attachment").order_by("id") if e.attachment is not None]


def cases_with_new_reply(*, case_ids: Iterable[int]) -> set[int]:
    """The cases among ``case_ids`` whose citizen replied and nobody else acted since
    ("antwoord ontvangen"): one grouped query over their events."""
    ids = list(case_ids)
    if not ids:
        return set()
    by_someone_else = Q(actor__isnull=True) | ~Q(actor_id=F("case__citizen_id"))
    rows = (
        CaseEvent.objects.filter(case_id__in=ids)
        .values("case_id")
        .annotate(
            last_message=Max("id", filter=Q(kind=CaseEvent.Kind.MESSAGE)),
            last_other=Max("id", filter=by_someone_else),
        )
        .filter(last_message__isnull=False)
        .values_list("case_id", "last_message", "last_other")
    )
    return {case_id for case_id, message, other in rows if other is None or other < message}


# --- The team's e-mail about a reply (a background job after commit) ------------------------


def _enqueue_reply_mail(event_id: int) -> None:
    from loket.cases.tasks import citizen_reply_mail_job

    citizen_reply_mail_job(event_id)


def _preview(text: str) -> str:
    """The reply's first lines, each quoted; "[…]" where more follows."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    shown = "\n".join(lines[:PREVIEW_LINES])
    cut = len(lines) > PREVIEW_LINES or len(shown) > PREVIEW_CHARS
    shown = shown[:PREVIEW_CHARS].rstrip()
    quoted = "\n".join(f"> {line}".rstrip() for line in shown.splitlines())
    return f"{quoted}\n> […]" if cut else quoted


def reply_mail_team(*, event_id: int, last_try: bool = False) -> bool:
    """Tell the team that handles the case, and its assignee, that the citizen replied: the
    reference, the reply's first lines, the names and number of the documents (never the files)
    and the link to the case page. Raises when the mail server fails (the job retries); False
    when there is nobody with an address (logged) or no such message."""
    event = (
        CaseEvent.objects.select_related("case__team", "case__assignee")
        .filter(pk=event_id, kind=CaseEvent.Kind.MESSAGE)
        .first()
    )
    if event is None:
        return False
    case = event.case
    names = [document.original_name for document in message_documents(event=event)]
    parts = [
        _("De burger antwoordde op zaak %(reference)s (%(title)s).")
        % {"reference": case.reference, "title": case.title}
    ]
    if event.text.strip():
        parts.append(_("Het antwoord begint zo:") + "\n" + _preview(event.text))
    if names:
        parts.append(
            ngettext("%(count)s document: %(names)s", "%(count)s documenten: %(names)s", len(names))
            % {"count": len(names), "names": ", ".join(names)}
        )
    parts.append(_("Openen (na aanmelden): %(link)s") % {"link": team_mail_link("cases:case-detail", case.reference)})
    message = EmailMessage(
        _("Nieuw antwoord van de burger op zaak %(reference)s") % {"reference": case.reference},
        "\n\n".join(parts) + "\n",
        settings.DEFAULT_FROM_EMAIL,
        team_mail_to(team=case.team, assignee=case.assignee),
    )
    return team_mail_send(message, about=f"the citizen's reply on case {case.reference}", last_try=last_try)


# --- What the citizen sees ---------------------------------------------------------------------


@dataclass(frozen=True)
class CitizenEvent:
    """One line of the citizen's timeline. ``by_citizen``: the citizen's own action."""

    at: dt.datetime
    kind: str
    label: str
    text: str = ""
    attachment: Attachment | None = None
    by_citizen: bool = False


@dataclass(frozen=True)
class CitizenCaseView:
    case: Case
    kind_label: str
    status_label: str
    waiting: bool  # the case waits for the citizen's answer (the deadline clock stands still)
    closed: bool
    question: str  # what the city asked, when waiting
    events: list[CitizenEvent] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


def _citizen_status_label(workflow: Workflow, status: str) -> str:
    """The workflow's label, except that waiting for the citizen is said to the citizen."""
    return _("wacht op uw antwoord") if workflow.pauses(status) else workflow.label(status)


def _citizen_line(event: CaseEvent, workflow: Workflow, citizen_id: int | None) -> CitizenEvent | None:
    """What the citizen reads for one history event, or None when it is not for them."""
    mine = event.actor_id is not None and event.actor_id == citizen_id
    status = _citizen_status_label(workflow, event.to_status)
    if event.kind == CaseEvent.Kind.CREATED:
        return CitizenEvent(event.at, event.kind, _("Ingediend: %(status)s") % {"status": status})
    if event.kind == CaseEvent.Kind.STATUS:
        if not event.public and not workflow.notifies(event.to_status):
            return None  # an internal step
        text = event.text if event.public else ""
        return CitizenEvent(event.at, event.kind, _("Status: %(status)s") % {"status": status}, text, by_citizen=mine)
    if event.kind == CaseEvent.Kind.MESSAGE:
        return CitizenEvent(event.at, event.kind, _("Uw bericht"), event.text, by_citizen=True)
    if event.kind == CaseEvent.Kind.ATTACHMENT:
        if event.attachment is None or event.attachment.uploaded_by_id != citizen_id:
            return None
        label = _("Document toegevoegd")
        return CitizenEvent(event.at, event.kind, label, attachment=event.attachment, by_citizen=True)
    if event.kind == CaseEvent.Kind.NOTE and event.public:
        return CitizenEvent(event.at, event.kind, _("Bericht van de stad"), event.text)
    return None


def _citizen_events(case: Case, workflow: Workflow) -> list[CitizenEvent]:
    own_documents = Q(kind=CaseEvent.Kind.ATTACHMENT, attachment__uploaded_by_id=case.citizen_id)
    shown = Q(public=True) | Q(kind__in=[CaseEvent.Kind.CREATED, CaseEvent.Kind.STATUS]) | own_documents
    rows = case.events.filter(shown).select_related("attachment").order_by("at", "id")
    lines = (_citizen_line(event, workflow, case.citizen_id) for event in rows)
    return [line for line in lines if line is not None]


def case_citizen_view(*, case: Case) -> CitizenCaseView:
    """The case as its citizen sees it in Mijn loket and the API (the caller checked ownership)."""
    workflow = workflow_for(case.kind)
    waiting = workflow.pauses(case.status)
    question = ""
    if waiting:
        question = (
            case.events.filter(kind=CaseEvent.Kind.STATUS, to_status=case.status, public=True)
            .order_by("-id")
            .values_list("text", flat=True)
            .first()
            or ""
        )
    return CitizenCaseView(
        case=case,
        kind_label=str(workflow.label_text),
        status_label=_citizen_status_label(workflow, case.status),
        waiting=waiting,
        closed=case.closed_at is not None or workflow.is_closed(case.status),
        question=question,
        events=_citizen_events(case, workflow),
        attachments=list(case.attachments.filter(uploaded_by_id=case.citizen_id).order_by("uploaded_at", "id")),
    )


def case_citizen_attachment(*, case: Case, attachment_id: int) -> Attachment:
    """A document of the case that its citizen may download (the ones they sent), or 404."""
    found = case.attachments.filter(pk=attachment_id, uploaded_by_id=case.citizen_id).first()
    if found is None or case.citizen_id is None:
        raise Http404(_("Geen document met dit nummer."))
    return found
