"""The case page: history, status changes, notes, information requests, decisions, attachments."""

from __future__ import annotations

import datetime as dt

import time_machine

from loket.audit.models import AuditEntry
from loket.cases.models import Case, CaseEvent
from loket.cases.services import case_add_attachment, case_transition
from tests.cases.conftest import PNG


def _url(case, action: str = "") -> str:
    return f"/zaken/{case.reference}/{action + '/' if action else ''}"


def test_the_page_shows_history_and_only_allowed_next_statuses(open_case, agent, login):
    case = open_case()
    response = login(agent).get(_url(case))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Geschiedenis" in body and case.title in body
    assert [value for value, _label in response.context["transition_form"].fields["status"].widget.choices] == [
        "in_progress",
        "rejected",
        "withdrawn",
    ]


def test_an_illegal_transition_is_shown_as_a_message(open_case, agent, login):
    case = open_case()
    response = login(agent).post(_url(case, "status"), {"status": "closed"}, follow=True)
    assert "kan niet naar" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "received"


def test_a_legal_transition_changes_the_status(open_case, agent, login):
    case = open_case()
    login(agent).post(_url(case, "status"), {"status": "in_progress", "text": "We starten", "public": "on"})
    case.refresh_from_db()
    assert case.status == "in_progress"
    assert case.events.get(kind="status").public


def test_notes_are_internal_or_public(open_case, agent, login):
    case = open_case()
    client = login(agent)
    client.post(_url(case, "notitie"), {"text": "Intern"})
    client.post(_url(case, "notitie"), {"text": "Voor de burger", "public": "on"})
    notes = {e.text: e.public for e in case.events.filter(kind=CaseEvent.Kind.NOTE)}
    assert notes == {"Intern": False, "Voor de burger": True}


def test_an_empty_note_is_refused(open_case, agent, login):
    case = open_case()
    response = login(agent).post(_url(case, "notitie"), {"text": "  "}, follow=True)
    assert "mag niet leeg zijn" in response.content.decode()


def test_claim_on_the_case_page(open_case, backoffice_user, login):
    case = open_case()
    login(backoffice_user).post(_url(case, "toewijzen"), {"action": "claim"})
    case.refresh_from_db()
    assert case.assignee == backoffice_user


def test_asking_for_information_pauses_the_deadline_and_moving_on_shifts_it(open_case, agent, login):
    client = login(agent)
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):  # Monday
        case = open_case()
        case_transition(case=case, to_status="in_progress", actor=agent)
        deadline = case.deadline
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):
        client.post(_url(case, "informatie-vragen"), {"message": "Stuur een plan van de zaal."})
        case.refresh_from_db()
        assert case.status == "waiting_for_citizen"
        assert case.paused_since == dt.date(2026, 3, 4)
        event = case.events.filter(kind="status").last()
        assert event.public and event.text == "Stuur een plan van de zaal."
    with time_machine.travel("2026-03-09 10:00 +01:00", tick=False):
        client.post(_url(case, "status"), {"status": "in_progress"})
    case.refresh_from_db()
    assert case.paused_since is None
    assert case.deadline == deadline + dt.timedelta(days=3)


def test_asking_for_information_without_a_message_is_refused(open_case, agent, login):
    case = open_case()
    case_transition(case=case, to_status="in_progress", actor=agent)
    response = login(agent).post(_url(case, "informatie-vragen"), {"message": ""}, follow=True)
    assert "informatie" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "in_progress"


def test_deciding_stores_the_decision_publicly_and_closes(open_case, agent, login):
    case = open_case()
    case_transition(case=case, to_status="in_progress", actor=agent)
    login(agent).post(_url(case, "beslissing"), {"decision": "Toegestaan.", "closing_status": "closed"})
    case.refresh_from_db()
    assert case.status == "closed" and case.closed_at is not None
    assert case.events.filter(public=True, text="Toegestaan.", to_status="decided").exists()


def test_a_decision_with_an_unreachable_closing_status_is_refused(open_case, agent, login):
    case = open_case()
    response = login(agent).post(_url(case, "beslissing"), {"decision": "Ja", "closing_status": "closed"}, follow=True)
    assert "kan niet naar" in response.content.decode()


def test_viewing_a_case_with_a_citizen_is_audited(open_case, agent, citizen, login):
    case = open_case(citizen=citizen)
    login(agent).get(_url(case))
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, object_id=str(case.pk)).exists()


def test_berchem_staff_get_404_for_a_forged_deurne_reference(open_case, berchem_staff, login):
    case = open_case("deurne")
    client = login(berchem_staff)
    assert client.get(_url(case)).status_code == 404
    assert client.post(_url(case, "status"), {"status": "in_progress"}).status_code == 404
    assert client.post(_url(case, "toewijzen"), {"action": "claim"}).status_code == 404
    assert Case.objects.get(pk=case.pk).status == "received"


def test_an_attachment_downloads_for_someone_in_scope(open_case, agent, login, upload):
    case = open_case("berchem")
    attachment = case_add_attachment(case=case, upload=upload("plan.png", PNG), actor=agent)
    response = login(agent).get(_url(case, f"bijlagen/{attachment.pk}"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert "attachment" in response["Content-Disposition"]


def test_an_attachment_is_refused_outside_the_scope(open_case, agent, berchem_staff, login, upload):
    case = open_case("deurne")
    attachment = case_add_attachment(case=case, upload=upload("plan.png", PNG), actor=agent)
    assert login(berchem_staff).get(_url(case, f"bijlagen/{attachment.pk}")).status_code == 404


def test_an_attachment_of_another_case_is_not_served_through_this_one(open_case, agent, login, upload):
    mine, other = open_case(), open_case()
    attachment = case_add_attachment(case=other, upload=upload("plan.png", PNG), actor=agent)
    assert login(agent).get(_url(mine, f"bijlagen/{attachment.pk}")).status_code == 404


def test_the_history_shows_a_team_only_assignment(open_case, agent, login):
    from loket.organisation.models import Team

    case = open_case()
    login(agent).post(_url(case, "toewijzen"), {"action": "assign", "team": "stad-burgerzaken"})
    body = login(agent).get(_url(case)).content.decode()
    assert Team.objects.get(slug="stad-burgerzaken").name in body
