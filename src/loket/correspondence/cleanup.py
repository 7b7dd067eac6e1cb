"""Stray letter files: a file under ``letters/`` that neither a letter's PDF nor an attachment names.

``services.letter_register`` stores the letter's PDF (``letters/<year>/``) and its attachments
(``letters/attachments/<year>/``) inside the letter's transaction and removes them again when it
fails; a worker that dies in between, or a replaced PDF in the admin, leaves a file that no row
names and that is never served. The case engine's sweep (``cases.orphans``) removes it once it is
older than ``ORPHAN_GRACE``; a younger one may be an upload in flight and is kept. The printable
letter (``pdf.letter_pdf``) is rendered on request and never stored. The nightly job is in
``tasks``, the command is ``manage.py correspondence_cleanup``.
"""

from __future__ import annotations

import datetime as dt

from loket.cases.orphans import ORPHAN_GRACE, OrphanReport, orphan_files_remove
from loket.correspondence.models import Letter, LetterAttachment

LETTERS_PREFIX = "letters"  # where services._store_file keeps letters' PDFs and attachments


def letter_files_named(names: list[str]) -> set[str]:
    """The names among ``names`` that a letter's ``pdf`` or a ``LetterAttachment``'s ``file`` still holds."""
    pdfs = Letter.objects.filter(pdf__in=names).values_list("pdf", flat=True)
    attachments = LetterAttachment.objects.filter(file__in=names).values_list("file", flat=True)
    return {str(name) for name in pdfs} | {str(name) for name in attachments}


def letter_orphans_remove(
    *, dry_run: bool = False, now: dt.datetime | None = None, grace: dt.timedelta = ORPHAN_GRACE
) -> OrphanReport:
    """Remove files under ``letters/`` that no letter or attachment names and that are older than ``grace``."""
    return orphan_files_remove(prefix=LETTERS_PREFIX, named=letter_files_named, dry_run=dry_run, now=now, grace=grace)
