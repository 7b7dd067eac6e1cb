"""Stray letter files: a file under ``letters/`` that neither a letter's PDF nor an attachment names.

``services.letter_register`` stores the letter's PDF (``letters/<year>/``) and its attachments
(``letters/attachments/<year>/``) inside the letter's transaction and removes them again when it
fails; a worker that dies in between leaves a file that no row
names and that is never served. The case engine's sweep (``cases.orphans``) removes it once it is
older than ``ORPHAN_GRACE``; a younger one may be an upload in flight and is kept. The printable
letter (``pdf.letter_pdf``) is rendered on request and never stored. The nightly job is in
``tasks``, the command is ``manage.py correspondence_cleanup``.
"""

from __future__ import annotations

from loket.cases.orphans import StoredFiles
from loket.correspondence.models import Letter, LetterAttachment

LETTERS_PREFIX = "letters"  # where services._store_file keeps letters' PDFs and attachments
LETTER_FILES = StoredFiles(LETTERS_PREFIX, ((Letter, "pdf"), (LetterAttachment, "file")))
