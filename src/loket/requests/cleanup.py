"""Housekeeping of the e-loket: abandoned drafts expire, and stray draft files leave storage.

- **Expired drafts** (``drafts_expire``): a draft nobody changed for ``LOKET_DRAFT_EXPIRY_DAYS``
  days (30 by default; ``updated_at``, which every save and upload moves) is deleted with its
  documents, in batches, each in its own short transaction. The files leave storage only after
  that transaction has committed (as in ``services``), so a rolled-back batch never loses a file
  that a kept row still names. Each deleted draft is written to the audit trail (no actor: the
  system did it).
- **Orphan files** (``DRAFT_FILES.orphans_remove``): a file under ``drafts/`` that no ``DraftFile`` row
  names is never served; one is left when storage could not delete a replaced or discarded
  file, or when a worker died between storing an upload and committing its row. Such a file is
  removed once it is older than ``ORPHAN_GRACE`` — a younger one may be an upload whose row is
  not committed yet, so it is kept and reported as skipped. A draft's file is never renamed or
  reused, so a file that is old and unreferenced stays that way. The sweep itself is the case
  engine's (``cases.orphans``); this app brings the prefix and the ``DraftFile`` lookup.

Both are idempotent: a second run finds nothing more to do. The nightly job is in ``tasks``,
the command is ``manage.py requests_cleanup``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.orphans import StoredFiles
from loket.requests.models import DraftFile, RequestDraft
from loket.requests.services import _delete_after_commit

DRAFTS_PREFIX = "drafts"  # where services.draft_add_file stores uploads
DEFAULT_EXPIRY_DAYS = 30
BATCH = 500


def expiry_days() -> int:
    """How many days a draft may rest unchanged: ``settings.LOKET_DRAFT_EXPIRY_DAYS`` (default 30)."""
    return int(getattr(settings, "LOKET_DRAFT_EXPIRY_DAYS", DEFAULT_EXPIRY_DAYS))


@dataclass
class ExpiryReport:
    cutoff: dt.datetime  # drafts last changed before this moment expired
    drafts: int = 0  # deleted (or, in a dry run, that would be)
    files: int = 0  # their stored documents, deleted after commit
    dry_run: bool = False


def drafts_expire(
    *, older_than_days: int | None = None, now: dt.datetime | None = None, dry_run: bool = False
) -> ExpiryReport:
    """Delete the drafts not changed for ``older_than_days`` (default: the setting) with their files."""
    days = expiry_days() if older_than_days is None else older_than_days
    if days < 1:
        raise ValueError("older_than_days must be at least 1")
    report = ExpiryReport(cutoff=(now or timezone.now()) - dt.timedelta(days=days), dry_run=dry_run)
    expired = RequestDraft.objects.filter(updated_at__lt=report.cutoff)
    if dry_run:
        report.drafts = expired.count()
        report.files = DraftFile.objects.filter(draft__in=expired).count()
        return report
    while ids := list(expired.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        drafts, files = _expire_batch(ids, report.cutoff)
        report.drafts += drafts
        report.files += files
        if drafts == 0:  # every draft of the batch was changed meanwhile: none is expired any more
            break
    return report


@transaction.atomic
def _expire_batch(ids: list[int], cutoff: dt.datetime) -> tuple[int, int]:
    # Locked and read again: a draft saved since the ids were read is not expired any more.
    drafts = list(
        RequestDraft.objects.select_for_update()
        .filter(pk__in=ids, updated_at__lt=cutoff)
        .select_related("service", "citizen")
    )
    names = [str(name) for name in DraftFile.objects.filter(draft__in=drafts).values_list("file", flat=True)]
    for draft in drafts:
        audit_record(actor=None, action=AuditEntry.Action.DELETE, obj=draft, fields=["expired"])
    RequestDraft.objects.filter(pk__in=[draft.pk for draft in drafts]).delete()
    _delete_after_commit(names)
    return len(drafts), len(names)


DRAFT_FILES = StoredFiles(DRAFTS_PREFIX, ((DraftFile, "file"),))
