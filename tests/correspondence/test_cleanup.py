"""Stray letter files: a stored file that neither a letter's PDF nor an attachment names goes once it is a day old."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from loket.correspondence.cleanup import LETTER_FILES
from loket.correspondence.models import Letter, LetterAttachment
from loket.correspondence.tasks import LETTER_CLEANUP_SCHEDULE, letter_cleanup_job
from tests.correspondence.conftest import PDF, PNG
from tests.storage_support import aged, stray


@pytest.fixture
def letter_pdf(register) -> Letter:
    """A letter registered as a PDF, stored ten days ago."""
    letter = register(body="", pdf=SimpleUploadedFile("brief.pdf", PDF))
    aged(letter.pdf.name, days=10)
    return letter


@pytest.fixture
def attachment(register) -> LetterAttachment:
    """A letter's attachment, stored ten days ago."""
    letter = register(attachments=[SimpleUploadedFile("plan.png", PNG)])
    stored = letter.attachments.get()
    aged(stored.file.name, days=10)
    return stored


def test_an_old_file_no_letter_names_is_removed(db):
    orphans = [stray("letters/2026/verloren.pdf", days=2), stray("letters/attachments/2026/verloren.png", days=2)]
    report = LETTER_FILES.orphans_remove()
    assert (report.checked, sorted(report.removed), report.failed) == (2, sorted(orphans), [])
    assert not any(default_storage.exists(name) for name in orphans)


def test_a_letters_pdf_stays_and_is_counted(letter_pdf):
    report = LETTER_FILES.orphans_remove()
    assert (report.checked, report.removed, report.referenced) == (1, [], 1)
    assert default_storage.exists(letter_pdf.pdf.name)


def test_an_attachments_file_stays_and_is_counted(attachment):
    report = LETTER_FILES.orphans_remove()
    assert (report.checked, report.removed, report.referenced) == (1, [], 1)
    assert default_storage.exists(attachment.file.name)


def test_a_young_file_stays_and_is_counted(db):
    in_flight = [stray("letters/2026/bezig.pdf", hours=1), stray("letters/attachments/2026/bezig.pdf", hours=23)]
    report = LETTER_FILES.orphans_remove()
    assert (report.checked, report.removed, report.young) == (2, [], 2)
    assert all(default_storage.exists(name) for name in in_flight)


def test_files_under_another_prefix_are_never_touched(db):
    elsewhere = [
        stray("attachments/2026/03/los.pdf", days=30),
        stray("consultations/2026/los.pdf", days=30),
        stray("letters-archief/los.pdf", days=30),
    ]
    assert LETTER_FILES.orphans_remove().checked == 0
    assert all(default_storage.exists(name) for name in elsewhere)


def test_the_command_removes_orphans_and_says_what_it_skipped_and_why(letter_pdf, attachment):
    orphan = stray("letters/2026/verloren.pdf", days=2)
    stray("letters/attachments/2026/bezig.pdf", hours=1)
    out = io.StringIO()
    call_command("correspondence_cleanup", stdout=out)
    text = out.getvalue()
    assert "[1/1] Bestanden onder letters/ waar geen brief of bijlage bij een brief naar verwijst" in text
    assert "4 bestanden bekeken, 1 verwijderd" in text and f"- {orphan}" in text
    assert "overgeslagen: 2 in gebruik door een brief of bijlage bij een brief" in text
    assert "overgeslagen: 1 jonger dan 24 uur" in text
    assert text.rstrip().endswith("Klaar.")
    assert not default_storage.exists(orphan)
    assert default_storage.exists(letter_pdf.pdf.name) and default_storage.exists(attachment.file.name)


def test_the_nightly_job_removes_orphans_at_five_past_three_utc(db):
    stray("letters/2026/verloren.pdf", days=2)
    assert letter_cleanup_job.call_local() == {"orphan_files_removed": 1, "orphan_files_failed": 0}
    assert LETTER_CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 3, 5))
    assert not LETTER_CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 2, 55))
