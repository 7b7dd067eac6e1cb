from __future__ import annotations

import datetime as dt

import time_machine

from loket.cases.services import case_create, case_transition


@time_machine.travel("2026-12-18 10:00 +01:00", tick=False)
def test_five_working_days_from_friday_skip_the_weekends_and_christmas(hall_rental, agent):
    """Fri 18 Dec → Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 Christmas, weekend), Mon 28."""
    case = case_create(
        kind="request", title="Zaal", channel="online", actor=agent, service=hall_rental, district=_deurne()
    )
    assert case.deadline == dt.date(2026, 12, 28)


@time_machine.travel("2026-04-30 10:00 +02:00", tick=False)
def test_the_workflow_default_applies_without_a_service(agent):
    """Report default 10 working days from Thu 30 April 2026: Fri 1 May (Labour Day) is skipped."""
    case = case_create(kind="report", title="Melding", channel="online", actor=agent)
    # May 2026: 4-8 (5 days), 11-13 (3), Thu 14 Ascension skipped, 15 (1), 18 (1) → Mon 18 May.
    assert case.deadline == dt.date(2026, 5, 18)


def test_waiting_for_the_citizen_moves_the_deadline_by_the_working_days_spent_waiting(agent):
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):  # Monday
        case = case_create(kind="request", title="Aanvraag", channel="online", actor=agent)
        first_deadline = case.deadline
        assert first_deadline == dt.date(2026, 3, 30)  # 20 working days
        case_transition(case=case, to_status="in_progress", actor=agent)
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):  # Wednesday
        case_transition(case=case, to_status="waiting_for_citizen", actor=agent)
        assert case.paused_since == dt.date(2026, 3, 4)
    with time_machine.travel("2026-03-09 10:00 +01:00", tick=False):  # next Monday: Thu, Fri, Mon waited
        case_transition(case=case, to_status="in_progress", actor=agent)
    case.refresh_from_db()
    assert case.paused_since is None
    assert case.deadline == dt.date(2026, 4, 2)  # 30 March + 3 working days: 31 Mar, 1 Apr, 2 Apr


def test_a_pause_resumed_the_same_day_keeps_the_deadline(agent):
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        case = case_create(kind="question", title="Vraag", channel="internal", actor=agent)
        deadline = case.deadline
        case_transition(case=case, to_status="assigned", actor=agent)
        case_transition(case=case, to_status="waiting_for_asker", actor=agent)
        case_transition(case=case, to_status="assigned", actor=agent)
    case.refresh_from_db()
    assert case.deadline == deadline


def _deurne():
    from loket.organisation.models import District

    return District.objects.get(slug="deurne")


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_feature_app_may_set_handling_days_per_topic(topics, agent):
    import dataclasses

    from loket.cases.workflows import workflow_for, workflow_register

    original = workflow_for("report")
    workflow_register(dataclasses.replace(original, handling_days_hook=lambda topic, service: 2), replace=True)
    try:
        case = case_create(kind="report", title="Lamp", channel="online", actor=agent, topic=topics["lighting"])
    finally:
        workflow_register(original, replace=True)
    assert case.deadline == dt.date(2026, 3, 4)
