from __future__ import annotations

import pytest
from django.test import Client

from loket.organisation import hooks
from loket.organisation.hooks import PageSection


@pytest.fixture
def client() -> Client:
    return Client()


def test_the_district_list_shows_every_district(antwerp, client):
    response = client.get("/districten/")
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("Berendrecht-Zandvliet-Lillo", "Borsbeek", "Wilrijk"):
        assert name in body
    assert 'id="deurne"' in body


def test_a_district_page_shows_its_house_hours_contact_and_teams(antwerp, client):
    response = client.get("/districten/deurne/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Maurice Dequeeckerplein 1" in body
    assert "08:30\u201319:00" in body
    assert "district.deurne@antwerpen.be" in body
    assert "(fictief, demo)" in body
    assert "Deurne: Publiek domein" in body


def test_other_apps_can_add_a_section_to_a_district_page(antwerp, client, monkeypatch):
    monkeypatch.setattr(hooks, "_district_sections", [])
    section = PageSection(title="Bevoegdheden van het district", template="organisation/_periods.html")
    hooks.register_district_section(lambda district: section)
    assert "Bevoegdheden van het district" in client.get("/districten/hoboken/").content.decode()


def test_an_unknown_district_page_is_404(antwerp, client):
    assert client.get("/districten/atlantis/").status_code == 404


def test_the_location_list_groups_the_counters(antwerp, client):
    body = client.get("/loketten/").content.decode()
    assert "Stadsloket Linkeroever" in body and "Zelfbedieningspunt Groenplaats" in body
    assert "Regionaal loket met ruimere openingsuren" in body


def test_a_location_page_shows_hours_and_status(antwerp, client):
    response = client.get("/loketten/districtshuis-borgerhout/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Moorkensplein 1, 2140 Antwerpen" in body
    assert "Nu open" in body or "Nu gesloten" in body
    assert "Sluitingsdagen" in body


def test_an_unknown_location_page_is_404(antwerp, client):
    assert client.get("/loketten/nergens/").status_code == 404


def test_which_district_answers_an_address(antwerp, client):
    body = client.get(
        "/in-welk-district-woon-ik/", {"address": "Aalmoezenierstraat 12, 2000 Antwerpen"}
    ).content.decode()
    assert "U woont in district <strong>Antwerpen</strong>" in body
    assert "/districten/antwerpen/" in body


def test_which_district_answers_a_postcode_and_a_map_click(antwerp, client):
    by_postcode = client.get("/in-welk-district-woon-ik/", {"postcode": "2180"}).content.decode()
    by_click = client.get("/in-welk-district-woon-ik/", {"lat": "51.2480", "lon": "4.4450"}).content.decode()
    assert "<strong>Ekeren</strong>" in by_postcode
    assert "<strong>Merksem</strong>" in by_click


def test_which_district_says_outside_the_city_or_not_found(antwerp, client):
    outside = client.get("/in-welk-district-woon-ik/", {"lat": "50.85", "lon": "4.35"}).content.decode()
    unknown = client.get("/in-welk-district-woon-ik/", {"address": "Nergensstraat 1"}).content.decode()
    assert "Dit adres ligt buiten de stad Antwerpen." in outside
    assert "Adres niet gevonden." in unknown


def test_which_district_shows_the_form_and_the_map(antwerp, client):
    body = client.get("/in-welk-district-woon-ik/").content.decode()
    assert 'name="address"' in body and "<svg" in body and body.count("<path") == 10


@pytest.mark.parametrize("params", [{"postcode": "20"}, {"lat": "abc", "lon": "4.4"}, {"address": ""}])
def test_which_district_refuses_bad_input(antwerp, client, params):
    response = client.get("/in-welk-district-woon-ik/", params)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()


def test_the_map_uses_decimal_points_whatever_the_language(antwerp, client):
    body = client.get("/in-welk-district-woon-ik/").content.decode()
    view_box = body.split('viewBox="', 1)[1].split('"', 1)[0]
    assert "," not in view_box


def test_other_apps_can_add_a_section_to_a_location_page(antwerp, client, monkeypatch):
    monkeypatch.setattr(hooks, "_location_sections", [])
    section = PageSection(title="Diensten aan dit loket", template="organisation/_periods.html")
    hooks.register_location_section(lambda location: section)
    hooks.register_location_section(lambda location: None)  # a provider may have nothing to add
    body = client.get("/loketten/districtshuis-deurne/").content.decode()
    assert body.count('class="location-section"') == 1 and "Diensten aan dit loket" in body
