from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from loket.catalogue.channels import channel_advice
from loket.catalogue.models import Service
from loket.organisation.models import District, Location

BRUSSELS = ZoneInfo("Europe/Brussels")
TUESDAY_10H = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS)
ARMISTICE_10H = dt.datetime(2026, 11, 11, 10, 0, tzinfo=BRUSSELS)  # a Wednesday and a public holiday
SUNDAY_10H = dt.datetime(2026, 12, 6, 10, 0, tzinfo=BRUSSELS)


def channels(advice) -> list[str]:
    return [option.channel for option in advice]


def test_a_digital_citizen_is_sent_online_first_then_phone_then_counter(catalogue):
    advice = channel_advice(service=Service.objects.get(slug="adreswijziging"), at=TUESDAY_10H)
    assert channels(advice) == ["online", "phone", "counter"]
    assert all(option.why for option in advice)


def test_a_citizen_who_cannot_work_digitally_is_steered_to_the_phone_first(catalogue):
    service = Service.objects.get(slug="adreswijziging")
    assert channels(channel_advice(service=service, can_use_digital=False, at=TUESDAY_10H)) == [
        "phone",
        "counter",
        "online",
    ]
    assert channels(channel_advice(service=service, needs_help=True, at=TUESDAY_10H))[0] == "phone"


def test_a_counter_only_service_gets_the_counter_first(catalogue):
    advice = channel_advice(service=Service.objects.get(slug="identiteitskaart"), at=TUESDAY_10H)
    assert channels(advice) == ["counter"]
    assert advice[0].appointment_needed
    assert "alleen aan het loket" in advice[0].why


def test_the_citizens_own_district_house_comes_first(catalogue):
    deurne = District.objects.get(slug="deurne")
    advice = channel_advice(service=Service.objects.get(slug="identiteitskaart"), district=deurne, at=TUESDAY_10H)
    first = advice[0].locations[0]
    assert first.location.slug == "districtshuis-deurne" and first.in_citizen_district


def test_with_reduced_mobility_accessible_locations_come_first_and_home_visits_are_mentioned(catalogue):
    Location.objects.filter(slug="districtshuis-deurne").update(accessible=False)
    deurne = District.objects.get(slug="deurne")
    service = Service.objects.get(slug="identiteitskaart")
    advice = channel_advice(service=service, district=deurne, reduced_mobility=True, at=TUESDAY_10H)
    counter = advice[0]
    assert counter.locations[0].accessible
    assert "huisbezoek" in counter.why


def test_it_tells_which_counters_are_open_today_on_a_working_day(catalogue):
    with time_machine.travel(TUESDAY_10H, tick=False):
        (counter,) = channel_advice(service=Service.objects.get(slug="identiteitskaart"))
    by_slug = {a.location.slug: a for a in counter.locations}
    deurne = by_slug["districtshuis-deurne"]  # a regional counter, open on Tuesday 8:30-16:00
    assert deurne.open_now and deurne.open_today
    assert deurne.hours_today == [(dt.time(8, 30), dt.time(16, 0))]
    ekeren = by_slug["districtshuis-ekeren"]  # open on Monday and Wednesday only
    assert not ekeren.open_today
    assert ekeren.next_opening == dt.datetime(2026, 12, 2, 8, 30, tzinfo=BRUSSELS)


def test_everything_is_closed_on_a_public_holiday(catalogue):
    with time_machine.travel(ARMISTICE_10H, tick=False):
        advice = channel_advice(service=Service.objects.get(slug="adreswijziging"))
    phone, counter = advice[1], advice[2]
    assert not phone.open_now and phone.closed_reason == "Wapenstilstand"
    assert phone.next_opening == dt.datetime(2026, 11, 12, 9, 0, tzinfo=BRUSSELS)
    assert not counter.open_now
    assert all(not a.open_today and a.closed_reason == "Wapenstilstand" for a in counter.locations)


def test_the_contact_centre_is_closed_at_the_weekend(catalogue):
    advice = channel_advice(service=Service.objects.get(slug="grofvuil"), at=SUNDAY_10H)
    assert channels(advice) == ["online", "phone"]
    assert advice[1].open_now is False
    assert advice[1].next_opening == dt.datetime(2026, 12, 7, 9, 0, tzinfo=BRUSSELS)
