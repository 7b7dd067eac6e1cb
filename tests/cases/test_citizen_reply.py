"""The citizen's reply on their case (``cases.messages``): a public message, documents, the clock resumes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases.backoffice import case_request_information
from loket.cases.messages import (
    case_citizen_reply,
    case_citizen_view,
    case_status_before_pause,
    cases_with_new_reply,
    message_documents,
)
from loket.cases.models import Attachment, Case, CaseEvent
from loket.cases.services import case_add_note, case_create, case_transition
from loket.notifications.models import Notification
from loket.organisation.models import District
from tests.cases.conftest import EXE, PDF, PNG


@pytest.fixture
def request_case(antwerp, agent, citizen):
    def make(kind: str = "request") -> Case:
        return case_create(
            kind=kind,
            title="Bewonerskaart",
            channel="online",
            actor=citizen,
            citizen=citizen,
            district=District.objects.get(slug="deurne"),
        )

    return make


@pytest.fixture
def waiting_case(request_case, agent):
    case = request_case()
    case_transition(case=case, to_status="in_progress", actor=agent)
    case_request_information(case=case, message="Stuur je huurcontract.", actor=agent)
    return case


def test_a_reply_to_a_waiting_case_resumes_the_clock_and_moves_the_deadline_by_the_days_waited(
    request_case, agent, citizen
):
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):  # Monday
        case = request_case()
        assert case.deadline == dt.date(2026, 3, 30)
        case_transition(case=case, to_status="in_progress", actor=agent)
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):  # Wednesday
        case_request_information(case=case, message="Stuur je huurcontract.", actor=agent)
    with time_machine.travel("2026-03-09 10:00 +01:00", tick=False):  # Monday: Thu, Fri and Mon waited
        event = case_citizen_reply(case=case, citizen=citizen, text="Hierbij mijn huurcontract.")
    case.refresh_from_db()
    assert case.status == "in_progress"
    assert case.paused_since is None
    assert case.deadline == dt.date(2026, 4, 2)
    assert (event.kind, event.public, event.actor, event.text) == (
        CaseEvent.Kind.MESSAGE,
        True,
        citizen,
        "Hierbij mijn huurcontract.",
    )
    resumed = case.events.filter(kind=CaseEvent.Kind.STATUS).last()
    assert (resumed.from_status, resumed.to_status, resumed.actor) == ("waiting_for_citizen", "in_progress", citizen)


def test_a_question_goes_back_to_the_status_it_left_to_wait(request_case, agent, citizen):
    case = request_case(kind="question")
    case_transition(case=case, to_status="assigned", actor=agent)
    case_request_information(case=case, message="Welk adres?", actor=agent)
    case_citizen_reply(case=case, citizen=citizen, text="Kerkstraat 1")
    case.refresh_from_db()
    assert case.status == "assigned"


def test_without_history_the_first_open_status_the_workflow_allows_is_taken(request_case):
    case = request_case()
    Case.objects.filter(pk=case.pk).update(status="waiting_for_citizen")
    case.refresh_from_db()
    assert case_status_before_pause(case=case) == "in_progress"


def test_a_reply_to_a_case_that_does_not_wait_keeps_its_status_and_deadline(request_case, citizen):
    case = request_case()
    deadline = case.deadline
    case_citizen_reply(case=case, citizen=citizen, text="Ik ben verhuisd, mijn nieuwe adres is ...")
    case.refresh_from_db()
    assert (case.status, case.deadline) == ("received", deadline)
    assert case.events.filter(kind=CaseEvent.Kind.MESSAGE).count() == 1


def test_another_citizen_may_not_reply(waiting_case, make_user):
    other = make_user(Role.CITIZEN)
    with pytest.raises(PermissionDenied):
        case_citizen_reply(case=waiting_case, citizen=other, text="Ik ook")
    assert not waiting_case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()


def test_staff_may_not_reply_as_the_citizen(waiting_case, agent):
    with pytest.raises(PermissionDenied):
        case_citizen_reply(case=waiting_case, citizen=agent, text="Namens de burger")


def test_a_reply_to_a_closed_case_is_refused(request_case, agent, citizen):
    case = request_case()
    case_transition(case=case, to_status="rejected", actor=agent)
    with pytest.raises(ValidationError) as refused:
        case_citizen_reply(case=case, citizen=citizen, text="Waarom?")
    assert refused.value.code == "closed"
    assert not case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()


def test_an_empty_reply_is_refused(waiting_case, citizen):
    with pytest.raises(ValidationError) as refused:
        case_citizen_reply(case=waiting_case, citizen=citizen, text="   ")
    assert "text" in refused.value.message_dict
    waiting_case.refresh_from_db()
    assert waiting_case.status == "waiting_for_citizen"


def test_documents_alone_are_a_reply(waiting_case, citizen, upload):
    event = case_citizen_reply(case=waiting_case, citizen=citizen, text="", uploads=[upload("contract.pdf", PDF)])
    waiting_case.refresh_from_db()
    assert waiting_case.status == "in_progress"
    assert [a.original_name for a in message_documents(event=event)] == ["contract.pdf"]
    assert waiting_case.attachments.get().uploaded_by == citizen


def test_a_refused_file_is_named_and_nothing_of_the_reply_is_kept(waiting_case, citizen, upload, settings):
    files = [upload("contract.pdf", PDF), upload("virus.pdf", EXE)]
    with pytest.raises(ValidationError) as refused:
        case_citizen_reply(case=waiting_case, citizen=citizen, text="Hier", uploads=files)
    errors = refused.value.error_dict["uploads"]
    assert [e.code for e in errors] == ["unsupported_media_type"]
    assert errors[0].messages[0].startswith("virus.pdf: ")
    assert not Attachment.objects.exists()
    assert not waiting_case.events.filter(kind=CaseEvent.Kind.MESSAGE).exists()
    media = Path(settings.MEDIA_ROOT)
    assert not [path for path in media.rglob("*") if path.is_file()]
    waiting_case.refresh_from_db()
    assert waiting_case.status == "waiting_for_citizen"


def test_a_file_over_the_limit_is_refused_as_too_large(waiting_case, citizen, upload, settings):
    settings.ATTACHMENT_MAX_BYTES = 50
    with pytest.raises(ValidationError) as refused:
        case_citizen_reply(case=waiting_case, citizen=citizen, text="Hier", uploads=[upload("foto.png", PNG)])
    assert refused.value.error_dict["uploads"][0].code == "too_large"


def test_too_many_files_are_refused(waiting_case, citizen, upload):
    files = [upload(f"blad-{n}.pdf", PDF) for n in range(6)]
    with pytest.raises(ValidationError) as refused:
        case_citizen_reply(case=waiting_case, citizen=citizen, text="Hier", uploads=files)
    assert "uploads" in refused.value.message_dict


def test_the_reply_is_audited_and_the_citizen_is_not_notified_of_their_own_answer(
    request_case, agent, citizen, django_capture_on_commit_callbacks
):
    case = request_case()
    case_transition(case=case, to_status="in_progress", actor=agent)
    with django_capture_on_commit_callbacks(execute=True):
        case_request_information(case=case, message="Stuur je huurcontract.", actor=agent)
    asked = Notification.objects.filter(recipient=citizen).count()
    assert asked == 1  # the city's question did reach the citizen
    with django_capture_on_commit_callbacks(execute=True):
        case_citizen_reply(case=case, citizen=citizen, text="Hier is het.")
    assert Notification.objects.filter(recipient=citizen).count() == asked
    entries = AuditEntry.objects.filter(actor=citizen, object_type="cases.case", object_id=str(case.pk))
    assert ["messages"] in [entry.fields for entry in entries]


def test_a_new_reply_shows_until_someone_else_acts_on_the_case(waiting_case, request_case, citizen, agent):
    quiet = request_case()
    case_citizen_reply(case=waiting_case, citizen=citizen, text="Hier is het.")
    assert cases_with_new_reply(case_ids=[waiting_case.pk, quiet.pk]) == {waiting_case.pk}
    case_add_note(case=waiting_case, text="Gelezen", actor=agent)
    assert cases_with_new_reply(case_ids=[waiting_case.pk]) == set()


def test_the_citizen_view_hides_internal_notes_staff_documents_and_internal_steps(waiting_case, citizen, agent, upload):
    from loket.cases.attachments import case_add_attachment

    case_add_note(case=waiting_case, text="Intern: twijfel over het adres", actor=agent)
    case_add_note(case=waiting_case, text="We kijken het na.", actor=agent, public=True)
    case_add_attachment(case=waiting_case, upload=upload("intern-advies.pdf", PDF), actor=agent)
    case_citizen_reply(case=waiting_case, citizen=citizen, text="Alstublieft", uploads=[upload("mijn.pdf", PDF)])
    view = case_citizen_view(case=waiting_case)
    texts = [e.text for e in view.events]
    assert "Intern: twijfel over het adres" not in texts
    assert "We kijken het na." in texts
    assert "Stuur je huurcontract." in texts  # the question, public
    assert [a.original_name for a in view.attachments] == ["mijn.pdf"]
    assert all(e.attachment is None or e.attachment.original_name == "mijn.pdf" for e in view.events)
    assert not view.waiting


def test_staff_see_the_message_on_the_case_page_and_in_the_work_queue(waiting_case, citizen, agent):
    case_citizen_reply(case=waiting_case, citizen=citizen, text="Mijn huurcontract volgt per post.")
    client = Client()
    client.force_login(agent)
    page = client.get(f"/zaken/{waiting_case.reference}/").content.decode()
    assert "Berichten van de burger" in page
    assert "Mijn huurcontract volgt per post." in page
    assert "antwoord ontvangen" in page
    queue = client.get("/werkbak/?team=").content.decode()
    assert waiting_case.reference in queue
    assert "antwoord ontvangen" in queue
