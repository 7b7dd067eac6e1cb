"""The notice outbox: one mail per subscriber about their new works; a failing mail server marks
the notices failed with the error and a retry time, and never loses them."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from typing import Any

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from loket.works.models import Hindrance, WorkNotice
from loket.works.notices import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    notices_due,
    notices_queue_for_works,
    notices_retry,
    notices_send,
)
from loket.works.tasks import SEND_SCHEDULE, work_notices_periodic_job
from tests.works.helpers_public import GROENPLAATS, make_subscription, make_work, north_of

pytestmark = pytest.mark.django_db
BROKEN_EMAIL_BACKEND = "tests.works.test_notices_send.BrokenEmailBackend"


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPException("mail server unavailable")


class WatchingEmailBackend(BaseEmailBackend):
    """A mail server that notes the notices' states at the moment a message goes out."""

    seen: list[str] = []

    def send_messages(self, email_messages: Any) -> int:
        WatchingEmailBackend.seen.extend(WorkNotice.objects.values_list("status", flat=True))
        return len(email_messages)


def test_an_import_mails_each_subscriber_once_about_all_their_new_works(
    antwerp, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.LOKET_BASE_URL = "https://loket.example"
    subscriber = make_subscription(email="an@example.be", address="Groenplaats 1, 2000 Antwerpen")
    other = make_subscription(email="bob@example.be", at=north_of(GROENPLAATS, 900), radius_m=100)
    first = make_work(title="Riolering Groenplaats", at=GROENPLAATS)
    second = make_work(title="Kabels Nationalestraat", at=north_of(GROENPLAATS, 250))
    Hindrance.objects.create(
        work=second, severe=True, start_date=second.start_date, end_date=second.end_date, consequences={}
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_queue_for_works(work_ids=[first.pk, second.pk]) == 2
    [mail] = mailoutbox
    assert mail.to == ["an@example.be"]
    assert mail.subject == "2 nieuwe werken in uw buurt"
    assert "Riolering Groenplaats" in mail.body and "Kabels Nationalestraat" in mail.body
    assert "op ongeveer 240 m van uw adres" in mail.body and "Let op: ernstige hinder." in mail.body
    assert f"https://loket.example{reverse('works:detail', args=[first.pk])}" in mail.body
    assert f"https://loket.example{reverse('works:subscription-cancel', args=[subscriber.token])}" in mail.body
    assert "binnen 500 m van Groenplaats 1, 2000 Antwerpen" in mail.body
    assert set(WorkNotice.objects.values_list("status", "attempts")) == {(WorkNotice.Status.SENT, 1)}
    assert other.notices.count() == 0


def test_one_new_work_gets_its_title_in_the_subject(antwerp, mailoutbox, django_capture_on_commit_callbacks):
    make_subscription()
    work = make_work(title="Heraanleg Groenplaats")
    with django_capture_on_commit_callbacks(execute=True):
        notices_queue_for_works(work_ids=[work.pk])
    assert [mail.subject for mail in mailoutbox] == ["Nieuw werk in uw buurt: Heraanleg Groenplaats"]


def test_a_failing_mail_server_marks_the_notice_failed_with_a_retry_and_never_loses_it(
    antwerp, settings, mailoutbox, django_capture_on_commit_callbacks
):
    make_subscription()
    work = make_work()
    settings.EMAIL_BACKEND = BROKEN_EMAIL_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_queue_for_works(work_ids=[work.pk]) == 1  # the import itself is not undone
    notice = WorkNotice.objects.get()
    assert notice.status == WorkNotice.Status.FAILED and notice.attempts == 1
    assert "mail server unavailable" in notice.last_error
    assert notice.next_attempt_at > timezone.now() + RETRY_DELAYS[0] - timedelta(minutes=1)
    assert notices_send().mails == 0  # not due yet

    # Later the server is back: the periodic job sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    WorkNotice.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    work_notices_periodic_job.call_local()
    notice.refresh_from_db()
    assert notice.status == WorkNotice.Status.SENT and notice.attempts == 2 and notice.last_error == ""
    assert len(mailoutbox) == 1


def test_after_its_last_try_a_notice_stays_failed_for_staff_to_see(antwerp, settings):
    make_subscription()
    work = make_work()
    notices_queue_for_works(work_ids=[work.pk])
    settings.EMAIL_BACKEND = BROKEN_EMAIL_BACKEND
    for _ in range(MAX_ATTEMPTS):
        WorkNotice.objects.update(next_attempt_at=None)
        notices_send()
    notice = WorkNotice.objects.get()
    assert notice.status == WorkNotice.Status.FAILED and notice.attempts == MAX_ATTEMPTS
    assert notice.next_attempt_at is None and "SMTPException" in notice.last_error
    assert not notices_due().exists()


def test_a_notice_another_job_is_sending_is_not_sent_twice(antwerp, mailoutbox):
    make_subscription()
    work = make_work()
    notices_queue_for_works(work_ids=[work.pk])
    # Another job claimed it a moment ago (its lease runs).
    WorkNotice.objects.update(
        status=WorkNotice.Status.SENDING, attempts=1, next_attempt_at=timezone.now() + timedelta(minutes=10)
    )
    assert notices_send().mails == 0 and mailoutbox == []


def test_a_notice_being_sent_is_marked_so_while_the_mail_goes_out(antwerp, settings):
    make_subscription()
    notices_queue_for_works(work_ids=[make_work().pk])
    settings.EMAIL_BACKEND = "tests.works.test_notices_send.WatchingEmailBackend"
    WatchingEmailBackend.seen = []
    assert notices_send().mails == 1
    assert WatchingEmailBackend.seen == [WorkNotice.Status.SENDING]
    assert WorkNotice.objects.get().status == WorkNotice.Status.SENT


def test_a_notice_left_sending_by_a_job_that_died_is_sent_once_its_lease_runs_out(antwerp, mailoutbox):
    make_subscription()
    notices_queue_for_works(work_ids=[make_work().pk])
    WorkNotice.objects.update(
        status=WorkNotice.Status.SENDING, attempts=1, next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    assert notices_send().mails == 1 and len(mailoutbox) == 1
    notice = WorkNotice.objects.get()
    assert notice.status == WorkNotice.Status.SENT and notice.attempts == 2


def test_staff_re_queueing_cannot_make_a_notice_being_sent_go_twice(
    antwerp, mailoutbox, django_capture_on_commit_callbacks
):
    make_subscription()
    notices_queue_for_works(work_ids=[make_work().pk])
    # A job claimed it after its first try failed and is sending it now.
    WorkNotice.objects.update(
        status=WorkNotice.Status.SENDING, attempts=2, next_attempt_at=timezone.now() + timedelta(minutes=10)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_retry(notices=WorkNotice.objects.all()) == 0
    assert mailoutbox == []
    assert WorkNotice.objects.get().status == WorkNotice.Status.SENDING


def test_notices_of_a_cancelled_subscription_are_not_sent(antwerp, mailoutbox):
    subscription = make_subscription()
    work = make_work()
    notices_queue_for_works(work_ids=[work.pk])
    subscription.cancelled_at = timezone.now()
    subscription.save()
    assert notices_send().mails == 0 and mailoutbox == []


def test_the_periodic_job_runs_every_five_minutes():
    import datetime as dt

    assert SEND_SCHEDULE(dt.datetime(2026, 3, 10, 14, 15))
    assert not SEND_SCHEDULE(dt.datetime(2026, 3, 10, 14, 17))


def test_bad_input_nothing_due_sends_nothing(antwerp, mailoutbox):
    result = notices_send()
    assert (result.mails, result.notices_sent, result.notices_failed) == (0, 0, 0)
    assert mailoutbox == []
