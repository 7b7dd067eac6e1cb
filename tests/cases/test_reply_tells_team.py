"""A citizen's reply tells the team that handles the case (and its assignee) by e-mail, after commit."""

from __future__ import annotations

import logging
from smtplib import SMTPException
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import resolve, reverse
from huey.contrib.djhuey import HUEY
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.cases.backoffice import case_request_information
from loket.cases.messages import case_citizen_reply, reply_mail_team
from loket.cases.models import Case, CaseEvent
from loket.cases.services import case_assign, case_create, case_transition
from loket.cases.tasks import citizen_reply_mail_job
from loket.organisation.models import District, Team
from tests.cases.conftest import PDF

SUBJECT = "Nieuw antwoord van de burger op zaak {}"
REPLY = "\n".join(f"Regel {n} van mijn antwoord." for n in range(1, 9))
FAILING = mock.patch("loket.cases.team_mail.EmailMessage.send", side_effect=SMTPException("mail server down"))


@pytest.fixture
def waiting_case(antwerp, agent, citizen, hall_rental) -> Case:
    """A case of Deurne's green team that waits for the citizen's answer."""
    case = case_create(
        kind="request",
        title="Zaal huren",
        channel="online",
        actor=citizen,
        citizen=citizen,
        service=hall_rental,
        district=District.objects.get(slug="deurne"),
    )
    case_transition(case=case, to_status="in_progress", actor=agent)
    return case_request_information(case=case, message="Stuur het huurcontract.", actor=agent)


@pytest.fixture
def handler(make_user, waiting_case):
    return make_user(Role.BACKOFFICE, username="hilde", email="hilde.claes@antwerpen.be", team=waiting_case.team)


@pytest.fixture
def _no_retries_left_behind():
    HUEY.storage.flush_schedule()
    yield
    HUEY.storage.flush_schedule()


def _reply(case, citizen, upload=None, text=REPLY):
    uploads = [upload("huurcontract.pdf", PDF), upload("loonfiche.pdf", PDF)] if upload else []
    return case_citizen_reply(case=case, citizen=citizen, text=text, uploads=uploads)


def test_the_team_and_the_assignee_get_the_first_lines_and_the_document_names_after_commit(
    waiting_case, citizen, agent, handler, upload, django_capture_on_commit_callbacks
):
    case_assign(case=waiting_case, actor=agent, assignee=handler)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(waiting_case, citizen, upload)
        assert mail.outbox == []  # nothing before the commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert waiting_case.team.email
    assert message.to == [waiting_case.team.email, "hilde.claes@antwerpen.be"]
    assert message.subject == SUBJECT.format(waiting_case.reference)
    assert "> Regel 1 van mijn antwoord.\n" in message.body and "> Regel 5 van mijn antwoord." in message.body
    assert "Regel 6" not in message.body and "> […]" in message.body
    assert "2 documenten: huurcontract.pdf, loonfiche.pdf" in message.body
    assert message.attachments == []  # the names, never the documents themselves
    assert "%PDF" not in message.body


def test_the_link_leads_to_the_case_page(waiting_case, citizen, make_user, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _reply(waiting_case, citizen, text="Het contract volgt.")
    link = settings.LOKET_BASE_URL + reverse("cases:case-detail", args=[waiting_case.reference])
    assert f"Openen (na aanmelden): {link}\n" in mail.outbox[0].body
    path = urlsplit(link).path
    assert resolve(path).url_name == "case-detail"
    client.force_login(make_user(Role.BACKOFFICE))
    page = client.get(path)
    assert page.status_code == 200
    assert "Het contract volgt." in page.content.decode()


def test_a_reply_that_is_rolled_back_sends_nothing(waiting_case, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        _reply(waiting_case, citizen)
        raise RuntimeError("undone")
    assert not waiting_case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()
    assert mail.outbox == []


@pytest.mark.usefixtures("_no_retries_left_behind")
def test_a_failing_mail_server_keeps_the_reply_and_the_mail_is_retried(
    waiting_case, citizen, upload, django_capture_on_commit_callbacks
):
    with FAILING as send, django_capture_on_commit_callbacks(execute=True):
        event = _reply(waiting_case, citizen, upload)
    assert send.called  # the job did try
    waiting_case.refresh_from_db()
    assert waiting_case.status == "in_progress"  # the reply stands: the case resumed
    assert CaseEvent.objects.filter(pk=event.pk, kind=CaseEvent.Kind.MESSAGE).exists()
    assert waiting_case.attachments.count() == 2
    retries = [job for job in HUEY.scheduled() if job.name == "citizen_reply_mail_job" and job.args == (event.pk,)]
    assert len(retries) == 1 and retries[0].retries == citizen_reply_mail_job.s(event.pk).retries - 1
    assert mail.outbox == []


@pytest.mark.usefixtures("_no_retries_left_behind")
def test_the_last_failed_try_is_logged_as_an_error_naming_the_case(waiting_case, citizen, caplog):
    with mock.patch("loket.cases.messages.transaction.on_commit"):  # the reply only; the job runs below
        event = _reply(waiting_case, citizen)
    last = citizen_reply_mail_job.s(event.pk)
    last.retries = 0
    with FAILING, caplog.at_level(logging.WARNING, logger="loket.cases.team_mail"):
        HUEY.execute(last)
    errors = [r for r in caplog.records if r.name == "loket.cases.team_mail" and r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert waiting_case.reference in errors[0].getMessage() and "no more retries" in errors[0].getMessage()
    assert HUEY.scheduled() == []


def test_nothing_is_sent_when_neither_the_team_nor_an_assignee_has_an_address(
    waiting_case, citizen, caplog, django_capture_on_commit_callbacks
):
    Team.objects.filter(pk=waiting_case.team_id).update(email="")
    with (
        caplog.at_level(logging.WARNING, logger="loket.cases.team_mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _reply(waiting_case, citizen)
    assert mail.outbox == []
    assert any(
        waiting_case.reference in record.getMessage() and "e-mail address" in record.getMessage()
        for record in caplog.records
    )


def test_only_the_assignee_is_mailed_when_the_team_has_no_address(
    waiting_case, citizen, agent, handler, django_capture_on_commit_callbacks
):
    Team.objects.filter(pk=waiting_case.team_id).update(email="")
    case_assign(case=waiting_case, actor=agent, assignee=handler)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(waiting_case, citizen)
    assert [message.to for message in mail.outbox] == [["hilde.claes@antwerpen.be"]]


def test_a_reply_through_the_api_tells_the_team(waiting_case, citizen, upload, django_capture_on_commit_callbacks):
    api = APIClient()
    api.force_authenticate(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            f"/api/v1/me/cases/{waiting_case.reference}/messages/",
            {"text": "Hierbij het contract.", "files": [upload("contract.pdf", PDF)]},
            format="multipart",
        )
    assert response.status_code == 201
    assert [message.to for message in mail.outbox] == [[waiting_case.team.email]]
    assert mail.outbox[0].subject == SUBJECT.format(waiting_case.reference)
    assert "> Hierbij het contract." in mail.outbox[0].body and "1 document: contract.pdf" in mail.outbox[0].body


def test_the_job_ignores_an_event_that_is_not_a_citizens_message(waiting_case):
    status_event = waiting_case.events.filter(kind=CaseEvent.Kind.STATUS).last()
    assert reply_mail_team(event_id=status_event.pk) is False
    assert reply_mail_team(event_id=10**9) is False
    assert mail.outbox == []
