from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.accounts.models import Role
from loket.cases.services import case_create
from loket.organisation.models import District
from tests.cases.conftest import BERCHEM_POINT, BRUSSELS_POINT, DEURNE_POINT


def test_a_district_topic_at_a_point_goes_to_that_districts_team(topics, agent):
    case = case_create(
        kind="report",
        title="Bank kapot",
        channel="online",
        actor=agent,
        topic=topics["parks"],
        lat=DEURNE_POINT[0],
        lon=DEURNE_POINT[1],
    )
    assert (case.district.slug, case.team.slug, case.location_district.slug) == ("deurne", "deurne-groen", "deurne")


def test_a_city_topic_goes_to_the_city_team_and_belongs_to_no_district(topics, agent):
    case = case_create(
        kind="report",
        title="Lamp stuk",
        channel="online",
        actor=agent,
        topic=topics["lighting"],
        lat=BERCHEM_POINT[0],
        lon=BERCHEM_POINT[1],
    )
    assert case.team.slug == "stad-openbare-verlichting"
    assert case.district is None
    assert case.location_district.slug == "berchem"


def test_a_service_brings_its_topic(hall_rental, agent):
    berchem = District.objects.get(slug="berchem")
    case = case_create(
        kind="request", title="Zaal", channel="online", actor=agent, service=hall_rental, district=berchem
    )
    assert (case.topic, case.team.slug) == (hall_rental.topic, "berchem-groen")


def test_without_a_place_the_requesting_district_decides(topics, make_user):
    staff = make_user(Role.DISTRICT_STAFF, district="hoboken")
    hoboken = District.objects.get(slug="hoboken")
    case = case_create(
        kind="question",
        title="Wie?",
        channel="internal",
        actor=staff,
        topic=topics["parks"],
        requesting_district=hoboken,
    )
    assert case.team.slug == "hoboken-groen"


def test_a_postcode_in_the_address_locates_the_district(topics, agent):
    case = case_create(
        kind="report",
        title="Bank",
        channel="phone",
        actor=agent,
        topic=topics["parks"],
        address="Kerkstraat 1, 2100 Deurne",
    )
    assert case.team.slug == "deurne-groen"


def test_a_point_outside_the_city_is_refused_and_nothing_is_written(topics, agent):
    with pytest.raises(ValidationError, match="buiten de stad"):
        case_create(
            kind="report",
            title="Bank",
            channel="online",
            actor=agent,
            topic=topics["parks"],
            lat=BRUSSELS_POINT[0],
            lon=BRUSSELS_POINT[1],
        )
    assert not agent.cases.exists()


def test_a_district_topic_without_any_place_is_refused(topics, agent):
    with pytest.raises(ValidationError, match="adres, een punt op de kaart of een district"):
        case_create(kind="report", title="Bank", channel="online", actor=agent, topic=topics["parks"])


def test_a_street_address_is_geocoded_to_its_district(topics, agent):
    case = case_create(
        kind="report",
        title="Bank",
        channel="phone",
        actor=agent,
        topic=topics["parks"],
        address="Aalmoezenierstraat 5, 2000 Antwerpen",
    )
    assert case.team.slug == "antwerpen-groen"
