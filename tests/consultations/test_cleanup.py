"""Stray agenda documents: a stored file that no agenda item's document names goes once it is a day old."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from loket.consultations.cleanup import DOCUMENT_FILES
from loket.consultations.models import ItemDocument
from loket.consultations.services import item_propose
from loket.consultations.tasks import DOCUMENT_CLEANUP_SCHEDULE, document_cleanup_job
from tests.storage_support import aged, stray

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def document(plan, helpdesk) -> ItemDocument:
    """An agenda item's document, stored ten days ago."""
    item = item_propose(
        meeting=plan(), title="Speelstraten", actor=helpdesk, documents=[SimpleUploadedFile("nota.pdf", PDF)]
    )
    stored = item.documents.get()
    aged(stored.file.name, days=10)
    return stored


def test_an_old_file_no_document_names_is_removed(db):
    orphan = stray("consultations/2026/verloren.pdf", days=2)
    report = DOCUMENT_FILES.orphans_remove()
    assert (report.checked, report.removed, report.failed) == (1, [orphan], [])
    assert not default_storage.exists(orphan)


def test_an_agenda_items_document_and_a_young_file_stay_and_are_counted(document):
    in_flight = stray("consultations/2026/bezig.pdf", hours=1)
    report = DOCUMENT_FILES.orphans_remove()
    assert (report.checked, report.removed, report.referenced, report.young) == (2, [], 1, 1)
    assert default_storage.exists(document.file.name) and default_storage.exists(in_flight)


def test_files_under_another_prefix_are_never_touched(db):
    elsewhere = [stray("attachments/2026/03/los.pdf", days=30), stray("drafts/los.pdf", days=30)]
    assert DOCUMENT_FILES.orphans_remove().checked == 0
    assert all(default_storage.exists(name) for name in elsewhere)


def test_the_command_removes_orphans_and_says_what_it_skipped_and_why(document):
    orphan = stray("consultations/2026/verloren.pdf", days=2)
    stray("consultations/2026/bezig.pdf", hours=1)
    out = io.StringIO()
    call_command("consultations_cleanup", stdout=out)
    text = out.getvalue()
    assert "[1/1] Bestanden onder consultations/ waar geen document bij een agendapunt naar verwijst" in text
    assert "3 bestanden bekeken, 1 verwijderd" in text and f"- {orphan}" in text
    assert "overgeslagen: 1 in gebruik door een document bij een agendapunt" in text
    assert "overgeslagen: 1 jonger dan 24 uur" in text
    assert text.rstrip().endswith("Klaar.")
    assert not default_storage.exists(orphan) and default_storage.exists(document.file.name)


def test_the_nightly_job_removes_orphans_at_five_to_three_utc(db):
    stray("consultations/2026/verloren.pdf", days=2)
    assert document_cleanup_job.call_local() == {"orphan_files_removed": 1, "orphan_files_failed": 0}
    assert DOCUMENT_CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 2, 55))
    assert not DOCUMENT_CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 2, 25))
