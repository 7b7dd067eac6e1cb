from __future__ import annotations

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_it_locates_a_point(antwerp, api):
    response = api.get("/api/v1/districts/locate/", {"lat": "51.2137", "lon": "4.4393"})
    assert response.status_code == 200
    assert response.json() == {"district": {"slug": "borgerhout", "name": "Borgerhout"}, "method": "point"}


def test_a_point_wins_over_the_postcode(antwerp, api):
    response = api.get("/api/v1/districts/locate/", {"lat": "51.2137", "lon": "4.4393", "postcode": "2000"})
    assert response.json()["district"]["slug"] == "borgerhout"
    assert response.json()["method"] == "point"


def test_it_locates_a_postcode_and_an_address(antwerp, api):
    by_postcode = api.get("/api/v1/districts/locate/", {"postcode": "2660"}).json()
    by_address = api.get("/api/v1/districts/locate/", {"address": "Aalmoezenierstraat 12, 2000 Antwerpen"}).json()
    assert by_postcode == {"district": {"slug": "hoboken", "name": "Hoboken"}, "method": "postcode"}
    assert by_address == {"district": {"slug": "antwerpen", "name": "Antwerpen"}, "method": "address"}


@pytest.mark.parametrize("params", [{"lat": "50.85", "lon": "4.35"}, {"postcode": "1000"}])
def test_it_answers_outside_city_with_404(antwerp, api, params):
    response = api.get("/api/v1/districts/locate/", params)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "outside_city"


def test_it_answers_404_for_an_address_it_cannot_find(antwerp, api):
    response = api.get("/api/v1/districts/locate/", {"address": "Nergensstraat 1"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "address_not_found"


def test_borsbeek_is_located_only_from_2025(antwerp, api):
    point = {"lat": "51.1930", "lon": "4.4870"}
    assert api.get("/api/v1/districts/locate/", {**point, "date": "2024-06-01"}).status_code == 404
    response = api.get("/api/v1/districts/locate/", {**point, "date": "2025-06-01"})
    assert response.json()["district"]["slug"] == "borsbeek"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"lat": "51.2"},
        {"lat": "abc", "lon": "4.4"},
        {"lat": "91", "lon": "4.4"},
        {"lat": "51.2", "lon": "-181"},
        {"lat": "nan", "lon": "4.4"},
        {"lat": "51.2", "lon": "inf"},
        {"postcode": "20"},
        {"lat": "51.2", "lon": "4.4", "date": "gisteren"},
        {"address": "x" * 201},
    ],
)
def test_it_refuses_bad_input_with_400(antwerp, api, params):
    response = api.get("/api/v1/districts/locate/", params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_it_needs_no_database_query_when_warm(antwerp, api, django_assert_num_queries):
    api.get("/api/v1/districts/locate/", {"lat": "51.2137", "lon": "4.4393"})
    with django_assert_num_queries(0):
        response = api.get("/api/v1/districts/locate/", {"lat": "51.2211", "lon": "4.3997"})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
