"""A citizen finds their district by address or on the map, and the district and counter pages."""

from __future__ import annotations

from tests.browser import assert_accessible


def test_a_citizen_finds_their_district_by_address(page, demo_site):
    page.goto(demo_site + "/in-welk-district-woon-ik/")
    assert_accessible(page, context="which district")
    page.get_by_label("Adres (straat en huisnummer)").fill("Aalmoezenierstraat 12, 2000 Antwerpen")
    page.get_by_role("button", name="Zoek mijn district").click()
    assert "U woont in district Antwerpen" in page.get_by_role("status").inner_text()
    assert_accessible(page, context="which district, answered")


def test_an_address_outside_the_city_gets_a_clear_answer(page, demo_site):
    page.goto(demo_site + "/in-welk-district-woon-ik/?postcode=1000")
    assert "buiten de stad Antwerpen" in page.get_by_role("status").inner_text()


def test_district_and_counter_pages_are_accessible(page, demo_site):
    page.goto(demo_site + "/districten/")
    assert_accessible(page, context="district list")
    page.get_by_role("link", name="Borgerhout", exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text().endswith("Borgerhout")
    assert "Moorkensplein 1" in page.content()
    assert_accessible(page, context="district page")
    page.goto(demo_site + "/loketten/")
    assert_accessible(page, context="counter list")
    page.locator("main a[href^='/loketten/']").first.click()
    assert_accessible(page, context="counter page")
