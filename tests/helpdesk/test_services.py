"""The helpdesk's services refuse what the pages and the API should never let through."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from loket.cases.models import CaseEvent
from loket.cases.services import case_create
from loket.cases.workflows import workflow_for
from loket.helpdesk.services import (
    question_answer,
    question_ask,
    question_ask_back,
    question_asker_reply,
    question_assign,
    question_close,
)


def test_the_question_workflow_of_the_helpdesk_replaces_the_engines_sketch():
    workflow = workflow_for("question")
    assert workflow.prefix == "VRG"
    assert "waiting_for_asker" in workflow.allowed_next("new")
    assert workflow.pauses("waiting_for_asker") and not workflow.pauses("answered")


def test_a_question_is_a_case_from_the_askers_district_for_the_helpdesk_team(ask, people):
    case = ask("deurne")
    assert (case.kind, case.channel, case.requesting_district.slug, case.team.slug) == (
        "question",
        "internal",
        "deurne",
        "stad-helpdesk",
    )
    assert case.data == {"helpdesk_topic": "competence"}
    assert list(case.events.values_list("kind", flat=True)) == [CaseEvent.Kind.CREATED, CaseEvent.Kind.ASSIGNED]


@pytest.mark.parametrize("who", ["agent", "helpdesk", "lead"])
def test_only_district_roles_ask_questions(people, who):
    with pytest.raises(PermissionDenied):
        question_ask(actor=people[who], title="Vraag", text="Tekst", topic="other")


def test_a_question_needs_a_title_a_text_and_a_known_topic(people):
    with pytest.raises(ValidationError) as caught:
        question_ask(actor=people["berchem"], title=" ", text="", topic="weer")
    assert set(caught.value.message_dict) == {"title", "text", "topic"}


def test_only_the_helpdesk_answers_asks_back_assigns_and_closes(ask, people):
    case = ask()
    district = people["berchem"]
    for call in (
        lambda: question_answer(case=case, actor=district, text="Ja."),
        lambda: question_ask_back(case=case, actor=district, text="Wat?"),
        lambda: question_assign(case=case, actor=district, assignee=people["helpdesk"]),
        lambda: question_close(case=case, actor=district),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_only_the_asking_district_replies(ask, people):
    case = ask("berchem")
    with pytest.raises(PermissionDenied):
        question_asker_reply(case=case, actor=people["deurne"], text="Ik ook!")
    with pytest.raises(PermissionDenied):
        question_asker_reply(case=case, actor=people["helpdesk"], text="Namens Berchem")


def test_a_closed_question_takes_no_more_messages(ask, people):
    case = ask()
    question_close(case=case, actor=people["helpdesk"])
    with pytest.raises(ValidationError, match="afgesloten"):
        question_asker_reply(case=case, actor=people["berchem"], text="Nog iets")
    with pytest.raises(ValidationError, match="afgesloten"):
        question_answer(case=case, actor=people["helpdesk"], text="Toch nog")


def test_a_case_without_a_helpdesk_clock_is_not_handled_as_a_question(people):
    case = case_create(kind="question", title="Oud", channel="internal", actor=people["agent"])
    with pytest.raises(ValidationError, match="geen vraag aan de helpdesk"):
        question_answer(case=case, actor=people["helpdesk"], text="Ja.")


def test_a_question_is_asked_even_when_the_city_has_no_helpdesk_team(people):
    from loket.organisation.models import Team

    Team.objects.filter(slug="stad-helpdesk").update(slug="stad-helpdesk-oud")
    case = question_ask(actor=people["berchem"], title="Vraag", text="Tekst", topic="other")
    assert case.team is None
