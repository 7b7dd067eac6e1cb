"""Personal-data retention of reports: unconfirmed followers go a day after their link expired,
followers of long-closed reports and old outbox mails go after their periods, queued mails stay."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.utils import timezone

from loket.cases.models import Case
from loket.reports import links
from loket.reports.models import Follower, Report, ReportMail
from loket.reports.retention import (
    followers_of_closed_reports_purge,
    followers_unconfirmed_purge,
    report_mails_purge,
    reports_retention_run,
)
from loket.reports.tasks import RETENTION_SCHEDULE, reports_retention_nightly

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
LINK_GONE = dt.timedelta(days=links.FOLLOW_CONFIRM_DAYS + 1)  # the link's validity and a day of margin


@pytest.fixture
def report(submit) -> Report:
    return submit("weg.put")


def follower(report: Report, email: str, *, created: dt.datetime, **fields) -> Follower:
    row = Follower.objects.create(report=report, email=email, kind=fields.pop("kind", Follower.Kind.FOLLOWER), **fields)
    Follower.objects.filter(pk=row.pk).update(created_at=created)
    return row


def outbox_mail(report: Report, status: str, *, created: dt.datetime, sent: dt.datetime | None = None) -> ReportMail:
    row = ReportMail.objects.create(
        report=report, to_address="buur@example.be", subject="Melding", body="…", status=status, sent_at=sent
    )
    ReportMail.objects.filter(pk=row.pk).update(created_at=created)
    return row


def close(report: Report, *, at: dt.datetime, reopen_until: dt.datetime | None = None) -> None:
    Case.objects.filter(pk=report.case_id).update(closed_at=at, status="done")
    Report.objects.filter(pk=report.pk).update(closed_at=at, reopen_until=reopen_until)


def remaining(model) -> set[int]:
    return set(model.objects.values_list("pk", flat=True))


def test_an_unconfirmed_follower_goes_a_day_after_its_confirmation_link_expired(report):
    expired = follower(
        report, "weg@example.be", created=NOW - LINK_GONE - MINUTE, confirmation_sent_at=NOW - LINK_GONE - MINUTE
    )
    link_still_young = follower(
        report, "net@example.be", created=NOW - LINK_GONE - MINUTE, confirmation_sent_at=NOW - LINK_GONE + MINUTE
    )
    never_mailed = follower(report, "nooit@example.be", created=NOW - LINK_GONE - MINUTE)
    never_mailed_recent = follower(report, "pas@example.be", created=NOW - LINK_GONE + MINUTE)
    confirmed = follower(
        report, "ja@example.be", created=NOW - dt.timedelta(days=400), confirmed_at=NOW - LINK_GONE * 40
    )

    assert followers_unconfirmed_purge(now=NOW) == 2

    assert remaining(Follower) == {link_still_young.pk, never_mailed_recent.pk, confirmed.pk}
    assert not Follower.objects.filter(pk__in=[expired.pk, never_mailed.pk]).exists()


def test_followers_of_a_report_closed_longer_than_the_period_go(submit, settings):
    settings.LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS = 90
    long_closed, recently_closed, still_open, reopenable = (submit("weg.put") for _ in range(4))
    period = dt.timedelta(days=90)
    close(long_closed, at=NOW - period - MINUTE)
    close(recently_closed, at=NOW - period + MINUTE)
    close(reopenable, at=NOW - period - MINUTE, reopen_until=NOW + MINUTE)
    created = NOW - dt.timedelta(days=200)
    gone = [
        follower(long_closed, "melder@example.be", created=created, confirmed_at=created, kind=Follower.Kind.REPORTER),
        follower(long_closed, "buur@example.be", created=created, confirmed_at=created),
    ]
    kept = [
        follower(recently_closed, "buur@example.be", created=created, confirmed_at=created),
        follower(still_open, "buur@example.be", created=created, confirmed_at=created),
        follower(reopenable, "buur@example.be", created=created, confirmed_at=created),
    ]

    assert followers_of_closed_reports_purge(now=NOW) == len(gone)

    assert remaining(Follower) == {row.pk for row in kept}


def test_a_report_taken_up_again_keeps_its_followers(report):
    close(report, at=NOW - dt.timedelta(days=400))
    Case.objects.filter(pk=report.case_id).update(closed_at=None, status="in_progress")  # the case is the truth
    row = follower(report, "buur@example.be", created=NOW - dt.timedelta(days=400), confirmed_at=NOW)
    assert followers_of_closed_reports_purge(now=NOW) == 0
    assert remaining(Follower) == {row.pk}


def test_sent_mails_go_after_the_keep_days_and_failed_ones_after_the_longer_period(report, settings):
    settings.LOKET_REPORT_MAIL_KEEP_DAYS = 90
    settings.LOKET_REPORT_MAIL_FAILED_KEEP_DAYS = 180
    sent_days, failed_days = dt.timedelta(days=90), dt.timedelta(days=180)
    long_ago = NOW - dt.timedelta(days=365)
    sent_old = outbox_mail(report, ReportMail.Status.SENT, created=long_ago, sent=NOW - sent_days - MINUTE)
    sent_young = outbox_mail(report, ReportMail.Status.SENT, created=long_ago, sent=NOW - sent_days + MINUTE)
    failed_old = outbox_mail(report, ReportMail.Status.FAILED, created=NOW - failed_days - MINUTE)
    failed_young = outbox_mail(report, ReportMail.Status.FAILED, created=NOW - failed_days + MINUTE)
    # Past the sent mails' period, not past the failed ones': staff still see what was not delivered.
    failed_past_sent_period = outbox_mail(report, ReportMail.Status.FAILED, created=NOW - sent_days - MINUTE)

    assert report_mails_purge(now=NOW) == (1, 1)

    assert remaining(ReportMail) == {sent_young.pk, failed_young.pk, failed_past_sent_period.pk}
    assert not ReportMail.objects.filter(pk__in=[sent_old.pk, failed_old.pk]).exists()


def test_a_queued_mail_stays_however_old_even_between_its_tries(report):
    ancient = NOW - dt.timedelta(days=1000)
    waiting = outbox_mail(report, ReportMail.Status.QUEUED, created=ancient)
    retrying = outbox_mail(report, ReportMail.Status.QUEUED, created=ancient)
    ReportMail.objects.filter(pk=retrying.pk).update(attempts=3, last_error="2026-06-14 SMTPException: down")

    assert report_mails_purge(now=NOW) == (0, 0)
    assert remaining(ReportMail) == {waiting.pk, retrying.pk}


def test_the_periods_follow_the_settings(report, settings):
    settings.LOKET_REPORT_MAIL_KEEP_DAYS = 10
    outbox_mail(report, ReportMail.Status.SENT, created=NOW - dt.timedelta(days=11), sent=NOW - dt.timedelta(days=11))
    assert report_mails_purge(now=NOW) == (1, 0)


@pytest.mark.parametrize(
    "name",
    ["LOKET_REPORT_MAIL_KEEP_DAYS", "LOKET_REPORT_MAIL_FAILED_KEEP_DAYS", "LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS"],
)
def test_a_period_shorter_than_a_day_is_refused_and_deletes_nothing(report, settings, name):
    setattr(settings, name, 0)
    outbox_mail(report, ReportMail.Status.SENT, created=NOW - dt.timedelta(days=1), sent=NOW - dt.timedelta(days=1))
    with pytest.raises(ValueError, match=name):
        reports_retention_run(now=NOW)
    assert ReportMail.objects.count() == 1


def test_the_run_returns_and_logs_how_many_of_each_kind_went(report, caplog):
    old = NOW - dt.timedelta(days=400)
    follower(report, "weg@example.be", created=old)
    outbox_mail(report, ReportMail.Status.SENT, created=old, sent=old)
    outbox_mail(report, ReportMail.Status.SENT, created=old, sent=old)
    outbox_mail(report, ReportMail.Status.QUEUED, created=old)

    with caplog.at_level(logging.INFO, logger="loket.reports.retention"):
        counts = reports_retention_run(now=NOW)

    assert counts == {
        "mails_sent": 2,
        "mails_failed": 0,
        "followers_unconfirmed": 1,
        "followers_of_closed_reports": 0,
    }
    assert "reports retention: deleted" in caplog.text and "2 mails_sent" in caplog.text
    assert ReportMail.objects.count() == 1


def test_the_nightly_job_returns_the_counts_and_runs_at_night(report):
    old = timezone.now() - dt.timedelta(days=400)
    follower(report, "weg@example.be", created=old)
    outbox_mail(report, ReportMail.Status.FAILED, created=old)

    result = reports_retention_nightly.call_local()

    assert result == {"mails_sent": 0, "mails_failed": 1, "followers_unconfirmed": 1, "followers_of_closed_reports": 0}
    assert RETENTION_SCHEDULE(dt.datetime(2026, 3, 10, 2, 35))
    assert not RETENTION_SCHEDULE(dt.datetime(2026, 3, 10, 14, 35))


def test_nothing_to_delete_deletes_nothing(report):
    assert reports_retention_run(now=NOW) == {
        "mails_sent": 0,
        "mails_failed": 0,
        "followers_unconfirmed": 0,
        "followers_of_closed_reports": 0,
    }


def test_many_rows_go_in_batches_of_ids(report, monkeypatch):
    from loket.reports import retention

    monkeypatch.setattr(retention, "BATCH", 2)
    old = NOW - dt.timedelta(days=400)
    for _ in range(5):
        outbox_mail(report, ReportMail.Status.SENT, created=old, sent=old)
    kept = outbox_mail(report, ReportMail.Status.QUEUED, created=old)
    assert report_mails_purge(now=NOW) == (5, 0)
    assert remaining(ReportMail) == {kept.pk}
