"""A district proposes an agenda item; the helpdesk puts it on the agenda and records the decision."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import assert_accessible, login


def test_a_proposal_becomes_an_agenda_item_with_a_decision(page, demo_site):
    login(page, demo_site, "coordinator-berchem")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Overleg", exact=True).click()
    page.wait_for_url("**/overleg/")
    assert_accessible(page, context="meeting list")
    page.get_by_role("link", name="Overleg districtsvoorzitters (komende maand)").click()
    page.get_by_label("Titel van het agendapunt").fill("Veiligheid rond de Kiel-scholen")
    page.get_by_label("Toelichting").fill("Graag afstemming met de politiezone.")
    page.get_by_role("button", name="Stel voor").click()
    expect(page.get_by_text("Je voorstel staat klaar")).to_be_visible()
    assert_accessible(page, context="meeting page for a district")

    page.context.clear_cookies()
    login(page, demo_site, "helpdesk")
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/overleg/")
    page.get_by_role("link", name="Overleg districtsvoorzitters (komende maand)").click()
    page.get_by_role("button", name="Aanvaard: Veiligheid rond de Kiel-scholen").click()
    expect(page.get_by_role("heading", level=3, name="Veiligheid rond de Kiel-scholen")).to_be_visible()
    page.get_by_label("Beslissing").first.fill("De districten en de politie maken een plan.")
    page.get_by_role("button", name="Bewaar verslag").first.click()
    expect(page.get_by_text("De districten en de politie maken een plan.").first).to_be_visible()
    assert_accessible(page, context="meeting page for the helpdesk")
