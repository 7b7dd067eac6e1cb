from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.accounts.models import User
from loket.organisation.models import Location


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_it_lists_locations_of_a_district(antwerp, api):
    response = api.get("/api/v1/locations/", {"district": "antwerpen"})
    assert response.status_code == 200
    items = response.json()["results"]
    assert {item["district"] for item in items} == {"antwerpen"}
    harmonie = next(item for item in items if item["slug"] == "districtshuis-antwerpen")
    assert harmonie["address"] == "Harmoniepark 1, 2018 Antwerpen"
    assert {"weekday": 3, "opens": "08:30", "closes": "19:00", "by_appointment_only": False} in harmonie[
        "opening_hours"
    ]
    assert isinstance(harmonie["open_now"], bool)


def test_it_filters_locations_by_kind(antwerp, api):
    items = api.get("/api/v1/locations/", {"kind": "self_service"}).json()["results"]
    assert items and {item["kind"] for item in items} == {"self_service"}


@pytest.mark.parametrize("params", [{"district": "atlantis"}, {"kind": "kiosk"}])
def test_it_refuses_unknown_location_filters(antwerp, api, params):
    response = api.get("/api/v1/locations/", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_it_shows_a_location_with_its_special_days(antwerp, api):
    deurne = Location.objects.get(slug="districtshuis-deurne")
    response = api.get(f"/api/v1/locations/{deurne.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["regional"] is True
    assert all({"date", "closed", "periods", "reason"} <= set(day) for day in body["special_days"])


def test_it_answers_404_for_an_unknown_location(antwerp, api):
    assert api.get("/api/v1/locations/999999/").status_code == 404


def test_staff_see_the_teams_of_a_district(antwerp, api):
    api.force_authenticate(User.objects.create_user(username="agent-t", password="x" * 12, role="agent"))
    response = api.get("/api/v1/teams/", {"district": "ekeren", "page_size": 50})
    assert response.status_code == 200
    slugs = {item["slug"] for item in response.json()["results"]}
    assert "ekeren-groen" in slugs and len(slugs) == 6
    city = api.get("/api/v1/teams/", {"level": "city", "page_size": 50}).json()["results"]
    assert {"stad-specialisten", "stad-helpdesk", "stad-contactcenter"} <= {item["slug"] for item in city}


def test_citizens_and_visitors_may_not_list_teams(antwerp, api):
    assert api.get("/api/v1/teams/").status_code in (401, 403)
    api.force_authenticate(User.objects.create_user(username="burger-t", password="x" * 12, role="citizen"))
    assert api.get("/api/v1/teams/").status_code == 403


def test_it_refuses_an_unknown_team_level(antwerp, api):
    api.force_authenticate(User.objects.create_user(username="agent-u", password="x" * 12, role="agent"))
    assert api.get("/api/v1/teams/", {"level": "provincie"}).status_code == 400
