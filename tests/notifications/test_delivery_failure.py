from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from loket.accounts.models import Role
from loket.cases.services import case_transition
from loket.notifications.delivery import MAX_ATTEMPTS, DeliveryFailed, notification_deliver
from loket.notifications.models import Notification
from tests.notifications.conftest import BROKEN_EMAIL_BACKEND


def test_a_failing_mail_server_never_rolls_back_the_status_change(
    make_case, citizen, agent, django_capture_on_commit_callbacks
):
    case = make_case(citizen=citizen)
    with override_settings(EMAIL_BACKEND=BROKEN_EMAIL_BACKEND), django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="in_progress", actor=agent)
    case.refresh_from_db()
    assert case.status == "in_progress"
    notification = Notification.objects.get(case=case)
    assert (notification.status, notification.attempts) == (Notification.Status.QUEUED, 1)  # a retry is scheduled
    assert "SMTPException: mail server unavailable" in notification.last_error


def test_each_retry_is_counted_and_the_last_one_marks_the_notification_failed(
    make_case, citizen, agent, django_capture_on_commit_callbacks
):
    case = make_case(citizen=citizen)
    with override_settings(EMAIL_BACKEND=BROKEN_EMAIL_BACKEND):
        with django_capture_on_commit_callbacks(execute=True):
            case_transition(case=case, to_status="in_progress", actor=agent)
        notification = Notification.objects.get(case=case)
        for attempt in range(2, MAX_ATTEMPTS):  # the retries Huey schedules with a growing delay
            with pytest.raises(DeliveryFailed):
                notification_deliver(notification_id=notification.pk)
            notification.refresh_from_db()
            assert (notification.status, notification.attempts) == ("queued", attempt)
        assert notification_deliver(notification_id=notification.pk) is False
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Notification.Status.FAILED, MAX_ATTEMPTS)
    assert notification.last_error
    assert mail.outbox == []


def test_the_job_is_retried_with_a_growing_delay():
    from loket.notifications.tasks import notification_deliver_job

    task = notification_deliver_job.s(1)
    assert task.retries == MAX_ATTEMPTS - 1
    assert task.retry_delay > 0 and task.retry_backoff > 1


@pytest.fixture
def failed_notification(make_case, citizen, agent, django_capture_on_commit_callbacks):
    case = make_case(citizen=citizen, district="deurne")
    with override_settings(EMAIL_BACKEND=BROKEN_EMAIL_BACKEND):
        with django_capture_on_commit_callbacks(execute=True):
            case_transition(case=case, to_status="in_progress", actor=agent)
        notification = Notification.objects.get(case=case)
        Notification.objects.filter(pk=notification.pk).update(attempts=MAX_ATTEMPTS - 1)
        notification_deliver(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    return notification


def test_the_retry_button_sends_again_once_the_mail_server_is_back(
    client, make_user, failed_notification, django_capture_on_commit_callbacks
):
    client.force_login(make_user(Role.BACKOFFICE))
    page = client.get(reverse("notifications:failed"))
    assert page.status_code == 200
    assert failed_notification.case.reference in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("notifications:retry", args=[failed_notification.pk]))
    assert response.status_code == 302
    failed_notification.refresh_from_db()
    assert (failed_notification.status, failed_notification.attempts) == (Notification.Status.SENT, 1)
    assert len(mail.outbox) == 1
    assert failed_notification.case.reference in mail.outbox[0].subject


def test_a_notification_that_was_sent_cannot_be_retried(client, make_user, failed_notification):
    Notification.objects.filter(pk=failed_notification.pk).update(status=Notification.Status.SENT)
    client.force_login(make_user(Role.BACKOFFICE))
    response = client.post(reverse("notifications:retry", args=[failed_notification.pk]), follow=True)
    assert "niet (meer)" in response.content.decode()
    assert mail.outbox == []


def test_the_retry_button_needs_a_post(client, make_user, failed_notification):
    client.force_login(make_user(Role.BACKOFFICE))
    assert client.get(reverse("notifications:retry", args=[failed_notification.pk])).status_code == 405
