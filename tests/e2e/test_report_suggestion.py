"""The report form's helpers in a browser: a citizen types what is wrong, picks one of the
suggested categories and files the report with it; and a neighbour who is pointed to an open
report ("volg het in de plaats") follows it only after confirming the mailed link. Axe on the form
with the suggestions shown, the report's page and the confirmation page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible
from tests.e2e.test_report_journey import POINT, click_on_map

pytestmark = pytest.mark.e2e


@pytest.fixture
def report_site(live_server, transactional_db, settings, tmp_path):
    """The live server with the districts, teams and report categories only (no full demo)."""
    from loket.organisation import demo
    from loket.reports.categories import categories_load
    from loket.reports.suggestion.store import model_forget

    settings.REPORTS_SUGGEST_MODEL_DIR = tmp_path / "models"  # the packaged model serves
    model_forget()
    demo.load(log=lambda line: None)
    categories_load()
    return str(live_server.url)


def test_a_citizen_picks_a_suggested_category_while_typing_and_files_the_report_with_it(page, report_site):
    from loket.reports.models import Report

    page.goto(f"{report_site}/melden/")
    page.locator("#meldkaart path").first.wait_for()
    click_on_map(page, *POINT)
    expect(page.locator("#kaart-status")).to_contain_text("Gekozen plaats:")
    description = page.get_by_label("Beschrijf het probleem")
    description.press_sequentially("De lantaarnpaal in onze straat brandt al een week")

    suggestions = page.locator("#category-suggestions button[data-suggested-category]")
    expect(suggestions).to_have_count(3)  # "defect", "overdag", "paal": each at least 1 %
    for text in suggestions.all_inner_texts():
        assert re.search(r"\d+ % zeker", text), text
    lamp = suggestions.filter(has_text="Straatlamp defect")
    expect(lamp).to_be_visible()
    assert_accessible(page, context="report form with suggestions")

    lamp.click()
    category = page.get_by_label("Wat wilt u melden?")
    expect(category).to_have_value("verlichting.defect")
    expect(category).to_be_focused()

    page.get_by_role("button", name="Verstuur mijn melding").click()

    page.wait_for_url("**/melden/bedankt/**")
    reference = page.locator("strong").filter(has_text="MLD-").inner_text()
    report = Report.objects.select_related("category", "case").get(case__reference=reference)
    assert report.category.code == "verlichting.defect"
    assert report.category_source == "citizen"
    assert report.description.startswith("De lantaarnpaal")
    assert_accessible(page, context="thanks page")


def test_a_neighbour_follows_a_report_only_after_confirming_the_mailed_link(page, report_site):
    from django.core import mail

    from loket.reports.models import Follower
    from loket.reports.services import report_submit

    report = report_submit(category_code="weg.put", description="Diepe put in de rijweg.", lat=POINT[0], lon=POINT[1])
    mail.outbox.clear()
    page.goto(f"{report_site}/meldingen/{report.public_token}/")
    page.get_by_label("Uw e-mailadres").fill("buur@example.be")
    page.get_by_role("button", name="Volg deze melding").click()
    expect(page.get_by_text("Bevestig het volgen met die link")).to_be_visible()
    assert_accessible(page, context="report page after asking to follow")
    assert Follower.objects.get(email="buur@example.be").confirmed_at is None

    [message] = mail.outbox
    link = re.search(r"/meldingen/\S+/volgen/bevestigen/\S+/", message.body)
    assert link, message.body
    page.goto(report_site + link.group(0))
    expect(page.get_by_role("heading", level=1, name="Bevestig dat u deze melding volgt")).to_be_visible()
    assert_accessible(page, context="follow confirmation page")
    page.get_by_role("button", name="Ja, ik volg deze melding").click()
    expect(page.get_by_text(f"U volgt nu melding {report.case.reference}")).to_be_visible()
    assert Follower.objects.get(email="buur@example.be").confirmed_at is not None
