"""When a report is done, everyone who follows it gets ONE message that it is done; the reporter's
also asks "is het opgelost?" with the links to answer (not a status mail and a question besides)."""

from __future__ import annotations

import pytest

from loket.cases.messages import case_citizen_view
from loket.cases.services import case_transition
from loket.notifications.models import Notification
from loket.reports import links
from loket.reports.following import report_follow, report_follow_confirm
from loket.reports.services import report_merge

pytestmark = pytest.mark.django_db


def done(report, actor, callbacks, *, public: bool = True) -> None:
    with callbacks(execute=True):
        case_transition(case=report.case, to_status="done", actor=actor, text="De put is gevuld.", public=public)
    report.refresh_from_db()


def test_the_reporter_with_an_account_gets_one_message_that_says_done_and_asks_whether_it_is_fixed(
    submit, citizen, backoffice, django_capture_on_commit_callbacks, mailoutbox
):
    report = submit("weg.put", actor=citizen)
    done(report, backoffice, django_capture_on_commit_callbacks)
    notifications = list(Notification.objects.filter(case=report.case))
    assert [n.template_key for n in notifications] == ["report_fixed_question"]
    assert [m.to for m in mailoutbox] == [[citizen.email]]
    body = mailoutbox[0].body
    assert "opgelost" in body and "De put is gevuld." in body
    assert links.absolute(links.feedback_path(report, "ja")) in body
    assert links.absolute(links.feedback_path(report, "nee")) in body


def test_each_follower_by_email_gets_one_mail_and_only_the_reporter_gets_the_answer_links(
    submit, backoffice, django_capture_on_commit_callbacks, mailoutbox
):
    report = submit("weg.put", email="piet@example.be")
    report_follow(report=report, email="buur@example.be")
    report_follow_confirm(report=report, email="buur@example.be")
    mailoutbox.clear()
    done(report, backoffice, django_capture_on_commit_callbacks)
    mails = {m.to[0]: m.body for m in mailoutbox}
    assert sorted(mails) == ["buur@example.be", "piet@example.be"]
    assert all("opgelost" in body and "De put is gevuld." in body for body in mails.values())
    reopen_link = links.absolute(links.feedback_path(report, "nee"))
    assert "Is het probleem opgelost?" in mails["piet@example.be"] and reopen_link in mails["piet@example.be"]
    assert "Is het probleem opgelost?" not in mails["buur@example.be"]  # a neighbour cannot reopen it
    assert links.feedback_signature(report) not in mails["buur@example.be"]
    assert not Notification.objects.filter(case=report.case).exists()


def test_the_citizen_still_reads_done_in_their_case_history(
    submit, citizen, backoffice, django_capture_on_commit_callbacks
):
    report = submit("weg.put", actor=citizen)
    done(report, backoffice, django_capture_on_commit_callbacks)
    view = case_citizen_view(case=report.case)
    assert view.closed and view.status_label == "opgelost"
    assert any("opgelost" in event.label and "De put is gevuld." in event.text for event in view.events)


def test_a_done_change_that_staff_did_not_make_public_still_shows_in_the_citizens_history(
    submit, citizen, backoffice, django_capture_on_commit_callbacks
):
    report = submit("weg.put", actor=citizen)
    done(report, backoffice, django_capture_on_commit_callbacks, public=False)
    view = case_citizen_view(case=report.case)
    assert any("opgelost" in event.label for event in view.events)
    assert [n.template_key for n in Notification.objects.filter(case=report.case)] == ["report_fixed_question"]


def test_the_reporter_of_a_merged_duplicate_also_gets_the_answer_links(
    submit, backoffice, django_capture_on_commit_callbacks, mailoutbox
):
    report = submit("weg.put", email="piet@example.be")
    duplicate = submit("weg.put", email="an@example.be")
    report_merge(duplicate=duplicate, into=report, actor=backoffice)
    mailoutbox.clear()
    done(report, backoffice, django_capture_on_commit_callbacks)
    mails = {m.to[0]: m.body for m in mailoutbox}
    assert links.absolute(links.feedback_path(report, "nee")) in mails["an@example.be"]
