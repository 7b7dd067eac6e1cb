"""Writes on letters: register (with the next BRF reference), reply, change status, remind.

References come from the case engine's locked counter (``cases.references.reference_next``) in
the letter's own transaction: unique and without gaps under concurrent writers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.attachments import EXTENSIONS, upload_check, upload_sha256
from loket.cases.references import reference_next
from loket.correspondence.models import Letter, LetterAttachment, LetterReminder, Party
from loket.correspondence.parties import party_for_code
from loket.correspondence.selectors import user_may_write_for
from loket.organisation.calendar import add_working_days

PREFIX = "BRF"
MAX_REPLY_DAYS = 250
# Which status may follow which; "answered" is set by registering the reply.
TRANSITIONS: dict[str, frozenset[str]] = {
    Letter.Status.REGISTERED: frozenset({Letter.Status.SENT, Letter.Status.RECEIVED, Letter.Status.CLOSED}),
    Letter.Status.SENT: frozenset({Letter.Status.RECEIVED, Letter.Status.CLOSED}),
    Letter.Status.RECEIVED: frozenset({Letter.Status.CLOSED}),
    Letter.Status.ANSWERED: frozenset({Letter.Status.CLOSED}),
    Letter.Status.CLOSED: frozenset(),
}


def _sides(sender: Party, recipients: Sequence[Party]) -> tuple[str, Any]:
    """(direction, district): one side is one district's bodies, the other the city's."""
    if not recipients:
        raise ValidationError({"recipients": [_("Kies minstens één bestemmeling.")]})
    if any(r.pk == sender.pk for r in recipients):
        raise ValidationError({"recipients": [_("De afzender kan niet ook bestemmeling zijn.")]})
    if sender.is_district:
        if any(r.is_district for r in recipients):
            raise ValidationError(
                {"recipients": [_("Een brief van een district gaat naar de stad: kies stadsdiensten of -organen.")]}
            )
        return Letter.Direction.TO_CITY, sender.district
    districts = {r.district_id for r in recipients if r.is_district}
    if len(districts) != 1 or not all(r.is_district for r in recipients):
        raise ValidationError({"recipients": [_("Een brief van de stad gaat naar de organen van één district.")]})
    return Letter.Direction.TO_DISTRICT, recipients[0].district


def _reply_due(*, letter_date: dt.date, reply_expected: bool, reply_days: int | None) -> dt.date | None:
    if not reply_expected:
        return None
    if reply_days is None or not 1 <= reply_days <= MAX_REPLY_DAYS:
        raise ValidationError(
            {"reply_days": [_("Geef de antwoordtermijn in werkdagen (1 tot %(max)s).") % {"max": MAX_REPLY_DAYS}]}
        )
    return add_working_days(letter_date, reply_days)


def _store_file(*, upload: Any, folder: str) -> tuple[str, str, int, str]:
    content_type, size = upload_check(upload)
    sha = upload_sha256(upload)
    name = default_storage.save(
        f"{folder}/{timezone.localdate():%Y}/{uuid.uuid4().hex}.{EXTENSIONS[content_type]}", upload
    )
    return name, content_type, size, sha


def _checked_files(*, pdf: Any, attachments: Iterable[Any]) -> list[tuple[str, Any]]:
    """Check every upload before anything is stored; errors per field."""
    errors: dict[str, list[str]] = {}
    files: list[tuple[str, Any]] = []
    if pdf is not None:
        try:
            content_type, _size = upload_check(pdf)
            if content_type != "application/pdf":
                raise ValidationError(_("De brief zelf moet een PDF zijn."))
            files.append(("pdf", pdf))
        except ValidationError as exc:
            errors["pdf"] = exc.messages
    for upload in attachments:
        try:
            upload_check(upload)
            files.append(("attachment", upload))
        except ValidationError as exc:
            errors.setdefault("attachments", []).extend(f"{upload.name}: {m}" for m in exc.messages)
    if errors:
        raise ValidationError(errors)
    return files


def letter_register(
    *,
    actor: Any,
    sender: str,
    recipients: Sequence[str],
    subject: str,
    letter_date: dt.date,
    body: str = "",
    reply_expected: bool = False,
    reply_days: int | None = None,
    in_reply_to: Letter | None = None,
    pdf: Any = None,
    attachments: Iterable[Any] = (),
) -> Letter:
    """Register a letter (``sender`` and ``recipients`` are party codes) with the next reference.

    A reply (``in_reply_to``) marks the letter it answers as answered. Files are checked before
    anything is written; stored files are removed again when the transaction fails.
    """
    if not subject or not subject.strip():
        raise ValidationError({"subject": [_("Geef het onderwerp van de brief.")]})
    if not body.strip() and pdf is None:
        raise ValidationError({"body": [_("Geef de tekst van de brief of voeg de brief als PDF toe.")]})
    if letter_date > timezone.localdate():
        raise ValidationError({"letter_date": [_("De datum van de brief ligt in de toekomst.")]})
    sender_party = party_for_code(sender)
    recipient_parties = list(dict.fromkeys(party_for_code(code) for code in recipients))
    direction, district = _sides(sender_party, recipient_parties)
    if not user_may_write_for(user=actor, parties=[sender_party, *recipient_parties]):
        raise PermissionDenied(_("Je mag geen brieven registreren voor deze partijen."))
    reply_due = _reply_due(letter_date=letter_date, reply_expected=reply_expected, reply_days=reply_days)
    files = _checked_files(pdf=pdf, attachments=attachments)
    stored: list[str] = []
    try:
        return _letter_write(
            actor=actor,
            values={
                "direction": direction,
                "district": district,
                "sender": sender_party,
                "subject": subject.strip(),
                "body": body.strip(),
                "letter_date": letter_date,
                "reply_expected": reply_expected,
                "reply_days": reply_days if reply_expected else None,
                "reply_due": reply_due,
                "in_reply_to": in_reply_to,
            },
            recipients=recipient_parties,
            files=files,
            stored=stored,
        )
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise


@transaction.atomic
def _letter_write(
    *, actor: Any, values: dict[str, Any], recipients: list[Party], files: list[tuple[str, Any]], stored: list[str]
) -> Letter:
    parent = values["in_reply_to"]
    if parent is not None:
        parent = Letter.objects.select_for_update().get(pk=parent.pk)
        if parent.status == Letter.Status.CLOSED:
            raise ValidationError({"in_reply_to": [_("Deze brief is afgesloten; er kan geen antwoord meer bij.")]})
    letter = Letter(created_by=actor if getattr(actor, "is_authenticated", False) else None, **values)
    for kind, upload in files:
        if kind == "pdf":
            name, _type, _size, _sha = _store_file(upload=upload, folder="letters")
            stored.append(name)
            letter.pdf.name = name
    # The number last: the counter row stays locked for as short a time as possible.
    letter.reference = reference_next(prefix=PREFIX, year=timezone.localdate().year)
    letter.save()
    letter.recipients.set(recipients)
    for kind, upload in files:
        if kind == "attachment":
            name, content_type, size, sha = _store_file(upload=upload, folder="letters/attachments")
            stored.append(name)
            LetterAttachment.objects.create(
                letter=letter,
                file=name,
                original_name=(upload.name or "bijlage").rsplit("/", 1)[-1][:200],
                content_type=content_type,
                size=size,
                sha256=sha,
            )
    if parent is not None and parent.awaits_reply:
        parent.status = Letter.Status.ANSWERED
        parent.save(update_fields=["status"])
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=letter, district_id=letter.district_id)
    return letter


@transaction.atomic
def letter_set_status(*, letter: Letter, to_status: str, actor: Any) -> Letter:
    """Move a letter on (sent, received, closed); ValidationError for a step that is not allowed."""
    locked = Letter.objects.select_for_update().get(pk=letter.pk)
    if to_status not in TRANSITIONS.get(locked.status, frozenset()):
        allowed = ", ".join(str(Letter.Status(s).label) for s in sorted(TRANSITIONS.get(locked.status, ())))
        raise ValidationError(
            {
                "status": [
                    _("Een brief met status '%(from)s' kan niet naar '%(to)s'. Mogelijk: %(allowed)s.")
                    % {
                        "from": locked.get_status_display(),
                        "to": to_status,
                        "allowed": allowed or _("geen"),
                    }
                ]
            }
        )
    now = timezone.now()
    locked.status = to_status
    stamp = {"sent": "sent_at", "received": "received_at", "closed": "closed_at"}[to_status]
    setattr(locked, stamp, now)
    locked.save(update_fields=["status", stamp])
    audit_record(
        actor=actor, action=AuditEntry.Action.CHANGE, obj=locked, fields=["status"], district_id=locked.district_id
    )
    return locked


def _owing_addresses(letter: Letter) -> str:
    """Who must answer: the recipients of the letter (their addresses), one per line."""
    addresses = sorted({p.email for p in letter.recipients.all() if p.email})
    return "\n".join(addresses)


def letters_remind(*, today: dt.date | None = None, before_days: int = 2) -> dict[str, int]:
    """Write the reminders due today, once per letter and kind, and queue their delivery.

    Before: the reply is due within ``before_days`` working days. After: the due date has
    passed. A reminder row is written first, so a failing mail server loses nothing.
    """
    today = today or timezone.localdate()
    horizon = add_working_days(today, before_days)
    awaiting = Letter.objects.filter(reply_expected=True).exclude(status__in=["answered", "closed"])
    due = {
        LetterReminder.Kind.AFTER: awaiting.filter(reply_due__lt=today),
        LetterReminder.Kind.BEFORE: awaiting.filter(reply_due__gte=today, reply_due__lte=horizon),
    }
    counts = {}
    for kind, letters in due.items():
        todo = letters.exclude(reminders__kind=kind).prefetch_related("recipients")
        created = 0
        for letter in todo.iterator(chunk_size=500):
            created += _reminder_write(letter=letter, kind=kind)
        counts[str(kind)] = created
    return counts


@transaction.atomic
def _reminder_write(*, letter: Letter, kind: str) -> int:
    reminder, created = LetterReminder.objects.get_or_create(
        letter=letter, kind=kind, defaults={"to_addresses": _owing_addresses(letter)}
    )
    if created:
        from loket.correspondence.tasks import reminder_deliver_job

        transaction.on_commit(partial(reminder_deliver_job, reminder.pk), robust=True)
    return int(created)
