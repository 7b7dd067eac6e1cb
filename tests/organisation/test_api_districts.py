from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_it_lists_the_districts_valid_today(antwerp, api):
    response = api.get("/api/v1/districts/", {"page_size": 50})
    assert response.status_code == 200
    items = response.json()["results"]
    assert len(items) == 10
    deurne = next(item for item in items if item["slug"] == "deurne")
    assert deurne["postcodes"] == ["2100"]
    assert deurne["district_house"]["address"] == "Maurice Dequeeckerplein 1, 2100 Antwerpen"
    assert deurne["url"].endswith("/api/v1/districts/deurne/")
    assert set(deurne) >= {"slug", "name", "postcodes", "valid_from", "valid_until", "district_house", "url"}


def test_it_lists_the_districts_valid_on_a_given_date(antwerp, api):
    before = [item["slug"] for item in api.get("/api/v1/districts/?date=2024-06-01&page_size=50").json()["results"]]
    after = [item["slug"] for item in api.get("/api/v1/districts/?date=2025-06-01&page_size=50").json()["results"]]
    assert "borsbeek" not in before and len(before) == 9
    assert "borsbeek" in after and len(after) == 10


def test_it_refuses_a_malformed_date(antwerp, api):
    response = api.get("/api/v1/districts/?date=1-juni")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_it_shows_one_district_with_its_boundary(antwerp, api):
    response = api.get("/api/v1/districts/borgerhout/")
    assert response.status_code == 200
    body = response.json()
    assert body["boundary"]["type"] == "Polygon"
    assert body["district_house"]["slug"] == "districtshuis-borgerhout"


def test_it_answers_404_in_json_for_an_unknown_district(antwerp, api):
    response = api.get("/api/v1/districts/atlantis/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
