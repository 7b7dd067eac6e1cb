"""A citizen finds a service in their own words and is steered to the right channel."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import assert_accessible


def test_a_citizen_finds_the_identity_card_from_their_own_words(page, demo_site):
    page.goto(demo_site + "/")
    assert_accessible(page, context="home")
    page.get_by_label("Zoek een dienst").fill("ik ben mijn identiteitskaart kwijt")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/**")
    first_result = page.locator("#zoekresultaten a").first
    assert "Identiteitskaart" in first_result.inner_text()
    assert_accessible(page, context="search results")
    first_result.click()
    page.wait_for_url("**/diensten/identiteitskaart/")
    expect(page.get_by_role("heading", name="Hoe regelt u het?")).to_be_visible()
    assert_accessible(page, context="service page")


def test_the_advice_puts_the_phone_first_for_someone_who_cannot_work_digitally(page, demo_site):
    page.goto(demo_site + "/diensten/adreswijziging/")
    first = page.locator(".channel-list > li").first
    assert "e-loket" in first.inner_text().lower()
    page.get_by_label("Ik kan niet digitaal werken").check()
    page.get_by_role("button", name="Toon het advies").click()
    first = page.locator(".channel-list > li").first
    assert "contactcenter" in first.inner_text().lower()
    assert_accessible(page, context="service page with advice for a non-digital citizen")


def test_search_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    page = context.new_page()
    try:
        page.goto(demo_site + "/")
        page.get_by_label("Zoek een dienst").fill("we gaan verhuizen")
        page.get_by_role("button", name="Zoeken").click()
        assert "Adreswijziging" in page.locator("#zoekresultaten a").first.inner_text()
    finally:
        context.close()


def test_the_competences_register_is_accessible(page, demo_site):
    page.goto(demo_site + "/bevoegdheden/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, context="competences register")
