from __future__ import annotations

import pytest
import time_machine

from loket.cases import hooks
from loket.cases.models import CaseEvent
from loket.cases.services import case_create, case_transition
from loket.cases.workflows import IllegalTransition


@pytest.fixture
def request_case(agent):
    return case_create(kind="request", title="Aanvraag", channel="counter", actor=agent)


def test_an_allowed_transition_changes_the_status_and_appends_history(request_case, agent):
    case_transition(case=request_case, to_status="in_progress", actor=agent, text="Opgepakt")
    request_case.refresh_from_db()
    assert request_case.status == "in_progress"
    event = request_case.events.get(kind=CaseEvent.Kind.STATUS)
    assert (event.from_status, event.to_status) == ("received", "in_progress")
    assert (event.text, event.actor) == ("Opgepakt", agent)


def test_an_illegal_transition_is_refused_and_changes_nothing(request_case, agent):
    with pytest.raises(IllegalTransition, match="Toegelaten volgende statussen"):
        case_transition(case=request_case, to_status="closed", actor=agent)
    request_case.refresh_from_db()
    assert request_case.status == "received"
    assert not request_case.events.filter(kind=CaseEvent.Kind.STATUS).exists()


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_entering_a_closed_status_stamps_closed_at(request_case, agent):
    case_transition(case=request_case, to_status="withdrawn", actor=agent)
    request_case.refresh_from_db()
    assert request_case.closed_at is not None


def test_the_status_hook_runs_after_commit(request_case, agent, django_capture_on_commit_callbacks):
    seen = []
    hooks.case_status_changed.append(lambda **kw: seen.append((kw["from_status"], kw["to_status"])))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            case_transition(case=request_case, to_status="in_progress", actor=agent)
            assert seen == []
    finally:
        hooks.case_status_changed.pop()
    assert seen == [("received", "in_progress")]


def test_history_cannot_be_edited(request_case):
    event = request_case.events.get()
    event.text = "anders"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
