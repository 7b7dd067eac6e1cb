"""A citizen reports a pothole on the map and follows it; a handler solves it; the citizen reads
"opgelost". Axe on the form, the public map and the handler's queue."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import assert_accessible, login

POINT = (51.2180, 4.4030)  # near the Groenplaats, district Antwerpen


def click_on_map(page, lat: float, lon: float) -> None:
    """Zoom the map to the place as a citizen would, then click on it."""
    page.evaluate("([lat, lon]) => document.getElementById('meldkaart').reportMap.setView([lat, lon], 17)", [lat, lon])
    point = page.evaluate(
        "([lat, lon]) => document.getElementById('meldkaart').reportMap.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    box = page.locator("#meldkaart").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_a_citizen_files_a_report_on_the_map_and_follows_it_to_done(page, demo_site):
    page.goto(f"{demo_site}/melden/")
    expect(page.get_by_role("heading", level=1, name="Iets melden aan de stad")).to_be_visible()
    page.locator("#meldkaart path").first.wait_for()
    assert page.locator("#meldkaart path").count() >= 10  # the district boundaries, no tiles
    assert page.locator("#meldkaart .leaflet-tile").count() == 0
    assert_accessible(page, context="report form")

    click_on_map(page, *POINT)
    assert page.locator("#kaart-status").inner_text().startswith("Gekozen plaats:")
    assert abs(float(page.locator("input[name=lat]").input_value()) - POINT[0]) < 0.0002
    page.get_by_label("Beschrijf het probleem").fill("Diepe put in de rijweg, fietsers moeten uitwijken.")
    page.get_by_label("Wat wilt u melden?").select_option("weg.put")
    page.get_by_label("Uw e-mailadres (niet verplicht)").fill("piet@example.be")
    assert_accessible(page, context="report form filled in")
    page.get_by_role("button", name="Verstuur mijn melding").click()

    page.wait_for_url("**/melden/bedankt/**")
    expect(page.get_by_role("heading", level=1, name="Bedankt voor uw melding")).to_be_visible()
    reference = page.locator("strong").filter(has_text="MLD-").inner_text()
    assert "Antwerpen: Publiek domein" in page.content()
    page.locator("#volglink").click()
    page.wait_for_url("**/meldingen/**")
    assert page.locator("#meldingstatus").inner_text() == "ontvangen"
    follow_url = page.url

    page.goto(f"{demo_site}/meldingen/")
    expect(page.get_by_role("link", name=reference)).to_be_visible()
    assert_accessible(page, context="public map and list")

    login(page, demo_site, "backoffice")
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/meldingen/behandelen/?team=")
    expect(page.get_by_role("heading", level=1, name="Meldingen behandelen")).to_be_visible()
    assert_accessible(page, context="handler queue")
    page.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/zaken/{reference}/")
    expect(page.get_by_role("heading", level=2, name="Melding")).to_be_visible()
    page.get_by_label("Nieuwe status").select_option("done")
    page.get_by_label("Toelichting (optioneel)").fill("De put is gevuld.")
    page.get_by_label("De burger ziet deze toelichting").check()
    page.get_by_role("button", name="Wijzig de status").click()
    expect(page.get_by_text("De status is nu 'opgelost'.")).to_be_visible()
    page.get_by_role("button", name="Afmelden").click()

    page.goto(follow_url)
    assert page.locator("#meldingstatus").inner_text() == "opgelost"
    expect(page.get_by_text("De put is gevuld.")).to_be_visible()
    assert_accessible(page, context="public page of a solved report")
