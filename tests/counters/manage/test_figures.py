"""The figures of the hand-made day in conftest.py, computed by hand.

Waits in minutes: Berchem 10, 20, 30, 5 (called, then no-show), 12 (appointment, from check-in),
5 (transferred) and 10 (its successor); Deurne 40. Sorted 5 5 10 10 12 20 30 40: median 11,
p90 at rank 6.3 → 30 + 0.3 * 10 = 33. Service times 10 15 5 20 10 and Deurne 10: sorted
5 10 10 10 15 20: median 10, p90 at rank 4.5 → 15 + 0.5 * 5 = 17.5.
Due appointments: Berchem served, no-show, booked (not the cancelled or held one); Deurne a no-show.
"""

from __future__ import annotations

import datetime as dt

import pytest

from loket.counters.figures import counter_figures, percentile
from tests.counters.manage.conftest import BRUSSELS, DAY

NOW = dt.datetime(2026, 3, 11, 8, 0, tzinfo=BRUSSELS)


@pytest.fixture
def figures(counter_day):
    return counter_figures(start=DAY, end=DAY, now=NOW)


def minutes(value: float | None) -> float | None:
    return None if value is None else value / 60


def test_it_counts_visitors_appointments_and_walk_ins(figures):
    assert (figures.total.visitors, figures.total.appointments, figures.total.walk_ins) == (8, 1, 7)


def test_it_computes_the_median_and_p90_of_the_waiting_time(figures):
    waiting = figures.total.waiting
    assert (waiting.count, minutes(waiting.median), minutes(waiting.p90)) == (8, 11, 33)


def test_it_computes_the_median_and_p90_of_the_service_time(figures):
    service = figures.total.service
    assert (service.count, minutes(service.median), minutes(service.p90)) == (6, 10, 17.5)


def test_it_computes_the_no_show_rate_over_booked_appointments_whose_time_has_passed(figures):
    assert (figures.total.no_shows, figures.total.appointments_due, figures.total.no_show_rate) == (2, 4, 0.5)


def test_appointments_still_to_come_are_not_due(counter_day):
    figures = counter_figures(start=DAY, end=DAY, now=dt.datetime(2026, 3, 10, 11, 45, tzinfo=BRUSSELS))
    assert (figures.total.no_shows, figures.total.appointments_due) == (1, 2)


def test_it_breaks_the_figures_down_per_location(figures):
    rows = {row.key: row for row in figures.by_location}
    assert list(rows) == ["districtshuis-berchem", "districtshuis-deurne"]
    berchem = rows["districtshuis-berchem"]
    assert (berchem.visitors, berchem.appointments, berchem.no_shows, berchem.appointments_due) == (7, 1, 1, 3)
    assert (minutes(berchem.waiting.median), minutes(berchem.service.median)) == (10, 10)


def test_it_breaks_the_figures_down_per_service(figures):
    # Identity card waits: 10, 20, 12, 5 (transferred away), 40 → median 12, p90 at rank 3.6 → 20 + 0.6 * 20.
    rows = {row.key: row for row in figures.by_service}
    assert (rows["eid"].visitors, rows["rijbewijs"].visitors) == (5, 3)
    assert (minutes(rows["eid"].waiting.median), minutes(rows["eid"].waiting.p90)) == (12, 32)
    assert (rows["eid"].no_shows, rows["eid"].appointments_due) == (2, 3)


def test_it_breaks_the_figures_down_per_hour_of_the_day_in_brussels(figures):
    visitors = {row.key: row.visitors for row in figures.by_hour}
    assert visitors == {"09": 3, "10": 3, "11": 1, "12": 0, "14": 1, "15": 0}
    assert next(row for row in figures.by_hour if row.key == "09").label == "09:00–10:00"  # noqa: RUF001


def test_it_narrows_the_figures_to_one_location(counter_day):
    figures = counter_figures(start=DAY, end=DAY, location=counter_day["deurne"], now=NOW)
    assert (figures.total.visitors, figures.total.no_shows, minutes(figures.total.waiting.median)) == (1, 1, 40)
    assert [row.key for row in figures.by_location] == ["districtshuis-deurne"]


def test_an_empty_period_has_no_medians(counter_day):
    figures = counter_figures(start=DAY - dt.timedelta(days=7), end=DAY - dt.timedelta(days=1), now=NOW)
    assert (figures.total.visitors, figures.total.waiting.median, figures.total.no_show_rate) == (0, None, None)
    assert figures.by_hour == []


def test_percentiles_interpolate_between_ranks():
    assert (percentile([1, 2, 3, 4], 0.5), percentile([1, 2, 3, 4], 0.9), percentile([7], 0.9)) == (2.5, 3.7, 7)
    assert percentile([], 0.5) is None
