"""Attachments: size limit, type by content, storage through Django's storage API.

The type is what the bytes say, never the file name: a PNG named ``foto.pdf`` is accepted and
recorded as ``image/png`` (stored with a ``.png`` name); an executable renamed ``.pdf`` is
refused. Stored names are random, so a file name chosen by a citizen never reaches a path.

Nothing half-written: the file is saved first, then the rows are written in their own
transaction; when those fail, the saved file is deleted again. (If an *outer* transaction of
the caller rolls back later, the file stays as an orphan without a row; it is never served, and
``ATTACHMENT_FILES.orphans_remove`` removes it from storage once it is a day old.)
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.models import Attachment, Case, CaseEvent
from loket.cases.orphans import StoredFiles

EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
HEAD_BYTES = 8192
ATTACHMENTS_PREFIX = "attachments"  # case_add_attachment stores under attachments/<year>/<month>/


def attachment_detect_type(head: bytes) -> str | None:
    """The MIME type the content declares by its magic bytes, or None."""
    kind = filetype.guess(head)
    return kind.mime if kind is not None else None


def upload_check(upload: Any) -> tuple[str, int]:
    size = int(getattr(upload, "size", 0) or 0)
    limit = int(settings.ATTACHMENT_MAX_BYTES)
    if size > limit:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s bytes); het maximum is %(limit)s bytes.")
            % {"size": size, "limit": limit},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    content_type = attachment_detect_type(head)
    allowed = list(settings.ATTACHMENT_ALLOWED_TYPES)
    if content_type not in allowed:
        raise ValidationError(
            _("Dit soort bestand wordt niet aanvaard. Toegelaten zijn: %(allowed)s.")
            % {"allowed": ", ".join(EXTENSIONS.get(t, t).upper() for t in allowed)},
            code="unsupported_media_type",
        )
    return content_type, size


def upload_sha256(upload: Any) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(65536), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def case_add_attachment(*, case: Case, upload: Any, actor: Any) -> Attachment:
    """Check, store and record one uploaded file; raises ``ValidationError`` (code too_large,
    unsupported_media_type or empty) before anything is stored."""
    content_type, size = upload_check(upload)
    sha256 = upload_sha256(upload)
    today = timezone.localdate()
    extension = EXTENSIONS.get(content_type, "bin")
    stored_name = default_storage.save(f"{ATTACHMENTS_PREFIX}/{today:%Y/%m}/{uuid.uuid4().hex}.{extension}", upload)
    try:
        with transaction.atomic():
            attachment = Attachment.objects.create(
                case=case,
                file=stored_name,
                original_name=(getattr(upload, "name", "") or "bijlage").rsplit("/", 1)[-1][:200],
                content_type=content_type,
                size=size,
                sha256=sha256,
                uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            CaseEvent.objects.create(
                case=case,
                kind=CaseEvent.Kind.ATTACHMENT,
                attachment=attachment,
                text=attachment.original_name,
                actor=attachment.uploaded_by,
            )
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CHANGE,
                obj=case,
                fields=["attachments"],
                district_id=case.district_id,
            )
    except BaseException:
        default_storage.delete(stored_name)
        raise
    return attachment


ATTACHMENT_FILES = StoredFiles(ATTACHMENTS_PREFIX, ((Attachment, "file"),))
