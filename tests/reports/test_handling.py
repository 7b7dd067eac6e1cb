from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from loket.cases.services import case_transition
from loket.notifications.models import Notification
from loket.reports import links
from loket.reports.following import report_follow
from loket.reports.mail import MAX_ATTEMPTS, DeliveryFailed, report_mail_deliver
from loket.reports.models import Follower, Report, ReportMail
from loket.reports.services import report_feedback
from tests.reports.conftest import BROKEN_EMAIL_BACKEND

pytestmark = pytest.mark.django_db

BRUSSELS = dt.timezone(dt.timedelta(hours=1))
MONDAY = dt.datetime(2026, 11, 30, 10, 0, tzinfo=BRUSSELS)


@pytest.fixture
def anonymous_report(submit, mailoutbox):
    report = submit("weg.put", email="piet@example.be")
    mailoutbox.clear()
    return report


def close(report: Report, actor, callbacks, *, status: str = "done", text: str = "Hersteld.") -> Report:
    with callbacks(execute=True):
        case_transition(case=report.case, to_status=status, actor=actor, text=text, public=True)
    report.refresh_from_db()
    return report


def test_the_anonymous_reporter_gets_a_welcome_mail_with_the_follow_link(
    submit, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = submit("weg.put", email="piet@example.be")
    assert [m.to for m in mailoutbox] == [["piet@example.be"]]
    assert report.case.reference in mailoutbox[0].subject
    assert links.absolute(links.public_path(report)) in mailoutbox[0].body


def test_followers_hear_of_a_public_status_with_the_citys_message(
    anonymous_report, backoffice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(
            case=anonymous_report.case,
            to_status="planned",
            actor=backoffice,
            text="Herstel op 3 december.",
            public=True,
        )
    assert [m.to for m in mail.outbox] == [["piet@example.be"]]
    assert "ingepland" in mail.outbox[0].subject
    assert "Herstel op 3 december." in mail.outbox[0].body
    assert ReportMail.objects.get(subject__contains="ingepland").status == ReportMail.Status.SENT


def test_an_internal_step_mails_nobody(anonymous_report, backoffice, django_capture_on_commit_callbacks):
    from loket.cases.services import case_add_note

    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=anonymous_report.case, to_status="in_progress", actor=backoffice)
        case_add_note(case=anonymous_report.case, text="Intern: ploeg B", actor=backoffice)
    assert mail.outbox == []


def test_the_citizen_with_an_account_is_notified_through_the_notifications_app(
    submit, citizen, backoffice, django_capture_on_commit_callbacks
):
    report = submit("weg.put", actor=citizen)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=report.case, to_status="planned", actor=backoffice)
    notification = Notification.objects.get(case=report.case)
    assert notification.recipient == citizen and "ingepland" in notification.subject
    assert not ReportMail.objects.exists()


def test_a_failing_mail_server_never_loses_the_report_or_the_status(
    submit, backoffice, django_capture_on_commit_callbacks
):
    with override_settings(EMAIL_BACKEND=BROKEN_EMAIL_BACKEND):
        with django_capture_on_commit_callbacks(execute=True):
            report = submit("weg.put", email="piet@example.be")
        with django_capture_on_commit_callbacks(execute=True):
            case_transition(case=report.case, to_status="planned", actor=backoffice)
        report.refresh_from_db()
        assert report.case.status == "planned"
        mails = list(ReportMail.objects.order_by("id"))
        assert [(m.status, m.attempts) for m in mails] == [("queued", 1), ("queued", 1)]  # retries scheduled
        assert "SMTPException: mail server unavailable" in mails[1].last_error
        for _attempt in range(2, MAX_ATTEMPTS):
            with pytest.raises(DeliveryFailed):
                report_mail_deliver(mail_id=mails[1].pk)
        assert report_mail_deliver(mail_id=mails[1].pk) is False
    mails[1].refresh_from_db()
    assert (mails[1].status, mails[1].attempts) == ("failed", MAX_ATTEMPTS)
    assert Report.objects.filter(pk=report.pk).exists()


def test_done_opens_a_14_day_window_and_asks_whether_it_is_fixed(
    anonymous_report, backoffice, django_capture_on_commit_callbacks
):
    report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    assert report.closed_at is not None
    assert report.reopen_until == report.closed_at + dt.timedelta(days=14)
    body = mail.outbox[0].body
    assert "Is het probleem opgelost?" in body
    assert links.absolute(links.feedback_path(report, "nee")) in body


def test_the_citizen_with_an_account_gets_the_question_too(
    submit, citizen, backoffice, django_capture_on_commit_callbacks
):
    report = submit("weg.put", actor=citizen)
    close(report, backoffice, django_capture_on_commit_callbacks)
    keys = set(Notification.objects.filter(case=report.case).values_list("template_key", flat=True))
    assert "report_fixed_question" in keys
    question = Notification.objects.get(case=report.case, template_key="report_fixed_question")
    assert links.feedback_path(report, "ja") in question.body


def test_not_fixed_within_14_days_reopens_the_report(anonymous_report, backoffice, django_capture_on_commit_callbacks):
    with time_machine.travel(MONDAY, tick=False):
        report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    later = time_machine.travel(MONDAY + dt.timedelta(days=13, hours=23), tick=False)
    with later, django_capture_on_commit_callbacks(execute=True):
        report_feedback(report=report, fixed=False)
    report.refresh_from_db()
    assert report.case.status == "in_progress"
    assert report.closed_at is None and report.reopen_until is None
    assert report.feedback == "not_fixed"
    assert report.case.deadline > dt.date(2026, 12, 14)
    assert report.case.events.filter(kind="status", to_status="in_progress", public=True).exists()


def test_after_14_days_the_report_cannot_be_reopened(anonymous_report, backoffice, django_capture_on_commit_callbacks):
    with time_machine.travel(MONDAY, tick=False):
        report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    with (
        time_machine.travel(MONDAY + dt.timedelta(days=14, minutes=1), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        report_feedback(report=report, fixed=False)
    assert refused.value.code == "too_late"
    report.refresh_from_db()
    assert report.case.status == "done"


def test_fixed_keeps_the_report_closed_and_says_so_publicly(
    anonymous_report, backoffice, django_capture_on_commit_callbacks
):
    report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    report_feedback(report=report, fixed=True)
    report.refresh_from_db()
    assert report.case.status == "done" and report.feedback == "fixed"
    assert report.case.events.filter(kind="note", public=True, text__contains="opgelost").exists()


def test_only_a_report_that_was_done_can_be_answered(anonymous_report, backoffice, django_capture_on_commit_callbacks):
    report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks, status="rejected")
    with pytest.raises(ValidationError) as refused:
        report_feedback(report=report, fixed=False)
    assert refused.value.code == "not_done"


def test_the_feedback_page_asks_on_get_and_reopens_on_post(
    client, anonymous_report, backoffice, django_capture_on_commit_callbacks
):
    report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    url = links.feedback_path(report)
    page = client.get(url + "?antwoord=nee")
    assert page.status_code == 200 and "Nee, het is niet opgelost" in page.content.decode()
    report.refresh_from_db()
    assert report.case.status == "done"  # a GET (a mail scanner) changes nothing
    response = client.post(url, {"answer": "nee"}, follow=True)
    assert "heropend" in response.content.decode()
    report.refresh_from_db()
    assert report.case.status == "in_progress"


def test_the_feedback_page_needs_the_signature(
    client, anonymous_report, backoffice, django_capture_on_commit_callbacks
):
    report = close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    url = reverse("reports:feedback", kwargs={"token": report.public_token, "signature": "vervalst"})
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "nee"}).status_code == 404
    report.refresh_from_db()
    assert report.case.status == "done"


def test_a_follower_can_stop_the_mails_with_the_link(client, anonymous_report):
    url = links.unfollow_path(anonymous_report, "piet@example.be")
    assert client.get(url).status_code == 200
    assert Follower.objects.filter(report=anonymous_report).exists()
    client.post(url)
    assert not Follower.objects.filter(report=anonymous_report).exists()
    assert client.get(url[:-3] + "xx/").status_code == 404


def test_following_a_closed_report_is_refused(anonymous_report, backoffice, django_capture_on_commit_callbacks):
    close(anonymous_report, backoffice, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        report_follow(report=anonymous_report, email="jan@example.be")
    with pytest.raises(ValidationError):
        report_follow(report=anonymous_report, email="geen-adres")
