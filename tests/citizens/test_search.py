from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.cases.services import case_create
from loket.citizens.selectors import citizen_search, search_kind
from loket.citizens.services import citizen_create


@pytest.fixture
def others(an, agent):
    return [
        citizen_create(first_name="Jan", last_name="Janssens", phone="0470 12 34 56", actor=agent),
        citizen_create(first_name="Bossche", last_name="Anders", actor=agent),
    ]


@pytest.mark.parametrize("q", ["van den", "Van den Bossche", "an van", "van den bossche an", "VAN DEN BOSSCHE"])
def test_it_finds_a_citizen_by_name_parts(an, others, q):
    assert an in citizen_search(q=q)


def test_a_name_search_is_prefix_based_and_ignores_accents(an, others):
    assert [c.user.first_name for c in citizen_search(q="jan")] == ["Jan"]
    assert citizen_search(q="Ján Jans")[0].user.last_name == "Janssens"


@pytest.mark.parametrize("q", ["85.07.30-033.28", "85073003328", "85 07 30 033 28"])
def test_it_finds_a_citizen_by_national_number_in_any_format(an, others, q):
    assert citizen_search(q=q) == [an]


@pytest.mark.parametrize("q", ["03 123 45 67", "+32 3 123 45 67", "031234567", "0032 3 123.45.67"])
def test_it_finds_a_citizen_by_phone_in_any_format(an, others, q):
    assert citizen_search(q=q) == [an]


def test_it_finds_a_mobile_number(an, others):
    assert citizen_search(q="+32 470 12 34 56") == [others[0]]


def test_it_finds_a_citizen_by_email_whatever_the_case(an, others):
    assert citizen_search(q="an.vdb@EXAMPLE.org") == [an]


def test_it_finds_the_citizen_of_a_case_reference(an, agent):
    case = case_create(
        kind="request", title="Zaal", channel="phone", actor=agent, citizen=an.user, district=an.district
    )
    assert citizen_search(q=case.reference.lower()) == [an]


def test_it_finds_nobody_for_an_unknown_reference_or_nonsense(an):
    assert citizen_search(q="REQ-2026-999999") == []
    assert citizen_search(q="   ") == []
    assert citizen_search(q="12345") == []


def test_each_kind_of_input_is_one_query(an, others):
    for q in ("van den", "85073003328", "03 123 45 67", "an.vdb@example.org"):
        with CaptureQueriesContext(connection) as queries:
            citizen_search(q=q)
        assert len(queries) == 1, q


def test_it_tells_the_kinds_of_input_apart():
    assert search_kind("REQ-2026-000123") == "reference"
    assert search_kind("a@b.be") == "email"
    assert search_kind("0470 12 34 56") == "phone"
    assert search_kind("05.03.12-002.84") == "national_number"
    assert search_kind("85.07.30-033.28") == "national_number"
    assert search_kind("Peeters") == "name"
