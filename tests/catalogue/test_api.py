from __future__ import annotations

import pytest
from rest_framework.test import APIClient

DEURNE = {"lat": "51.2194", "lon": "4.4646"}
HOBOKEN = {"lat": "51.1758", "lon": "4.3480"}


@pytest.fixture
def api():
    return APIClient()


def test_the_service_list_puts_the_best_match_first(api, catalogue):
    response = api.get("/api/v1/services/", {"q": "ik ben mijn identiteitskaart kwijt"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["slug"] == "identiteitskaart"
    assert first["level"] == "city" and first["topic"] == "identiteitsdocumenten"
    assert first["channels"] == {"online": False, "phone": False, "counter": "appointment"}
    assert first["url"].endswith("/diensten/identiteitskaart/")


def test_without_a_query_the_list_is_alphabetical_and_filterable(api, catalogue):
    names = [item["name"] for item in api.get("/api/v1/services/", {"page_size": 100}).json()["results"]]
    assert names == sorted(names)
    items = api.get("/api/v1/services/", {"level": "district", "online": "1"}).json()["results"]
    assert items and all(item["level"] == "district" and item["channels"]["online"] for item in items)
    items = api.get("/api/v1/services/", {"q": "uittreksel", "topic": "burgerlijke-stand"}).json()["results"]
    assert {item["topic"] for item in items} == {"burgerlijke-stand"}


def test_the_service_list_refuses_bad_filters(api, catalogue):
    response = api.get("/api/v1/services/", {"level": "provincie", "online": "misschien"})
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"level", "online"}


def test_a_service_has_its_details(api, catalogue):
    data = api.get("/api/v1/services/adreswijziging/").json()
    assert data["name"].startswith("Adreswijziging")
    assert data["documents"] and "verhuizen" in data["synonyms"]
    assert any(loc["slug"] == "districtshuis-deurne" for loc in data["locations"])


def test_an_unknown_service_is_not_found(api, catalogue):
    response = api.get("/api/v1/services/bestaat-niet/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert api.get("/api/v1/services/bestaat-niet/channel-advice/").status_code == 404


def test_the_channel_advice_follows_what_the_citizen_says(api, catalogue):
    digital = api.get("/api/v1/services/adreswijziging/channel-advice/").json()
    assert [o["channel"] for o in digital["options"]] == ["online", "phone", "counter"]
    steered = api.get("/api/v1/services/adreswijziging/channel-advice/", {"digital": "0", "district": "merksem"}).json()
    assert [o["channel"] for o in steered["options"]] == ["phone", "counter", "online"]
    counter = steered["options"][1]
    assert counter["locations"][0]["slug"] == "districtshuis-merksem"
    assert {"open_now", "open_today", "hours_today", "next_opening", "accessible"} <= set(counter["locations"][0])
    assert all(option["why"] for option in steered["options"])


def test_the_channel_advice_refuses_bad_parameters(api, catalogue):
    response = api.get("/api/v1/services/adreswijziging/channel-advice/", {"digital": "soms"})
    assert response.status_code == 400
    response = api.get("/api/v1/services/adreswijziging/channel-advice/", {"district": "gent"})
    assert response.status_code == 400 and "district" in response.json()["error"]["details"]


def test_the_topics_list_the_register(api, catalogue):
    data = api.get("/api/v1/topics/", {"page_size": 100}).json()
    topics = {t["slug"]: t for t in data["results"]}
    assert topics["cultuur"]["level"] == "district" and len(topics["cultuur"]["competences"]) == 10
    assert topics["mobiliteit"]["competences"] == [
        {"district": None, "team": {"slug": "stad-mobiliteit", "name": "Stad: Mobiliteit"}}
    ]


def test_the_competence_lookup_answers_per_district_and_for_the_city(api, catalogue):
    deurne = api.get("/api/v1/competences/lookup/", {"topic": "lokale-feestelijkheden", **DEURNE}).json()
    assert deurne["level"] == "district"
    assert deurne["district"]["slug"] == "deurne" and deurne["team"]["slug"] == "deurne-evenementen"
    hoboken = api.get("/api/v1/competences/lookup/", {"topic": "lokale-feestelijkheden", **HOBOKEN}).json()
    assert hoboken["team"]["slug"] == "hoboken-evenementen"
    city = api.get("/api/v1/competences/lookup/", {"topic": "straatverlichting", **HOBOKEN}).json()
    assert city["level"] == "city" and city["district"] is None and city["team"]["slug"] == "stad-openbare-verlichting"
    by_postcode = api.get("/api/v1/competences/lookup/", {"topic": "jeugd", "postcode": "2660"}).json()
    assert by_postcode["district"]["slug"] == "hoboken"


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"topic": "kernenergie", **DEURNE}, 404, "not_found"),
        ({"topic": "jeugd", "lat": "51.589", "lon": "4.776"}, 404, "outside_city"),
        ({"topic": "jeugd"}, 400, "invalid"),
        ({"topic": "jeugd", "lat": "91", "lon": "4.4"}, 400, "invalid"),
        ({"topic": "jeugd", "lat": "51.2"}, 400, "invalid"),
        ({"topic": "jeugd", "postcode": "abc"}, 400, "invalid"),
        ({"lat": "51.2", "lon": "4.4"}, 400, "invalid"),
    ],
)
def test_the_competence_lookup_refuses_bad_input(api, catalogue, params, status, code):
    response = api.get("/api/v1/competences/lookup/", params)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
