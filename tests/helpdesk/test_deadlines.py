"""The periodic deadline check, with a frozen clock: a warning before a breach to the helpdesk, an
escalation after it to the lead, each exactly once, never for a paused, answered or closed question;
the handling page shows when they went out."""

from __future__ import annotations

from django.core import mail

from loket.helpdesk.deadlines import questions_check_deadlines
from loket.helpdesk.models import QuestionSla
from loket.helpdesk.services import question_answer, question_ask_back, question_asker_reply, question_close
from loket.helpdesk.tasks import helpdesk_deadline_check_job
from tests.helpdesk.conftest import at, travel

NOTHING = {"response_warning": 0, "answer_warning": 0, "response_escalation": 0, "answer_escalation": 0}


def check(when: str) -> dict[str, int]:
    with travel(when):
        return questions_check_deadlines()


def fired(**counts: int) -> dict[str, int]:
    return {**NOTHING, **counts}


def handling_page(client, people, case) -> str:
    client.force_login(people["helpdesk"])
    return client.get(f"/helpdesk/behandelen/{case.reference}/").content.decode()


def test_nothing_fires_before_the_warning_moment(ask, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        ask()
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-02 15:59") == NOTHING
    assert mail.outbox == []


def test_the_helpdesk_is_warned_two_business_hours_before_the_first_response_is_due(
    ask, people, client, django_capture_on_commit_callbacks
):
    with travel("2026-03-02 10:00"):
        case = ask()
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-02 16:00") == fired(response_warning=1)
    [message] = mail.outbox
    assert message.subject == "Helpdesk: 1 vraag nadert de termijn"
    assert message.to == ["helpdesk.bgd@antwerpen.be"]
    assert case.reference in message.body and "Berchem" in message.body
    assert "eerste reactie uiterlijk 3 maart 2026 10:00" in message.body
    assert "Eerste reactie: gewaarschuwd op 2 maart 2026 16:00" in handling_page(client, people, case)
    assert QuestionSla.objects.get(case=case).response_warned_at == at("2026-03-02 16:00")


def test_a_warning_goes_out_exactly_once(ask, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        ask()
    with django_capture_on_commit_callbacks(execute=True):
        check("2026-03-02 16:00")
        assert check("2026-03-02 16:05") == NOTHING
        assert check("2026-03-02 16:30") == NOTHING
    assert len(mail.outbox) == 1


def test_after_the_breach_the_lead_gets_an_escalation_exactly_once(
    ask, people, client, django_capture_on_commit_callbacks
):
    with travel("2026-03-02 10:00"):
        case = ask()
    with django_capture_on_commit_callbacks(execute=True):
        check("2026-03-02 16:00")
        assert check("2026-03-03 09:59") == NOTHING
        assert check("2026-03-03 10:00") == fired(response_escalation=1)
        assert check("2026-03-03 10:05") == NOTHING
    warning, escalation = mail.outbox
    assert warning.to == ["helpdesk.bgd@antwerpen.be"]
    assert escalation.to == ["marc@antwerpen.be"]
    assert escalation.subject == "Helpdesk: escalatie, 1 vraag over de termijn"
    assert "geëscaleerd" in escalation.body
    assert "Eerste reactie te laat: geëscaleerd op 3 maart 2026 10:00" in handling_page(client, people, case)


def test_the_warning_waits_for_office_hours_when_asked_late_on_friday(ask, django_capture_on_commit_callbacks):
    with travel("2026-03-06 16:30"):
        ask()
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-07 12:00") == NOTHING  # Saturday
        assert check("2026-03-09 14:29") == NOTHING
        assert check("2026-03-09 14:30") == fired(response_warning=1)  # six business hours after Friday 16:30


def test_a_first_response_stops_the_response_alerts(ask, people, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 11:00"):
        question_answer(case=case, actor=people["helpdesk"], text="We bekijken het.", final=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-03 12:00") == NOTHING
    assert mail.outbox == []


def test_the_answer_is_warned_and_escalated_on_its_own_moments(ask, people, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 11:00"):
        question_answer(case=case, actor=people["helpdesk"], text="We bekijken het.", final=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-06 15:59") == NOTHING
        assert check("2026-03-06 16:00") == fired(answer_warning=1)
        assert check("2026-03-09 10:00") == fired(answer_escalation=1)
    warning, escalation = mail.outbox
    assert warning.to == ["helpdesk.bgd@antwerpen.be", "lotte@antwerpen.be"]  # the team and the handler
    assert "antwoord uiterlijk 9 maart 2026 10:00" in warning.body
    assert escalation.to == ["marc@antwerpen.be"]


def test_a_question_found_past_its_due_moment_gets_the_escalation_and_no_late_warning(
    ask, django_capture_on_commit_callbacks
):
    with travel("2026-03-02 10:00"):
        case = ask()
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-03 11:00") == fired(response_escalation=1)  # the worker was down
        assert check("2026-03-03 11:05") == NOTHING
    [escalation] = mail.outbox
    assert escalation.to == ["marc@antwerpen.be"]
    sla = QuestionSla.objects.get(case=case)
    assert sla.response_warned_at == sla.response_escalated_at == at("2026-03-03 11:00")


def test_nothing_fires_while_the_helpdesk_waits_for_the_asker(ask, people, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 11:00"):
        question_ask_back(case=case, actor=people["helpdesk"], text="Welke kermis?")
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-20 12:00") == NOTHING
    # The reply on Monday 23 March 9:00 restarts the clock: 39 business hours were left for the answer.
    with travel("2026-03-23 09:00"):
        question_asker_reply(case=case, actor=people["berchem"], text="De Sinksenfoor.")
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-27 13:59") == NOTHING
        assert check("2026-03-27 14:00") == fired(answer_warning=1)
        assert check("2026-03-27 16:00") == fired(answer_escalation=1)


def test_a_warning_moment_that_passed_before_the_pause_still_warns(ask, people, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-06 16:30"):  # after the answer's warning moment (16:00), before its due moment
        question_answer(case=case, actor=people["helpdesk"], text="Even geduld.", final=False)
        question_ask_back(case=case, actor=people["helpdesk"], text="Welke kermis?")
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-06 16:35") == fired(answer_warning=1)
        assert check("2026-03-20 16:35") == NOTHING


def test_answered_and_closed_questions_raise_no_alerts(ask, people, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        answered, closed = ask(), ask("deurne")
        question_answer(case=answered, actor=people["helpdesk"], text="Ja.")
        question_close(case=closed, actor=people["helpdesk"])
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-04-30 12:00") == NOTHING
    assert mail.outbox == []


def test_one_digest_lists_every_question_of_a_run(ask, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        first, second = ask(), ask("deurne", title="Wie tekent de notulen?", topic="council")
    with django_capture_on_commit_callbacks(execute=True):
        assert check("2026-03-02 16:00") == fired(response_warning=2)
    [digest] = mail.outbox
    assert digest.subject == "Helpdesk: 2 vragen naderen de termijn"
    assert first.reference in digest.body and second.reference in digest.body and "Deurne" in digest.body


def test_without_a_manager_the_escalation_goes_to_the_team_mailbox(ask, people, django_capture_on_commit_callbacks):
    people["lead"].is_active = False
    people["lead"].save()
    with travel("2026-03-02 10:00"):
        ask()
    with django_capture_on_commit_callbacks(execute=True):
        check("2026-03-03 10:00")
    [escalation] = mail.outbox
    assert escalation.to == ["helpdesk.bgd@antwerpen.be"]


def test_the_periodic_job_runs_the_check(ask, django_capture_on_commit_callbacks):
    with travel("2026-03-02 10:00"):
        case = ask()
    with travel("2026-03-02 16:00"), django_capture_on_commit_callbacks(execute=True):
        helpdesk_deadline_check_job()
    assert QuestionSla.objects.get(case=case).response_warned_at == at("2026-03-02 16:00")
    assert len(mail.outbox) == 1
