"""Personal-data retention of works: unconfirmed subscriptions go a day after their link expired,
cancelled ones (with their notices) after a week, sent and failed notices after their periods;
queued notices and failed ones due for another try stay."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from django.utils import timezone

from loket.works.mail import CONFIRM_VALID
from loket.works.models import AreaSubscription, WorkNotice
from loket.works.notices import MAX_ATTEMPTS
from loket.works.retention import (
    notices_purge,
    subscriptions_cancelled_purge,
    subscriptions_unconfirmed_purge,
    works_retention_run,
)
from loket.works.tasks import RETENTION_SCHEDULE, works_retention_nightly
from tests.works.helpers_public import make_subscription, make_work

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
LINK_GONE = CONFIRM_VALID + dt.timedelta(days=1)  # the link's validity and a day of margin


def subscription(email: str, *, created: dt.datetime, **fields: Any) -> AreaSubscription:
    row = make_subscription(email=email, confirmed=False)
    AreaSubscription.objects.filter(pk=row.pk).update(created_at=created, **fields)
    row.refresh_from_db()
    return row


def notice(subscription: AreaSubscription, status: str, *, created: dt.datetime, **fields: Any) -> WorkNotice:
    row = WorkNotice.objects.create(subscription=subscription, work=make_work(), status=status)
    WorkNotice.objects.filter(pk=row.pk).update(created_at=created, **fields)
    return row


def remaining(model) -> set[int]:
    return set(model.objects.values_list("pk", flat=True))


def test_an_unconfirmed_subscription_goes_a_day_after_its_confirmation_link_expired(antwerp):
    old = NOW - LINK_GONE - MINUTE
    expired = subscription("weg@example.be", created=old, confirmation_mailed_at=old)
    mailed_again = subscription("opnieuw@example.be", created=old, confirmation_mailed_at=NOW - LINK_GONE + MINUTE)
    never_mailed = subscription("nooit@example.be", created=old)
    recent = subscription("pas@example.be", created=NOW - LINK_GONE + MINUTE)
    active = subscription("actief@example.be", created=NOW - dt.timedelta(days=400), confirmed_at=old)

    assert subscriptions_unconfirmed_purge(now=NOW) == 2

    assert remaining(AreaSubscription) == {mailed_again.pk, recent.pk, active.pk}
    assert not AreaSubscription.objects.filter(pk__in=[expired.pk, never_mailed.pk]).exists()


def test_a_cancelled_subscription_goes_with_its_notices_after_the_period(antwerp, settings):
    settings.LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS = 7
    week = dt.timedelta(days=7)
    created = NOW - dt.timedelta(days=100)
    gone = subscription("weg@example.be", created=created, confirmed_at=created, cancelled_at=NOW - week - MINUTE)
    notice(gone, WorkNotice.Status.SENT, created=created, sent_at=created)
    # Cancelled before it was confirmed (the cancel link is in the confirmation mail too).
    gone_unconfirmed = subscription("nooit@example.be", created=created, cancelled_at=NOW - week - MINUTE)
    kept = subscription("net@example.be", created=created, confirmed_at=created, cancelled_at=NOW - week + MINUTE)
    kept_notice = notice(kept, WorkNotice.Status.SENT, created=created, sent_at=NOW)
    active = subscription("actief@example.be", created=created, confirmed_at=created)

    assert subscriptions_cancelled_purge(now=NOW) == (2, 1)

    assert remaining(AreaSubscription) == {kept.pk, active.pk}
    assert remaining(WorkNotice) == {kept_notice.pk}
    assert not AreaSubscription.objects.filter(pk=gone_unconfirmed.pk).exists()


def test_sent_notices_go_after_the_keep_days_and_failed_ones_after_the_longer_period(antwerp, settings):
    settings.LOKET_WORK_NOTICE_KEEP_DAYS = 90
    settings.LOKET_WORK_NOTICE_FAILED_KEEP_DAYS = 180
    sent_days, failed_days = dt.timedelta(days=90), dt.timedelta(days=180)
    long_ago = NOW - dt.timedelta(days=365)
    active = subscription("an@example.be", created=long_ago, confirmed_at=long_ago)
    sent_old = notice(active, WorkNotice.Status.SENT, created=long_ago, sent_at=NOW - sent_days - MINUTE)
    sent_young = notice(active, WorkNotice.Status.SENT, created=long_ago, sent_at=NOW - sent_days + MINUTE)
    final = {"attempts": MAX_ATTEMPTS, "next_attempt_at": None}
    failed_old = notice(active, WorkNotice.Status.FAILED, created=NOW - failed_days - MINUTE, **final)
    failed_young = notice(active, WorkNotice.Status.FAILED, created=NOW - failed_days + MINUTE, **final)
    # Past the sent notices' period, not past the failed ones': staff still see what was not delivered.
    failed_past_sent_period = notice(active, WorkNotice.Status.FAILED, created=NOW - sent_days - MINUTE, **final)

    assert notices_purge(now=NOW) == (1, 1)

    assert remaining(WorkNotice) == {sent_young.pk, failed_young.pk, failed_past_sent_period.pk}
    assert not WorkNotice.objects.filter(pk__in=[sent_old.pk, failed_old.pk]).exists()
    assert remaining(AreaSubscription) == {active.pk}  # the subscriber stays subscribed


def test_queued_notices_and_failed_ones_due_for_another_try_stay_however_old(antwerp):
    ancient = NOW - dt.timedelta(days=1000)
    active = subscription("an@example.be", created=ancient, confirmed_at=ancient)
    queued = notice(active, WorkNotice.Status.QUEUED, created=ancient)
    retrying = notice(
        active, WorkNotice.Status.FAILED, created=ancient, attempts=MAX_ATTEMPTS - 1, next_attempt_at=NOW + MINUTE
    )

    being_sent = notice(  # its last try: claimed with a lease
        active, WorkNotice.Status.FAILED, created=ancient, attempts=MAX_ATTEMPTS, next_attempt_at=NOW + MINUTE
    )

    assert notices_purge(now=NOW) == (0, 0)
    assert remaining(WorkNotice) == {queued.pk, retrying.pk, being_sent.pk}


@pytest.mark.parametrize(
    "name",
    [
        "LOKET_WORK_NOTICE_KEEP_DAYS",
        "LOKET_WORK_NOTICE_FAILED_KEEP_DAYS",
        "LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS",
    ],
)
def test_a_period_shorter_than_a_day_is_refused_and_deletes_nothing(antwerp, settings, name):
    setattr(settings, name, 0)
    yesterday = NOW - dt.timedelta(days=1)
    active = subscription("an@example.be", created=yesterday, confirmed_at=yesterday)
    notice(active, WorkNotice.Status.SENT, created=yesterday, sent_at=yesterday)
    with pytest.raises(ValueError, match=name):
        works_retention_run(now=NOW)
    assert WorkNotice.objects.count() == 1


def test_the_run_returns_and_logs_how_many_of_each_kind_went(antwerp, caplog):
    old = NOW - dt.timedelta(days=400)
    subscription("weg@example.be", created=old)
    cancelled = subscription("gestopt@example.be", created=old, confirmed_at=old, cancelled_at=old)
    notice(cancelled, WorkNotice.Status.SENT, created=old, sent_at=old)
    active = subscription("an@example.be", created=old, confirmed_at=old)
    notice(active, WorkNotice.Status.SENT, created=old, sent_at=old)
    notice(active, WorkNotice.Status.QUEUED, created=old)

    with caplog.at_level(logging.INFO, logger="loket.works.retention"):
        counts = works_retention_run(now=NOW)

    assert counts == {
        "subscriptions_cancelled": 1,
        "notices_of_cancelled": 1,
        "notices_sent": 1,
        "notices_failed": 0,
        "subscriptions_unconfirmed": 1,
    }
    assert "works retention: deleted" in caplog.text and "1 subscriptions_unconfirmed" in caplog.text
    assert remaining(AreaSubscription) == {active.pk}
    assert WorkNotice.objects.get().status == WorkNotice.Status.QUEUED


def test_the_nightly_job_returns_the_counts_and_runs_at_night(antwerp):
    old = timezone.now() - dt.timedelta(days=400)
    subscription("weg@example.be", created=old)
    active = subscription("an@example.be", created=old, confirmed_at=old)
    notice(active, WorkNotice.Status.FAILED, created=old, attempts=MAX_ATTEMPTS)

    result = works_retention_nightly.call_local()

    assert result == {
        "subscriptions_cancelled": 0,
        "notices_of_cancelled": 0,
        "notices_sent": 0,
        "notices_failed": 1,
        "subscriptions_unconfirmed": 1,
    }
    assert RETENTION_SCHEDULE(dt.datetime(2026, 3, 10, 2, 45))
    assert not RETENTION_SCHEDULE(dt.datetime(2026, 3, 10, 14, 45))


def test_many_rows_go_in_batches_of_ids(antwerp, monkeypatch):
    from loket.works import retention

    monkeypatch.setattr(retention, "BATCH", 2)
    old = NOW - dt.timedelta(days=400)
    for n in range(5):
        subscription(f"weg{n}@example.be", created=old)
    assert subscriptions_unconfirmed_purge(now=NOW) == 5
    assert not AreaSubscription.objects.exists()


def test_nothing_to_delete_deletes_nothing(antwerp):
    assert set(works_retention_run(now=NOW).values()) == {0}
