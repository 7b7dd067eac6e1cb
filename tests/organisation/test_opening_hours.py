from __future__ import annotations

import datetime as dt
import zoneinfo

from loket.organisation.models import Location, OpeningException
from loket.organisation.selectors import (
    location_day_hours,
    location_is_open,
    location_next_opening,
    location_upcoming_closures,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BRUSSELS)


def test_a_regional_counter_follows_its_weekly_pattern(antwerp):
    deurne = Location.objects.get(slug="districtshuis-deurne")
    thursday = location_day_hours(location=deurne, day=dt.date(2026, 12, 3))
    assert thursday.periods == [(dt.time(8, 30), dt.time(19, 0))]
    assert location_is_open(location=deurne, at=at(2026, 12, 3, 18, 30))
    assert not location_is_open(location=deurne, at=at(2026, 12, 6, 10, 0))  # Sunday


def test_a_public_holiday_closes_every_location(antwerp):
    for location in Location.objects.all():
        hours = location_day_hours(location=location, day=dt.date(2026, 12, 25))
        assert hours.is_closed and hours.closed_reason == "Kerstmis"
        assert not location_is_open(location=location, at=at(2026, 12, 25, 10, 0))


def test_a_closure_entered_by_staff_overrides_the_weekly_pattern(antwerp):
    wilrijk = Location.objects.get(slug="districtshuis-wilrijk")
    OpeningException.objects.create(location=wilrijk, date=dt.date(2026, 12, 2), reason="Verhuis van het loket")
    hours = location_day_hours(location=wilrijk, day=dt.date(2026, 12, 2))
    assert hours.is_closed and hours.closed_reason == "Verhuis van het loket"
    assert not location_is_open(location=wilrijk, at=at(2026, 12, 2, 10, 0))
    assert location_next_opening(location=wilrijk, after=at(2026, 12, 2, 10, 0)) == at(2026, 12, 3, 8, 30)


def test_other_hours_entered_by_staff_replace_the_day(antwerp):
    deurne = Location.objects.get(slug="districtshuis-deurne")
    hours = location_day_hours(location=deurne, day=dt.date(2026, 12, 24))
    assert hours.periods == [(dt.time(8, 30), dt.time(12, 0))]
    assert hours.note.startswith("Kerstavond")


def test_the_next_opening_skips_the_christmas_holiday(antwerp):
    deurne = Location.objects.get(slug="districtshuis-deurne")
    # Thursday 24 December after noon: closed; Friday 25 is Christmas; Saturday 26 opens at 9:00.
    assert location_next_opening(location=deurne, after=at(2026, 12, 24, 13, 0)) == at(2026, 12, 26, 9, 0)


def test_the_next_opening_is_none_for_a_location_without_hours(antwerp):
    empty = Location.objects.create(
        slug="leeg", name="Leeg", kind="self_service", street="X", number="1", postcode="2000"
    )
    assert location_next_opening(location=empty, after=at(2026, 12, 1, 9, 0)) is None


def test_upcoming_closures_list_holidays_and_exceptions(antwerp):
    deurne = Location.objects.get(slug="districtshuis-deurne")
    days = [day for day, _ in location_upcoming_closures(location=deurne, start=dt.date(2026, 12, 1), days=40)]
    assert days == [dt.date(2026, 12, 24), dt.date(2026, 12, 25), dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
