"""The channel mix of the hand-made day in conftest.py, counted by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.steering.selectors import PeriodInvalid, channel_mix
from tests.steering.conftest import DAY


def mix(group_by: str, district=None):
    return channel_mix(date_from=DAY, date_to=DAY, group_by=group_by, district=district)


def counts(table) -> dict[str, dict[str, int]]:
    """Each row's non-zero cells, by the row's key ("" for the row without a group)."""
    keys = [column.key for column in table.columns]
    return {row.key: {k: n for k, n in zip(keys, row.counts, strict=True) if n} for row in table.rows}


def test_it_counts_cases_per_channel_and_service(period):
    cases = mix("service").cases
    assert counts(cases) == {"eid": {"online": 3, "phone": 1}, "rijbewijs": {"counter": 1}, "": {"email": 1}}
    assert [row.label for row in cases.rows] == ["Identiteitskaart", "Rijbewijs", "Zonder dienst"]


def test_it_totals_each_row_and_each_channel(period):
    cases = mix("service").cases
    assert [row.total for row in cases.rows] == [4, 1, 1]
    totals = dict(zip([c.key for c in cases.columns], cases.totals.counts, strict=True))
    assert totals == {"online": 3, "phone": 1, "counter": 1, "email": 1, "api": 0, "internal": 0}
    assert cases.totals.total == 6


def test_percentages_are_shares_of_the_row_and_of_the_grand_total(period):
    eid = mix("service").cases.rows[0]
    assert [cell.percent for cell in eid.cells[:3]] == [75.0, 25.0, 0.0]
    assert eid.share == pytest.approx(400 / 6)
    assert mix("service").cases.totals.share == 100.0


def test_a_case_counts_where_the_matter_is_else_in_its_competent_district(period):
    assert counts(mix("district").cases) == {
        "berchem": {"online": 2, "counter": 1},
        "deurne": {"online": 1, "phone": 1},
        "": {"email": 1},
    }


def test_it_groups_by_topic(period):
    cases = mix("topic").cases
    assert counts(cases) == {"identiteit": {"online": 3, "phone": 1}, "verkeer": {"counter": 1}, "": {"email": 1}}
    assert cases.rows[-1].label == "Zonder thema"


def test_it_counts_contact_moments_per_channel_and_service(period):
    contacts = mix("service").contacts
    assert counts(contacts) == {"eid": {"phone": 1, "counter": 1}, "rijbewijs": {"counter": 1}, "": {"chat": 1}}
    assert [c.key for c in contacts.columns] == ["online", "phone", "counter", "email", "chat"]
    assert contacts.totals.total == 4


def test_a_contact_counts_in_the_citizens_district_else_the_locations(period):
    assert counts(mix("district").contacts) == {
        "berchem": {"phone": 1, "counter": 1},
        "deurne": {"counter": 1},
        "": {"chat": 1},
    }


def test_the_district_filter_keeps_only_that_districts_cases_and_contacts(period):
    result = mix("service", district=period["berchem"])
    assert counts(result.cases) == {"eid": {"online": 2}, "rijbewijs": {"counter": 1}}
    assert counts(result.contacts) == {"eid": {"phone": 1, "counter": 1}}
    assert (result.cases.totals.total, result.contacts.totals.total) == (3, 2)


def test_days_are_whole_days_in_brussels_with_both_ends_included(period):
    two_days = channel_mix(date_from=DAY, date_to=DAY + dt.timedelta(days=1), group_by="service")
    assert (two_days.cases.totals.total, two_days.contacts.totals.total) == (7, 4)
    day_before = channel_mix(date_from=DAY - dt.timedelta(days=1), date_to=DAY, group_by="service")
    assert day_before.contacts.totals.total == 5


def test_an_empty_period_gives_empty_tables_with_zero_totals(period):
    result = channel_mix(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31), group_by="district")
    assert (result.cases.rows, result.cases.totals.total, result.cases.totals.share) == ([], 0, None)
    assert [cell.percent for cell in result.contacts.totals.cells] == [None] * 5


def test_it_refuses_a_period_that_ends_before_it_starts(period):
    with pytest.raises(PeriodInvalid):
        channel_mix(date_from=DAY, date_to=DAY - dt.timedelta(days=1), group_by="service")


def test_it_refuses_a_period_longer_than_a_year(period):
    with pytest.raises(PeriodInvalid):
        channel_mix(date_from=dt.date(2025, 1, 1), date_to=dt.date(2026, 1, 2), group_by="service")


def test_it_refuses_an_unknown_grouping(period):
    with pytest.raises(ValueError, match="group_by"):
        channel_mix(date_from=DAY, date_to=DAY, group_by="team")


def test_it_counts_in_one_query_per_table_and_one_per_group_names(period, django_assert_num_queries):
    with django_assert_num_queries(4):
        mix("district")
