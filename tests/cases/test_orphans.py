"""Stray attachment files: a stored file that no attachment names goes once it is a day old."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command

from loket.cases import orphans
from loket.cases.attachments import ATTACHMENT_FILES, case_add_attachment
from loket.cases.models import Attachment
from loket.cases.orphans import orphan_files_remove
from loket.cases.services import case_create
from loket.cases.tasks import ATTACHMENT_CLEANUP_SCHEDULE, attachment_cleanup_job
from tests.cases.conftest import PDF
from tests.storage_support import aged, stray


@pytest.fixture
def case(agent):
    return case_create(kind="question", title="Vraag", channel="internal", actor=agent)


def attached(case, agent, upload, *, days: float) -> Attachment:
    attachment = case_add_attachment(case=case, upload=upload("brief.pdf", PDF), actor=agent)
    aged(attachment.file.name, days=days)
    return attachment


def test_an_old_file_no_attachment_names_is_removed(db):
    orphan = stray("attachments/2026/03/verloren.pdf", days=2)
    report = ATTACHMENT_FILES.orphans_remove()
    assert (report.checked, report.removed, report.failed) == (1, [orphan], [])
    assert not default_storage.exists(orphan)


def test_an_old_file_an_attachment_names_stays_and_is_counted(case, agent, upload):
    kept = attached(case, agent, upload, days=40)
    report = ATTACHMENT_FILES.orphans_remove()
    assert (report.checked, report.removed, report.referenced) == (1, [], 1)
    assert default_storage.exists(kept.file.name)


def test_a_young_file_may_be_an_upload_in_flight_and_stays(db):
    in_flight = stray("attachments/2026/03/bezig.pdf", hours=1)
    report = ATTACHMENT_FILES.orphans_remove()
    assert (report.removed, report.young) == ([], 1)
    assert default_storage.exists(in_flight)


def test_a_dry_run_lists_the_orphans_and_keeps_them(db):
    orphan = stray("attachments/2026/03/verloren.pdf", days=2)
    report = ATTACHMENT_FILES.orphans_remove(dry_run=True)
    assert (report.removed, report.dry_run) == ([orphan], True)
    assert default_storage.exists(orphan)


def test_a_second_run_finds_nothing_more_to_do(case, agent, upload):
    kept = attached(case, agent, upload, days=3)
    stray("attachments/2025/12/verloren.pdf", days=90)
    assert len(ATTACHMENT_FILES.orphans_remove().removed) == 1
    again = ATTACHMENT_FILES.orphans_remove()
    assert (again.checked, again.removed, again.referenced) == (1, [], 1)
    assert default_storage.exists(kept.file.name)


def test_files_under_another_prefix_are_never_touched(db):
    elsewhere = [
        stray("drafts/los.pdf", days=30),
        stray("consultations/2026/los.pdf", days=30),
        stray("letters/attachments/2026/los.pdf", days=30),
    ]
    assert ATTACHMENT_FILES.orphans_remove().checked == 0
    assert all(default_storage.exists(name) for name in elsewhere)


def test_a_file_storage_refuses_to_delete_is_listed_and_the_rest_goes_on(db, monkeypatch):
    stuck = stray("attachments/2026/03/kapot.pdf", days=2)
    orphan = stray("attachments/2026/03/verloren.pdf", days=2)
    real_delete = FileSystemStorage.delete

    def refuse_one(storage: FileSystemStorage, name: str) -> None:
        if name == stuck:
            raise PermissionError(name)
        real_delete(storage, name)

    monkeypatch.setattr(FileSystemStorage, "delete", refuse_one)
    report = ATTACHMENT_FILES.orphans_remove()
    assert (report.removed, report.failed) == ([orphan], [stuck])
    assert default_storage.exists(stuck) and not default_storage.exists(orphan)


def test_the_lookup_is_asked_in_batches_and_only_about_old_files(monkeypatch, db):
    monkeypatch.setattr(orphans, "BATCH", 2)
    names = [stray(f"scans/{n}.pdf", days=2) for n in range(5)]
    stray("scans/bezig.pdf", hours=1)
    asked: list[list[str]] = []

    def named(batch: list[str]) -> set[str]:
        asked.append(batch)
        return {names[0]}

    report = orphan_files_remove(prefix="scans", named=named)
    assert all(len(batch) <= 2 for batch in asked) and sorted(name for batch in asked for name in batch) == sorted(
        names
    )
    assert (report.checked, report.referenced, report.young, sorted(report.removed)) == (6, 1, 1, sorted(names[1:]))


def test_the_sweep_refuses_to_run_over_the_whole_storage():
    with pytest.raises(ValueError, match="prefix"):
        orphan_files_remove(prefix="/", named=lambda names: set())


def test_the_command_removes_orphans_and_says_what_it_skipped_and_why(case, agent, upload):
    attached(case, agent, upload, days=10)
    orphan = stray("attachments/2026/03/verloren.pdf", days=2)
    stray("attachments/2026/03/bezig.pdf", hours=1)
    out = io.StringIO()
    call_command("attachments_cleanup", stdout=out)
    text = out.getvalue()
    assert "[1/1] Bestanden onder attachments/ waar geen bijlage van een zaak naar verwijst" in text
    assert "3 bestanden bekeken, 1 verwijderd" in text and f"- {orphan}" in text
    assert "overgeslagen: 1 in gebruik door een bijlage van een zaak" in text
    assert "overgeslagen: 1 jonger dan 24 uur" in text
    assert text.rstrip().endswith("Klaar.")
    assert not default_storage.exists(orphan)


def test_the_command_in_a_dry_run_deletes_nothing(db):
    orphan = stray("attachments/2026/03/verloren.pdf", days=2)
    out = io.StringIO()
    call_command("attachments_cleanup", "--dry-run", stdout=out)
    assert "Proefdraai" in out.getvalue() and "1 bestanden bekeken, 1 zou verwijderen" in out.getvalue()
    assert default_storage.exists(orphan)


def test_the_command_fails_when_storage_refuses_a_file(db, monkeypatch):
    stuck = stray("attachments/2026/03/kapot.pdf", days=2)

    def refuse(storage: FileSystemStorage, name: str) -> None:
        raise PermissionError(name)

    monkeypatch.setattr(FileSystemStorage, "delete", refuse)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 bestanden konden niet verwijderd worden"):
        call_command("attachments_cleanup", stdout=io.StringIO(), stderr=err)
    assert f"niet gelukt (zie het logboek): {stuck}" in err.getvalue()


def test_the_command_refuses_an_unknown_option(db):
    orphan = stray("attachments/2026/03/verloren.pdf", days=2)
    with pytest.raises(CommandError):
        call_command("attachments_cleanup", "--older-than-days", "3", stdout=io.StringIO())
    assert default_storage.exists(orphan)


def test_the_nightly_job_removes_orphans_at_twenty_five_past_two_utc(db):
    stray("attachments/2026/03/verloren.pdf", days=2)
    assert attachment_cleanup_job.call_local() == {"orphan_files_removed": 1, "orphan_files_failed": 0}
    assert ATTACHMENT_CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 2, 25))
    assert not ATTACHMENT_CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 2, 15))
