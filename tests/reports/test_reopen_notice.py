"""Reopening a report (the reporter answers "niet opgelost" within 14 days, or a handler takes a
done report up again) is news for whoever follows it, like every other public update."""

from __future__ import annotations

import pytest
from django.core import mail

from loket.cases.services import case_transition
from loket.notifications.models import Notification
from loket.reports.following import report_follow, report_follow_confirm
from loket.reports.models import Follower
from loket.reports.services import report_feedback

pytestmark = pytest.mark.django_db

NEIGHBOUR = "buur@example.be"


def done(report, actor, callbacks) -> None:
    with callbacks(execute=True):
        case_transition(case=report.case, to_status="done", actor=actor, text="Hersteld.", public=True)
    report.refresh_from_db()


@pytest.fixture
def followed(submit, mailoutbox):
    report = submit("weg.put", email="piet@example.be")
    report_follow(report=report, email=NEIGHBOUR)
    report_follow_confirm(report=report, email=NEIGHBOUR)
    mailoutbox.clear()
    return report


def test_followers_hear_that_the_report_was_reopened(followed, backoffice, django_capture_on_commit_callbacks):
    done(followed, backoffice, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_feedback(report=followed, fixed=False)
    assert sorted(m.to[0] for m in mail.outbox) == [NEIGHBOUR, "piet@example.be"]
    message = next(m for m in mail.outbox if m.to == [NEIGHBOUR])
    assert followed.case.reference in message.subject and "heropend" in message.subject
    assert "niet opgelost" in message.body  # the city's public text of the reopening
    assert "/niet-meer-volgen/" in message.body


def test_an_unconfirmed_address_hears_nothing_of_a_reopening(followed, backoffice, django_capture_on_commit_callbacks):
    report_follow(report=followed, email="onbevestigd@example.be")
    done(followed, backoffice, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_feedback(report=followed, fixed=False)
    assert "onbevestigd@example.be" not in [m.to[0] for m in mail.outbox]
    assert Follower.objects.filter(email="onbevestigd@example.be", confirmed_at__isnull=True).exists()


def test_the_reporter_with_an_account_hears_when_a_handler_reopens_it(
    submit, citizen, backoffice, django_capture_on_commit_callbacks
):
    report = submit("weg.put", actor=citizen)
    done(report, backoffice, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(
            case=report.case, to_status="in_progress", actor=backoffice, text="Toch nog niet klaar.", public=True
        )
    reopened = Notification.objects.filter(case=report.case, template_key="case_status_changed").get()
    assert reopened.recipient == citizen
    assert "in behandeling" in reopened.subject and "Toch nog niet klaar." in reopened.body


def test_the_reporter_who_reopens_is_not_told_of_their_own_change_but_followers_are(
    submit, citizen, backoffice, django_capture_on_commit_callbacks
):
    report = submit("weg.put", actor=citizen)
    report_follow(report=report, email=NEIGHBOUR)
    report_follow_confirm(report=report, email=NEIGHBOUR)
    done(report, backoffice, django_capture_on_commit_callbacks)
    before = Notification.objects.filter(case=report.case).count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_feedback(report=report, fixed=False, actor=citizen)
    assert Notification.objects.filter(case=report.case).count() == before
    assert [m.to for m in mail.outbox] == [[NEIGHBOUR]]


def test_a_fixed_answer_reopens_nothing_and_mails_nobody(followed, backoffice, django_capture_on_commit_callbacks):
    done(followed, backoffice, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_feedback(report=followed, fixed=True)
    assert mail.outbox == []
