"""The business-time clock: office hours, evenings, weekends, holidays, closures, pauses, DST.

The last tests compare both operations with a minute-by-minute oracle over stretches around
Easter and daylight saving (spring 2026) and around Christmas and New Year (2026-2027).
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from loket.helpdesk.business_time import (
    BusinessCalendar,
    add_business_minutes,
    add_business_time,
    business_minutes_between,
    business_time_between,
)

BXL = ZoneInfo("Europe/Brussels")
NINE_TO_FIVE = BusinessCalendar()
WITH_LUNCH = BusinessCalendar(
    hours={d: ((dt.time(9), dt.time(12)), (dt.time(13), dt.time(17))) for d in range(5)},
)


def at(text: str) -> dt.datetime:
    """A local Brussels moment from 'YYYY-MM-DD HH:MM'."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BXL)


def test_an_hour_inside_office_hours_ends_an_hour_later():
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-02 10:00"), 60) == at("2026-03-02 11:00")


def test_time_asked_in_the_evening_runs_from_the_next_morning():
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-02 16:30"), 60) == at("2026-03-03 09:30")
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-02 20:00"), 60) == at("2026-03-03 10:00")


def test_time_asked_before_opening_starts_at_opening():
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-02 07:00"), 30) == at("2026-03-02 09:30")


def test_a_target_that_ends_at_closing_time_is_due_at_closing_not_the_next_morning():
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-02 16:00"), 60) == at("2026-03-02 17:00")


def test_the_weekend_does_not_count():
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-06 16:00"), 120) == at("2026-03-09 10:00")
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-07 11:00"), 60) == at("2026-03-09 10:00")
    assert business_minutes_between(NINE_TO_FIVE, at("2026-03-06 16:00"), at("2026-03-09 10:00")) == 120


def test_a_lunch_break_does_not_count():
    assert add_business_minutes(WITH_LUNCH, at("2026-03-02 11:30"), 60) == at("2026-03-02 13:30")
    assert business_minutes_between(WITH_LUNCH, at("2026-03-02 08:00"), at("2026-03-02 18:00")) == 7 * 60


def test_easter_monday_is_a_public_holiday():
    # Easter 2026 is on 5 April: Friday 3 April 16:00 plus two hours is Tuesday 7 April 10:00.
    assert add_business_minutes(NINE_TO_FIVE, at("2026-04-03 16:00"), 120) == at("2026-04-07 10:00")


def test_five_working_days_over_christmas_and_new_year_cross_into_the_next_year():
    # Thursday 24 December 2026 16:00: 1 hour on the 24th, Christmas (Friday) off, then 28-31 December
    # (4 x 8 hours), New Year (Friday) off, and the last 7 hours on Monday 4 January 2027.
    due = add_business_minutes(NINE_TO_FIVE, at("2026-12-24 16:00"), 5 * 8 * 60)
    assert due == at("2027-01-04 16:00")
    assert business_minutes_between(NINE_TO_FIVE, at("2026-12-24 16:00"), due) == 2400


def test_a_closure_day_of_the_helpdesk_does_not_count():
    closed = BusinessCalendar(closed_days=frozenset({dt.date(2026, 3, 3)}))
    assert add_business_minutes(closed, at("2026-03-02 16:00"), 120) == at("2026-03-04 10:00")


def test_a_pause_stops_the_clock_and_the_resume_starts_it_again():
    pause = (at("2026-03-02 11:00"), at("2026-03-03 11:00"))  # eight business hours paused
    due = add_business_minutes(NINE_TO_FIVE, at("2026-03-02 10:00"), 120, pauses=[pause])
    assert due == at("2026-03-03 12:00")
    assert business_minutes_between(NINE_TO_FIVE, at("2026-03-02 10:00"), due, pauses=[pause]) == 120
    assert business_minutes_between(NINE_TO_FIVE, at("2026-03-02 10:00"), due) == 120 + 8 * 60


def test_a_pause_outside_office_hours_changes_nothing():
    pause = (at("2026-03-02 18:00"), at("2026-03-03 08:00"))
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-02 16:00"), 120, pauses=[pause]) == at("2026-03-03 10:00")


def test_several_pauses_in_any_order_and_overlapping_each_count_once():
    pauses = [
        (at("2026-03-02 14:00"), at("2026-03-02 15:00")),
        (at("2026-03-02 10:00"), at("2026-03-02 11:00")),
        (at("2026-03-02 10:30"), at("2026-03-02 11:30")),
    ]
    assert business_minutes_between(NINE_TO_FIVE, at("2026-03-02 09:00"), at("2026-03-02 17:00"), pauses=pauses) == (
        8 * 60 - 90 - 60
    )


def test_a_pause_without_end_stops_the_clock_for_good():
    pause = (at("2026-03-02 11:00"), None)
    assert business_minutes_between(NINE_TO_FIVE, at("2026-03-02 09:00"), at("2026-03-20 09:00"), pauses=[pause]) == 120
    with pytest.raises(ValueError, match="stands still"):
        add_business_minutes(NINE_TO_FIVE, at("2026-03-02 10:00"), 120, pauses=[pause])


def test_office_hours_stay_at_local_time_over_the_spring_daylight_saving_change():
    due = add_business_minutes(NINE_TO_FIVE, at("2026-03-27 16:00"), 120)
    assert due == at("2026-03-30 10:00")
    assert due.utcoffset() == dt.timedelta(hours=2)
    assert due.astimezone(dt.UTC).hour == 8


def test_office_hours_stay_at_local_time_over_the_autumn_daylight_saving_change():
    due = add_business_minutes(NINE_TO_FIVE, at("2026-10-23 16:00"), 120)
    assert due == at("2026-10-26 10:00")
    assert due.utcoffset() == dt.timedelta(hours=1)


def test_hours_across_a_daylight_saving_change_count_the_real_elapsed_time():
    night_service = BusinessCalendar(hours={6: ((dt.time(0), dt.time(6)),)})
    spring = business_time_between(night_service, at("2026-03-28 23:00"), at("2026-03-29 12:00"))
    autumn = business_time_between(night_service, at("2026-10-24 23:00"), at("2026-10-25 12:00"))
    assert (spring, autumn) == (dt.timedelta(hours=5), dt.timedelta(hours=7))


def test_moments_in_another_zone_are_the_same_moments():
    start = at("2026-03-02 10:00").astimezone(dt.UTC)
    assert add_business_minutes(NINE_TO_FIVE, start, 60) == at("2026-03-02 11:00")


def test_zero_business_time_is_the_start_itself_and_a_negative_amount_is_refused():
    assert add_business_minutes(NINE_TO_FIVE, at("2026-03-07 22:00"), 0) == at("2026-03-07 22:00")
    with pytest.raises(ValueError, match="negative"):
        add_business_minutes(NINE_TO_FIVE, at("2026-03-02 10:00"), -1)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        add_business_minutes(NINE_TO_FIVE, dt.datetime(2026, 3, 2, 10), 60)
    with pytest.raises(ValueError, match="aware"):
        business_minutes_between(NINE_TO_FIVE, at("2026-03-02 10:00"), dt.datetime(2026, 3, 2, 11))


def test_an_end_before_the_start_has_no_business_time():
    assert business_minutes_between(NINE_TO_FIVE, at("2026-03-03 10:00"), at("2026-03-02 10:00")) == 0


def test_a_calendar_without_office_hours_never_reaches_a_target_but_measures_zero():
    never = BusinessCalendar(hours={})
    assert business_minutes_between(never, at("2026-03-02 10:00"), at("2027-03-02 10:00")) == 0
    with pytest.raises(ValueError, match="no business time"):
        add_business_minutes(never, at("2026-03-02 10:00"), 1)


def test_a_period_that_closes_before_it_opens_is_refused():
    with pytest.raises(ValueError, match="close after"):
        BusinessCalendar(hours={0: ((dt.time(17), dt.time(9)),)})


def test_seconds_are_kept_by_the_timedelta_operations():
    start = at("2026-03-02 16:59") + dt.timedelta(seconds=30)
    assert add_business_time(NINE_TO_FIVE, start, dt.timedelta(minutes=1)) == at("2026-03-03 09:00") + dt.timedelta(
        seconds=30
    )


# --- The oracle: every minute of a stretch marked business or not, and prefix sums over them ----


class Oracle:
    def __init__(self, calendar: BusinessCalendar, first: dt.datetime, days: int, pauses) -> None:
        self.first = first.astimezone(dt.UTC)
        self.minutes = days * 24 * 60
        running = []
        for index in range(self.minutes):
            moment = self.first + dt.timedelta(minutes=index)
            local = moment.astimezone(calendar.zone)
            business = calendar.is_business_day(local.date()) and any(
                opens <= local.time() < closes for opens, closes in calendar.hours.get(local.weekday(), ())
            )
            paused = any(s <= moment and (e is None or moment < e) for s, e in pauses)
            running.append(business and not paused)
        self.prefix = [0]
        for flag in running:
            self.prefix.append(self.prefix[-1] + flag)

    def index(self, moment: dt.datetime) -> int:
        return int((moment.astimezone(dt.UTC) - self.first) // dt.timedelta(minutes=1))

    def between(self, start: dt.datetime, end: dt.datetime) -> int:
        return self.prefix[self.index(end)] - self.prefix[self.index(start)]

    def add(self, start: dt.datetime, minutes: int) -> dt.datetime:
        """The first minute boundary at which ``minutes`` business minutes have run since start."""
        base = self.prefix[self.index(start)]
        for index in range(self.index(start), self.minutes + 1):
            if self.prefix[index] - base == minutes:
                return self.first + dt.timedelta(minutes=index)
        raise AssertionError("the stretch is too short for this test")


STRETCHES = [
    # (first local day, days): Easter and the spring DST change; Christmas and New Year; autumn DST.
    ("2026-03-20 00:00", 30),
    ("2026-12-18 00:00", 24),
    ("2026-10-20 00:00", 14),
]


@pytest.mark.parametrize(("first", "days"), STRETCHES)
@pytest.mark.parametrize("calendar", [NINE_TO_FIVE, WITH_LUNCH], ids=["9-17", "lunch"])
def test_both_operations_agree_with_a_minute_by_minute_oracle(first, days, calendar):
    rng = random.Random(f"{first}{days}")
    start_of_stretch = at(first)
    pauses = []
    for _ in range(3):
        pause_start = start_of_stretch + dt.timedelta(minutes=rng.randrange(0, days * 1440 // 2))
        pauses.append((pause_start, pause_start + dt.timedelta(minutes=rng.randrange(30, 3000))))
    oracle = Oracle(calendar, start_of_stretch, days, pauses)
    for _ in range(150):
        start = start_of_stretch + dt.timedelta(minutes=rng.randrange(0, days * 1440 // 3))
        minutes = rng.choice([1, 7, 59, 60, 180, 479, 480, 481, 1200, 2400])
        expected = oracle.add(start, minutes)
        assert add_business_minutes(calendar, start, minutes, pauses=pauses) == expected, (start, minutes)
        end = start + dt.timedelta(minutes=rng.randrange(0, days * 1440 // 2))
        assert business_minutes_between(calendar, start, end, pauses=pauses) == oracle.between(start, end), (
            start,
            end,
        )
