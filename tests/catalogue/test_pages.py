from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

TUESDAY_10H = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def test_the_home_page_has_search_popular_services_and_the_channel_policy(client, catalogue):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html and "Identiteitskaart (eID)" in html
    assert "Eerst digitaal." in html and "Deurne" in html


def test_the_search_page_lists_the_best_match_first(client, catalogue):
    html = client.get("/zoeken/", {"q": "we gaan verhuizen"}).content.decode()
    assert html.index("Adreswijziging") < html.index("</ol>")


def test_the_search_page_answers_htmx_with_the_results_only(client, catalogue):
    response = client.get("/zoeken/", {"q": "trouwen"}, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode() and "Huwelijk" in response.content.decode()


def test_a_search_without_results_points_to_the_contact_centre(client, catalogue):
    html = client.get("/zoeken/", {"q": "xyzzy" * 100}).content.decode()
    assert "Geen diensten gevonden" in html and "03 22 11 333" in html


def test_the_service_page_shows_the_facts_and_the_advice(client, catalogue):
    with time_machine.travel(TUESDAY_10H, tick=False):
        html = client.get("/diensten/adreswijziging/").content.decode()
    assert "Waarom dit kanaal?" in html and "Online via het e-loket" in html
    assert html.index("Online via het e-loket") < html.index("Telefonisch via het contactcenter")


def test_the_advice_form_reorders_the_channels(client, catalogue):
    html = client.get("/diensten/adreswijziging/", {"not_digital": "on", "district": "deurne"}).content.decode()
    assert html.index("Telefonisch via het contactcenter") < html.index("Online via het e-loket")
    assert html.index("Districtshuis Deurne") < html.index("Districtshuis Merksem")


def test_the_service_page_refuses_an_unknown_district_and_an_unknown_service(client, catalogue):
    assert client.get("/diensten/adreswijziging/", {"district": "gent"}).status_code == 400
    assert client.get("/diensten/bestaat-niet/").status_code == 404


def test_the_register_page_shows_district_and_city_matters(client, catalogue):
    html = client.get("/bevoegdheden/").content.decode()
    assert "Lokale parken en groenvoorzieningen" in html and "Stad: Mobiliteit" in html
