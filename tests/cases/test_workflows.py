from __future__ import annotations

import pytest

from loket.cases.workflows import IllegalTransition, UnknownKind, Workflow, workflow_for, workflow_register


def test_the_three_kinds_of_the_next_issues_are_declared():
    assert (workflow_for("request").prefix, workflow_for("report").prefix, workflow_for("question").prefix) == (
        "REQ",
        "MLD",
        "VRG",
    )


def test_waiting_for_the_citizen_pauses_the_clock_of_a_request():
    request = workflow_for("request")
    assert request.pauses("waiting_for_citizen")
    assert not request.pauses("in_progress")
    assert request.closed == {"closed", "rejected", "withdrawn"}


def test_an_illegal_transition_names_the_allowed_next_statuses_in_dutch():
    with pytest.raises(IllegalTransition) as caught:
        workflow_for("request").check_transition(from_status="received", to_status="decided")
    message = str(caught.value)
    assert "'ontvangen'" in message and "'beslist'" in message
    assert "in behandeling" in message and "afgewezen" in message and "ingetrokken" in message
    assert caught.value.allowed == ["in_progress", "rejected", "withdrawn"]


def test_a_closed_status_allows_no_further_change():
    with pytest.raises(IllegalTransition, match="geen wijziging mogelijk"):
        workflow_for("request").check_transition(from_status="withdrawn", to_status="in_progress")


def test_an_unknown_kind_is_refused():
    with pytest.raises(UnknownKind, match="Onbekende soort"):
        workflow_for("bestelling")


def test_a_workflow_naming_an_undeclared_status_is_refused():
    with pytest.raises(ValueError, match="undeclared"):
        Workflow(
            kind="x",
            prefix="X",
            label_text="x",
            initial="a",
            statuses={"a": "A"},
            transitions={"a": frozenset({"b"})},
        )


def test_a_prefix_cannot_be_taken_by_a_second_kind():
    with pytest.raises(ValueError, match="already used"):
        workflow_register(
            Workflow(kind="letter", prefix="REQ", label_text="brief", initial="a", statuses={"a": "A"}, transitions={})
        )


def test_a_kind_is_replaced_only_on_request():
    with pytest.raises(ValueError, match="already registered"):
        workflow_register(workflow_for("report"))
    assert workflow_register(workflow_for("report"), replace=True) is workflow_for("report")
