"""Housekeeping: expired drafts go with their files; stray draft files go once they are old enough."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from loket.audit.models import AuditEntry
from loket.requests.cleanup import DRAFT_FILES, drafts_expire
from loket.requests.models import DraftFile, RequestDraft
from loket.requests.services import draft_add_file
from loket.requests.tasks import CLEANUP_SCHEDULE, requests_cleanup_job
from tests import storage_support
from tests.requests.conftest import PDF


def draft_with_plan(citizen, terrace, *, days_old: int) -> DraftFile:
    stored = draft_add_file(
        citizen=citizen, service=terrace.service, document="plan", upload=SimpleUploadedFile("plan.pdf", PDF)
    )
    RequestDraft.objects.filter(pk=stored.draft_id).update(updated_at=timezone.now() - dt.timedelta(days=days_old))
    storage_support.aged(stored.file.name, days=days_old)
    return stored


def stray(name: str, **age: float) -> str:
    return storage_support.stray(f"drafts/{name}", **age)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Call a cleanup and let the files leave storage, as they do when its transactions commit."""

    def call(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return call


def test_a_draft_left_unchanged_for_thirty_days_goes_with_its_files(run, citizen, terrace):
    old = draft_with_plan(citizen, terrace, days_old=31)
    report = run(drafts_expire)
    assert (report.drafts, report.files) == (1, 1)
    assert not RequestDraft.objects.exists() and not DraftFile.objects.exists()
    assert not default_storage.exists(old.file.name)
    entry = AuditEntry.objects.get(object_type="requests.requestdraft", object_id=str(old.draft_id))
    assert (entry.action, entry.actor) == (AuditEntry.Action.DELETE, None)


def test_a_draft_changed_within_thirty_days_stays_with_its_files(run, citizen, make_user, terrace):
    fresh = draft_with_plan(citizen, terrace, days_old=29)
    draft_with_plan(make_user(), terrace, days_old=40)
    assert run(drafts_expire).drafts == 1
    assert list(RequestDraft.objects.values_list("pk", flat=True)) == [fresh.draft_id]
    assert default_storage.exists(fresh.file.name)


def test_the_expiry_age_comes_from_the_setting(run, settings, citizen, terrace):
    settings.LOKET_DRAFT_EXPIRY_DAYS = 7
    draft_with_plan(citizen, terrace, days_old=8)
    assert run(drafts_expire).drafts == 1


def test_a_dry_run_counts_the_expired_drafts_and_deletes_nothing(run, citizen, terrace):
    old = draft_with_plan(citizen, terrace, days_old=31)
    report = run(drafts_expire, dry_run=True)
    assert (report.drafts, report.files) == (1, 1)
    assert RequestDraft.objects.exists() and default_storage.exists(old.file.name)


def test_expiry_refuses_an_age_below_one_day(citizen, terrace):
    with pytest.raises(ValueError, match="at least 1"):
        drafts_expire(older_than_days=0)


def test_an_old_file_no_draft_names_is_removed(run, citizen, terrace):
    orphan = stray("verloren.pdf", days=2)
    report = run(DRAFT_FILES.orphans_remove)
    assert (report.checked, report.removed, report.failed) == (1, [orphan], [])
    assert not default_storage.exists(orphan)


def test_a_young_file_may_be_an_upload_in_flight_and_stays(run, citizen, terrace):
    in_flight = stray("bezig.pdf", hours=1)
    report = run(DRAFT_FILES.orphans_remove)
    assert (report.removed, report.young) == ([], 1)
    assert default_storage.exists(in_flight)


def test_an_old_file_a_draft_still_names_stays(run, citizen, terrace):
    kept = draft_with_plan(citizen, terrace, days_old=10)
    report = run(DRAFT_FILES.orphans_remove)
    assert (report.removed, report.referenced) == ([], 1)
    assert default_storage.exists(kept.file.name)


def test_a_dry_run_lists_the_orphans_and_keeps_them(run, citizen, terrace):
    orphan = stray("verloren.pdf", days=2)
    assert run(DRAFT_FILES.orphans_remove, dry_run=True).removed == [orphan]
    assert default_storage.exists(orphan)


def test_files_outside_the_drafts_prefix_are_never_touched(run, citizen, terrace):
    attachment = storage_support.stray("attachments/2026/03/los.pdf", days=30)
    assert run(DRAFT_FILES.orphans_remove).checked == 0
    assert default_storage.exists(attachment)


def test_a_second_run_finds_nothing_more_to_do(run, citizen, make_user, terrace):
    draft_with_plan(citizen, terrace, days_old=31)
    kept = draft_with_plan(make_user(), terrace, days_old=3)
    stray("verloren.pdf", days=2)
    run(drafts_expire), run(DRAFT_FILES.orphans_remove)
    expired, orphans = run(drafts_expire), run(DRAFT_FILES.orphans_remove)
    assert (expired.drafts, expired.files, orphans.removed, orphans.checked) == (0, 0, [], 1)
    assert default_storage.exists(kept.file.name)


# Transactional: the expired drafts' files leave storage when each batch commits, before the
# orphan step looks, as in production (a captured on_commit would run only at the very end).
@pytest.mark.django_db(transaction=True)
def test_the_command_cleans_up_and_says_what_it_skipped_and_why(citizen, make_user, terrace):
    draft_with_plan(citizen, terrace, days_old=31)
    draft_with_plan(make_user(), terrace, days_old=3)
    orphan = stray("verloren.pdf", days=2)
    stray("bezig.pdf", hours=1)
    out = io.StringIO()
    call_command("requests_cleanup", stdout=out)
    text = out.getvalue()
    assert "[1/2] Concepten die 30 dagen niet gewijzigd zijn" in text
    assert "1 concepten verwijderd" in text and "met 1 documenten" in text
    assert "3 bestanden bekeken, 1 verwijderd" in text and f"- {orphan}" in text
    assert "overgeslagen: 1 in gebruik door een concept" in text
    assert "overgeslagen: 1 jonger dan 24 uur" in text
    assert text.rstrip().endswith("Klaar.")
    again = io.StringIO()
    call_command("requests_cleanup", stdout=again)
    assert "0 concepten verwijderd" in again.getvalue() and "2 bestanden bekeken, 0 verwijderd" in again.getvalue()


def test_the_command_in_a_dry_run_deletes_nothing(citizen, terrace):
    draft_with_plan(citizen, terrace, days_old=31)
    orphan = stray("verloren.pdf", days=2)
    out = io.StringIO()
    call_command("requests_cleanup", dry_run=True, stdout=out)
    assert "Proefdraai" in out.getvalue() and "1 concepten zou verwijderen" in out.getvalue()
    assert RequestDraft.objects.exists() and default_storage.exists(orphan)


def test_the_command_can_skip_a_part(citizen, terrace):
    draft_with_plan(citizen, terrace, days_old=31)
    out = io.StringIO()
    call_command("requests_cleanup", skip_drafts=True, stdout=out)
    assert "Concepten overgeslagen (--skip-drafts)" in out.getvalue()
    assert RequestDraft.objects.exists()


@pytest.mark.parametrize("bad", [["--older-than-days", "0"], ["--older-than-days", "dertig"], ["--wat"]])
def test_the_command_refuses_bad_input(citizen, terrace, bad):
    draft_with_plan(citizen, terrace, days_old=31)
    with pytest.raises(CommandError):
        call_command("requests_cleanup", *bad, stdout=io.StringIO())
    assert RequestDraft.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_nightly_job_runs_both_cleanups(citizen, terrace):
    draft_with_plan(citizen, terrace, days_old=31)
    stray("verloren.pdf", days=2)
    result = requests_cleanup_job.call_local()
    assert result == {
        "drafts_expired": 1,
        "draft_files_deleted": 1,
        "orphan_files_removed": 1,
        "orphan_files_failed": 0,
    }
    assert CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 2, 15))
    assert not CLEANUP_SCHEDULE(dt.datetime(2026, 3, 10, 14, 15))
