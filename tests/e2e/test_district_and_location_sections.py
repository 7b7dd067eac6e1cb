"""Browser checks of the catalogue's sections on organisation pages, with the whole demo loaded."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible

pytestmark = pytest.mark.e2e


def test_a_district_page_with_its_competences_is_accessible(page, demo_site):
    page.goto(demo_site + "/districten/berchem/")
    section = page.get_by_role("region", name="Bevoegdheden van het district")
    expect(section.get_by_role("table").get_by_text("Lokale markten en foren")).to_be_visible()
    expect(section.get_by_role("link", name="Bekijk wie waarvoor bevoegd is")).to_be_visible()
    assert_accessible(page, context="district page with competences")


def test_a_location_page_links_to_the_services_offered_there(page, demo_site):
    page.goto(demo_site + "/loketten/districtshuis-berchem/")
    section = page.get_by_role("region", name="Diensten aan dit loket")
    section.get_by_role("link", name="Adreswijziging (verhuizen)").click()
    page.wait_for_url("**/diensten/adreswijziging/")
    page.go_back()
    assert_accessible(page, context="location page with services")
