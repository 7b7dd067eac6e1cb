"""Stray agenda documents: a file under ``consultations/`` that no ``ItemDocument`` names.

One is left when a proposal's transaction rolled back after its documents were stored, or when a
worker died between storing a document and committing its row; it is never served. The case
engine's sweep (``cases.orphans``) removes it once it is older than ``ORPHAN_GRACE``; a younger one
may be an upload in flight and is kept. The nightly job is in ``tasks``, the command is
``manage.py consultations_cleanup``.
"""

from __future__ import annotations

from loket.cases.orphans import StoredFiles
from loket.consultations.models import ItemDocument

DOCUMENTS_PREFIX = "consultations"  # where services._store keeps agenda documents
DOCUMENT_FILES = StoredFiles(DOCUMENTS_PREFIX, ((ItemDocument, "file"),))
