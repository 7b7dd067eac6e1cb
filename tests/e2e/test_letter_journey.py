"""A district writes to the city and the helpdesk registers the city's reply: a letter to its reply."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login


def test_a_districts_letter_is_registered_and_answered(page, demo_site):
    login(page, demo_site, "coordinator-berchem")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Brief registreren").click()
    page.wait_for_url("**/brieven/nieuw/")
    assert_accessible(page, context="letter form")

    page.get_by_label("Afzender").select_option("district_council:berchem")
    page.get_by_label("Bestemmelingen").select_option(["city_college"])
    page.get_by_label("Onderwerp").fill("Verkeersveiligheid aan de schoolpoorten")
    page.get_by_label("Tekst", exact=True).fill("Geachte college,\n\nDe districtsraad vraagt maatregelen.")
    page.get_by_label("Er wordt een antwoord verwacht").check()
    page.get_by_label("Antwoordtermijn in werkdagen").fill("15")
    page.get_by_role("button", name="Registreer").click()

    page.wait_for_url(re.compile(r".*/brieven/BRF-\d{4}-\d{6}/$"))
    heading = page.get_by_role("heading", level=1)
    reference = re.match(r"(BRF-\d{4}-\d{6})", heading.inner_text()).group(1)
    expect(page.get_by_text(f"Brief geregistreerd met referentie {reference}.")).to_be_visible()
    assert_accessible(page, context="letter page")

    page.context.clear_cookies()
    login(page, demo_site, "helpdesk")
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/brieven/?wacht=1")
    assert_accessible(page, context="letter list")
    page.get_by_role("link", name=reference).click()
    page.get_by_role("link", name="Antwoord registreren").click()
    page.wait_for_url("**/brieven/nieuw/?antwoord-op=*")
    expect(page.get_by_role("heading", level=1, name=f"Antwoord op {reference} registreren")).to_be_visible()
    page.get_by_label("Tekst", exact=True).fill("Geachte districtsraad,\n\nHet college plant extra controles.")
    page.get_by_role("button", name="Registreer").click()

    page.get_by_role("heading", name="Briefwisseling").wait_for()
    page.get_by_role("list").get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/brieven/{reference}/")
    expect(page.get_by_text("beantwoord", exact=True)).to_be_visible()
