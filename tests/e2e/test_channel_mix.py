"""A manager opens the channel mix from the start page and changes the grouping."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import assert_accessible, login


def test_a_manager_reads_the_channel_mix_per_service_then_per_district(page, demo_site):
    login(page, demo_site, "manager")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Kanaalmix").click()
    page.wait_for_url("**/sturing/kanaalmix/")
    expect(page.get_by_role("heading", level=1, name="Kanaalmix")).to_be_visible()
    cases = page.get_by_role("table", name="Zaken per kanaal, per dienst")
    expect(cases.get_by_role("columnheader", name="e-loket")).to_be_visible()
    expect(cases.get_by_role("rowheader", name="Zonder dienst")).to_be_visible()  # the demo's cases name a topic only
    assert_accessible(page, context="channel mix per service")

    page.get_by_label("Indelen per").select_option("district")
    page.get_by_role("button", name="Toon de kanaalmix").click()
    page.wait_for_url("**/sturing/kanaalmix/?*group_by=district*")
    cases = page.get_by_role("table", name="Zaken per kanaal, per district")
    expect(cases.get_by_role("columnheader", name="District")).to_be_visible()
    expect(cases.get_by_role("rowheader", name="Deurne")).to_be_visible()
    contacts = page.get_by_role("table", name="Contactmomenten per kanaal, per district")
    expect(contacts.get_by_role("rowheader", name="Totaal")).to_be_visible()
    assert_accessible(page, context="channel mix per district")

    page.get_by_role("textbox", name="Tot en met").fill("2020-01-01")
    page.get_by_role("button", name="Toon de kanaalmix").click()
    expect(page.get_by_text("Het einde van de periode ligt voor het begin.")).to_be_visible()
    assert_accessible(page, context="channel mix with a bad period")
