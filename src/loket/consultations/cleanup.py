"""Stray agenda documents: a file under ``consultations/`` that no ``ItemDocument`` names.

One is left when a proposal's transaction rolled back after its documents were stored, or when a
worker died between storing a document and committing its row; it is never served. The case
engine's sweep (``cases.orphans``) removes it once it is older than ``ORPHAN_GRACE``; a younger one
may be an upload in flight and is kept. The nightly job is in ``tasks``, the command is
``manage.py consultations_cleanup``.
"""

from __future__ import annotations

import datetime as dt

from loket.cases.orphans import ORPHAN_GRACE, OrphanReport, orphan_files_remove
from loket.consultations.models import ItemDocument

DOCUMENTS_PREFIX = "consultations"  # where services._store keeps agenda documents


def document_files_named(names: list[str]) -> set[str]:
    """The names among ``names`` that an ``ItemDocument`` row still holds."""
    return {str(name) for name in ItemDocument.objects.filter(file__in=names).values_list("file", flat=True)}


def document_orphans_remove(
    *, dry_run: bool = False, now: dt.datetime | None = None, grace: dt.timedelta = ORPHAN_GRACE
) -> OrphanReport:
    """Remove files under ``consultations/`` that no ``ItemDocument`` names and that are older than ``grace``."""
    return orphan_files_remove(
        prefix=DOCUMENTS_PREFIX, named=document_files_named, dry_run=dry_run, now=now, grace=grace
    )
