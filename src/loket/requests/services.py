"""Writes of the e-loket: drafts (answers and checked documents) and submitting a request.

Documents are checked by content with the case engine's own check (``cases.attachments``) when
they are uploaded, kept in storage under random names with their detected type while the
request is a draft, and attached to the case on submit through ``case_add_attachment``.
Nothing half-written: ``request_submit`` runs in one transaction; when it fails, the draft and
its stored files are left exactly as they were. Draft files are deleted from storage only after
the transaction that removed their rows has committed.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.attachments import EXTENSIONS, upload_check, upload_sha256
from loket.cases.models import Case, Channel
from loket.cases.services import case_add_attachment, case_create
from loket.catalogue.models import Service
from loket.requests.models import DraftFile, FormDefinition, RequestDraft

logger = logging.getLogger(__name__)
STAFF_CHANNELS = (Channel.PHONE, Channel.COUNTER)


def _delete_after_commit(names: list[str]) -> None:
    def delete() -> None:
        for name in names:
            try:
                default_storage.delete(name)
            except Exception:  # a stray file is harmless; never fail the request for it
                logger.warning("could not delete draft file %s", name, exc_info=True)

    if names:
        transaction.on_commit(delete)


@transaction.atomic
def draft_save(*, citizen: Any, service: Service, data: dict[str, Any]) -> RequestDraft:
    """Keep the answers typed so far (raw, unvalidated text) as the citizen's draft for ``service``."""
    clean = {str(k): v for k, v in data.items() if isinstance(v, (str, bool, int, float, list))}
    draft, _created = RequestDraft.objects.select_for_update().get_or_create(
        citizen=citizen, service=service, defaults={"data": clean}
    )
    if not _created:
        draft.data = clean
        draft.save(update_fields=["data", "updated_at"])
    return draft


def draft_add_file(*, citizen: Any, service: Service, document: str, upload: Any) -> DraftFile:
    """Check one upload by content and keep it with the draft (replacing an earlier file for
    the same document). Raises ``ValidationError`` (too_large, unsupported_media_type, empty)
    before anything is stored."""
    definition = FormDefinition.objects.get(service=service)
    spec = next((d for d in definition.documents if d["name"] == document), None)
    if spec is None:
        raise ValidationError(_("Onbekend document."), code="invalid")
    content_type, size = upload_check(upload)
    if content_type not in spec.get("types", EXTENSIONS):
        allowed = ", ".join(EXTENSIONS.get(t, t).upper() for t in spec["types"])
        raise ValidationError(
            _("Voor dit document zijn enkel %(allowed)s toegelaten.") % {"allowed": allowed},
            code="unsupported_media_type",
        )
    sha256 = upload_sha256(upload)
    stored = default_storage.save(f"drafts/{uuid.uuid4().hex}.{EXTENSIONS[content_type]}", upload)
    try:
        with transaction.atomic():
            draft, _created = RequestDraft.objects.select_for_update().get_or_create(citizen=citizen, service=service)
            old = list(DraftFile.objects.filter(draft=draft, document=document).values_list("file", flat=True))
            DraftFile.objects.filter(draft=draft, document=document).delete()
            draft_file = DraftFile.objects.create(
                draft=draft,
                document=document,
                file=stored,
                original_name=(getattr(upload, "name", "") or "document").rsplit("/", 1)[-1][:200],
                content_type=content_type,
                size=size,
                sha256=sha256,
            )
            draft.save(update_fields=["updated_at"])
            _delete_after_commit(old)
    except BaseException:
        default_storage.delete(stored)
        raise
    return draft_file


@transaction.atomic
def draft_discard(*, draft: RequestDraft) -> None:
    """Throw a draft away with its documents."""
    names = list(draft.files.values_list("file", flat=True))
    draft.delete()
    _delete_after_commit(names)


def _citizen_district(citizen: Any) -> Any:
    """The district of the citizen's profile (from their address), when known."""
    from loket.citizens.services import citizen_for_user

    return citizen_for_user(user=citizen).district


def _required_documents_check(definition: FormDefinition, present: set[str]) -> None:
    missing = {
        f"doc_{d['name']}": _("Voeg dit document toe.")
        for d in definition.documents
        if d.get("required") and d["name"] not in present
    }
    if missing:
        raise ValidationError(missing)


def request_submit(
    *,
    definition: FormDefinition,
    citizen: Any,
    answers: dict[str, Any],
    actor: Any,
    channel: str = Channel.ONLINE,
    draft: RequestDraft | None = None,
    uploads: dict[str, Any] | None = None,
) -> Case:
    """Open a case of kind "request" for ``citizen`` with the validated ``answers`` in
    ``case.data`` and the documents of the draft and of ``uploads`` (document name → file)
    attached; then remove the draft. One transaction: on any error nothing is kept."""
    if not definition.active:
        raise ValidationError(_("Deze dienst kan niet (meer) online aangevraagd worden."))
    uploads = uploads or {}
    address = next(
        (str(answers[f["name"]]) for f in definition.fields if f["type"] == "address" and answers.get(f["name"])), ""
    )
    fields = {"definition": definition, "citizen": citizen, "answers": answers, "actor": actor, "channel": channel}
    if draft is None and not uploads and address:
        # Only the case to write: case_create's own transaction, without a savepoint inside another.
        _required_documents_check(definition, set())
        return _submit(**fields, address=address)
    with transaction.atomic():
        draft_files = list(draft.files.all()) if draft is not None else []
        _required_documents_check(definition, {f.document for f in draft_files} | set(uploads))
        case = _submit(**fields, address=address)
        for draft_file in draft_files:
            if draft_file.document in uploads:
                continue  # a new upload replaces the draft's file
            with default_storage.open(str(draft_file.file.name), "rb") as handle:
                case_add_attachment(case=case, upload=File(handle, name=draft_file.original_name), actor=actor)
        for upload in uploads.values():
            case_add_attachment(case=case, upload=upload, actor=actor)
        if draft is not None:
            draft_discard(draft=draft)
        return case


def _submit(
    *, definition: FormDefinition, citizen: Any, answers: dict[str, Any], actor: Any, channel: str, address: str
) -> Case:
    """The case itself: ``case_create`` runs in its own transaction or joins the caller's."""
    service = definition.service
    return case_create(
        kind="request",
        title=service.name,
        channel=channel,
        actor=actor,
        service=service,
        citizen=citizen,
        address=address,
        district=None if address else _citizen_district(citizen),
        data={"form_version": definition.version, "answers": answers, "submitted_at": timezone.now().isoformat()},
    )
