from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.reports.attributes import attribute_label, attributes_clean
from loket.reports.models import Category

QUESTIONS = [
    {"code": "aantal", "datatype": "number", "required": False, "description": "Hoeveel?", "order": 1, "values": []},
    {"code": "wanneer", "datatype": "datetime", "required": False, "description": "Wanneer?", "order": 2, "values": []},
    {"code": "uitleg", "datatype": "text", "required": False, "description": "Uitleg", "order": 3, "values": []},
    {
        "code": "soort",
        "datatype": "singlevaluelist",
        "required": True,
        "description": "Welke soort?",
        "order": 4,
        "values": [{"key": "a", "name": "Soort A"}, {"key": "b", "name": "Soort B"}],
    },
]


@pytest.fixture
def category() -> Category:
    return Category(code="test", attributes=QUESTIONS)


def test_answers_are_stored_in_their_datatype(category):
    cleaned = attributes_clean(
        category=category,
        data={"aantal": "3,5", "wanneer": "2026-11-30T10:00", "uitleg": " veel ", "soort": ["a"], "vreemd": "x"},
    )
    assert cleaned == {"aantal": 3.5, "wanneer": "2026-11-30T10:00:00", "uitleg": "veel", "soort": "a"}


def test_bad_answers_are_named_by_their_question_code(category):
    with pytest.raises(ValidationError) as refused:
        attributes_clean(category=category, data={"aantal": "veel", "wanneer": "morgen", "soort": "c"})
    messages = refused.value.message_dict["attributes"]
    assert [m.split(":")[0] for m in messages] == ["aantal", "wanneer", "soort"]


def test_a_required_question_without_answer_is_refused(category):
    with pytest.raises(ValidationError) as refused:
        attributes_clean(category=category, data={"soort": ""})
    assert refused.value.message_dict["attributes"][0].startswith("soort:")


def test_without_a_category_there_are_no_answers():
    assert attributes_clean(category=None, data={"x": 1}) == {}


def test_answers_read_in_words(category):
    assert attribute_label(category, "soort", "b") == ("Welke soort?", "Soort B")
