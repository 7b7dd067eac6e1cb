"""A question's clock: its due moments in business time, per topic, and how pauses move them."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.helpdesk.models import Closure, OfficeHours, QuestionPause, QuestionSla, SlaTarget
from loket.helpdesk.services import question_answer, question_ask_back, question_asker_reply, question_close
from tests.helpdesk.conftest import at, travel


def sla_of(case) -> QuestionSla:
    return QuestionSla.objects.get(case=case)


def test_a_question_asked_on_monday_morning_gets_its_moments_in_office_hours(ask):
    # Default targets: a first response within 8 business hours, an answer within 40, warnings 2 hours before.
    with travel("2026-03-02 10:00"):
        sla = sla_of(ask())
    assert sla.response_warn_at == at("2026-03-02 16:00")
    assert sla.response_due == at("2026-03-03 10:00")
    assert sla.answer_warn_at == at("2026-03-06 16:00")
    assert sla.answer_due == at("2026-03-09 10:00")


def test_the_case_deadline_follows_the_answer_due_moment(ask):
    with travel("2026-03-02 10:00"):
        case = ask()
    case.refresh_from_db()
    assert case.deadline == dt.date(2026, 3, 9)


def test_a_question_asked_on_friday_evening_starts_its_clock_on_monday_morning(ask):
    with travel("2026-03-06 19:30"):
        sla = sla_of(ask())
    assert sla.response_warn_at == at("2026-03-09 15:00")
    assert sla.response_due == at("2026-03-09 17:00")


def test_each_topic_has_its_own_targets(ask):
    SlaTarget.objects.create(topic="procedure", first_response_hours=4, answer_hours=16, warning_hours=1)
    with travel("2026-03-02 10:00"):
        procedure = sla_of(ask(topic="procedure"))
        competence = sla_of(ask(topic="competence"))
    assert procedure.response_due == at("2026-03-02 14:00")
    assert procedure.response_warn_at == at("2026-03-02 13:00")
    assert procedure.answer_due == at("2026-03-04 10:00")
    assert competence.response_due == at("2026-03-03 10:00")


def test_the_helpdesks_office_hours_and_closure_days_count(ask):
    for weekday in range(5):
        OfficeHours.objects.create(weekday=weekday, opens=dt.time(8, 30), closes=dt.time(12))
        OfficeHours.objects.create(weekday=weekday, opens=dt.time(13), closes=dt.time(16, 30))
    Closure.objects.create(date=dt.date(2026, 3, 3), reason="Teamdag")
    with travel("2026-03-02 11:00"):
        sla = sla_of(ask())
    # Monday 11:00-12:00 and 13:00-16:30 (4.5 h), Tuesday closed, Wednesday 8:30-12:00 (3.5 h): 8 hours.
    assert sla.response_due == at("2026-03-04 12:00")


def test_a_question_asked_before_easter_monday_skips_the_holiday(ask):
    with travel("2026-04-03 15:00"):
        sla = sla_of(ask())
    assert sla.response_due == at("2026-04-07 15:00")


def test_asking_back_stops_the_clock_and_the_askers_reply_moves_the_moments_on(ask, people):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 12:00"):
        question_ask_back(case=case, actor=people["helpdesk"], text="Over welke kermis gaat het?")
    sla = sla_of(case)
    assert sla.paused_since == at("2026-03-02 12:00")
    assert sla.first_response_at == at("2026-03-02 12:00")
    with travel("2026-03-04 09:00"):  # two days later: Monday 12:00-17:00 and Tuesday did not count
        question_asker_reply(case=case, actor=people["berchem"], text="De Sinksenfoor.")
    sla = sla_of(case)
    case.refresh_from_db()
    assert sla.paused_since is None
    assert case.status == "assigned"
    # The answer was due on Monday 9 March 10:00: 38 business hours were left at the pause (12:00), so it
    # is now due 38 business hours after Wednesday 09:00, that is Tuesday 10 March 15:00.
    assert sla.answer_due == at("2026-03-10 15:00")
    assert sla.answer_warn_at == at("2026-03-10 13:00")
    pause = QuestionPause.objects.get(sla=sla)
    assert (pause.status, pause.started_at, pause.ended_at) == (
        "waiting_for_asker",
        at("2026-03-02 12:00"),
        at("2026-03-04 09:00"),
    )


def test_a_reply_in_the_same_office_hour_moves_the_moments_by_the_minutes_waited(ask, people):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 10:30"):
        question_ask_back(case=case, actor=people["helpdesk"], text="Welke datum?")
    with travel("2026-03-02 10:45"):
        question_asker_reply(case=case, actor=people["berchem"], text="Pinksteren.")
    assert sla_of(case).answer_due == at("2026-03-09 10:15")


def test_a_pause_over_the_weekend_costs_no_business_time(ask, people):
    with travel("2026-03-06 16:00"):
        case = ask()
    with travel("2026-03-06 16:30"):
        question_ask_back(case=case, actor=people["helpdesk"], text="Welke datum?")
    due_before = sla_of(case).answer_due
    with travel("2026-03-08 11:00"):  # Sunday: no business time passed while waiting
        question_asker_reply(case=case, actor=people["berchem"], text="Pinksteren.")
    sla = sla_of(case)
    # Friday 16:30 to 17:00 passed while paused and is added back: due half an hour later in business time.
    assert sla.answer_due > due_before
    assert sla.answer_due == at("2026-03-13 16:30")


def test_a_final_answer_stops_the_clock_and_reopening_runs_it_again(ask, people):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-03 10:00"):
        question_answer(case=case, actor=people["helpdesk"], text="Ja, het district beslist.")
    sla = sla_of(case)
    assert sla.answered_at == at("2026-03-03 10:00")
    assert sla.first_response_at == at("2026-03-03 10:00")
    assert sla.paused_since == at("2026-03-03 10:00")
    with travel("2026-03-04 10:00"):
        question_asker_reply(case=case, actor=people["berchem"], text="En de standplaatsen?", reopen=True)
    sla = sla_of(case)
    case.refresh_from_db()
    assert case.status == "assigned"
    assert sla.answered_at is None
    assert sla.paused_since is None
    assert sla.answer_due == at("2026-03-10 10:00")  # one business day later than before


def test_an_interim_message_is_the_first_response_but_not_the_answer(ask, people):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 11:00"):
        question_answer(case=case, actor=people["helpdesk"], text="We zoeken het uit.", final=False)
    sla = sla_of(case)
    case.refresh_from_db()
    assert sla.first_response_at == at("2026-03-02 11:00")
    assert sla.answered_at is None
    assert case.status == "assigned"
    assert case.assignee == people["helpdesk"]


def test_closing_ends_a_pause_and_stops_the_clock(ask, people):
    with travel("2026-03-02 10:00"):
        case = ask()
        question_ask_back(case=case, actor=people["helpdesk"], text="Welke kermis?")
    with travel("2026-03-05 10:00"):
        question_close(case=case, actor=people["helpdesk"], text="Geen antwoord gekregen.")
    sla = sla_of(case)
    assert sla.closed_at == at("2026-03-05 10:00")
    assert sla.paused_since is None
    assert QuestionPause.objects.get(sla=sla).ended_at == at("2026-03-05 10:00")


def test_a_status_changed_on_the_case_page_moves_the_clock_too(ask, people, django_capture_on_commit_callbacks):
    from loket.cases.services import case_transition

    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 12:00"), django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="waiting_for_asker", actor=people["helpdesk"], text="?", public=True)
    assert sla_of(case).paused_since == at("2026-03-02 12:00")
    with travel("2026-03-04 09:00"), django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="assigned", actor=people["helpdesk"])
    sla = sla_of(case)
    assert sla.paused_since is None
    assert sla.answer_due == at("2026-03-10 15:00")


def test_a_target_whose_warning_is_not_before_the_first_response_is_refused(db):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        SlaTarget.objects.create(topic="other", first_response_hours=2, answer_hours=8, warning_hours=2)
