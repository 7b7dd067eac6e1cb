"""The knowledge base in the browser: results appear while typing, an article answers, votes count."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import assert_accessible, login


def test_results_appear_while_an_agent_types(page, demo_site):
    login(page, demo_site, "agent")
    page.wait_for_url("**/start/")
    page.goto(demo_site + "/kennisbank/")
    assert_accessible(page, context="knowledge base, empty")
    page.get_by_label("Zoek in de kennisbank").press_sequentially("straatfe", delay=40)
    results = page.locator("#kennisbank-resultaten")
    results.get_by_role("link", name="Straatfeest organiseren: wie geeft de toelating?").wait_for()
    assert "q=straatfe" in page.url  # the address follows the search, so a reload shows the same results
    assert_accessible(page, context="knowledge base, results while typing")
    # Internal answers are there for staff, marked as such.
    page.get_by_label("Zoek in de kennisbank").fill("pincode vergeten")
    results.get_by_role("link", name="PIN-code van de identiteitskaart vergeten").wait_for()
    assert "intern" in results.inner_text()


def test_a_citizen_reads_an_answer_and_says_it_helped(page, demo_site):
    page.goto(demo_site + "/kennisbank/")
    page.get_by_label("Zoek in de kennisbank").press_sequentially("geboorte aangeven", delay=30)
    link = page.locator("#kennisbank-resultaten").get_by_role("link", name="Geboorte aangeven: binnen 15 dagen")
    link.click()
    page.wait_for_url("**/kennisbank/*/")
    expect(page.get_by_role("heading", name="Rechtsgrond en verwijzingen")).to_be_visible()
    assert_accessible(page, context="a public article")
    page.get_by_role("button", name="Ja").click()
    page.get_by_text("Bedankt voor uw antwoord.").wait_for()
    assert "1 keer nuttig" in page.locator("#nuttig").inner_text()
    assert_accessible(page, context="an article after voting")


def test_the_search_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    page = context.new_page()
    try:
        page.goto(demo_site + "/kennisbank/")
        page.get_by_label("Zoek in de kennisbank").fill("container verbouwing")
        page.get_by_role("button", name="Zoeken").click()
        assert "Container op straat voor een verbouwing" in page.locator("#kennisbank-resultaten").inner_text()
    finally:
        context.close()
