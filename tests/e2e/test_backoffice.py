"""The back office handles a request end to end: work queue, claim, information request, decision."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login


def _team_case() -> str:
    from loket.accounts.models import User
    from loket.cases.services import case_assign, case_create
    from loket.organisation.models import District

    backoffice = User.objects.get(username="backoffice")
    case = case_create(
        kind="request",
        title="Parkeerkaart voor bewoners",
        channel="online",
        actor=User.objects.get(username="agent"),
        citizen=User.objects.get(username="citizen"),
        district=District.objects.get(slug="deurne"),
    )
    case_assign(case=case, actor=backoffice, team=backoffice.team)
    return case.reference


def test_the_back_office_claims_asks_for_information_and_closes_a_case(page, demo_site):
    reference = _team_case()
    login(page, demo_site, "backoffice")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Mijn werkbak").click()
    page.wait_for_url("**/werkbak/**")
    expect(page.get_by_role("heading", level=1, name="Werkbak")).to_be_visible()
    assert_accessible(page, context="work queue")

    page.get_by_label(f"Selecteer {reference}").check()
    page.get_by_role("button", name="Neem zelf").click()
    page.wait_for_url("**/werkbak/**")
    expect(page.get_by_text("1 zaak toegewezen.")).to_be_visible()
    assert_accessible(page, context="work queue after claiming")

    page.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/zaken/{reference}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith(reference)
    assert_accessible(page, context="case page")

    page.get_by_label("Nieuwe status").select_option("in_progress")
    page.get_by_role("button", name="Wijzig de status").click()
    expect(page.get_by_text("De status is nu 'in behandeling'.")).to_be_visible()

    question = page.get_by_label("Welke informatie heb je van de burger nodig?")
    question.fill("Stuur een kopie van je inschrijvingsbewijs.")
    page.get_by_role("button", name="Vraag informatie").click()
    expect(page.get_by_text(re.compile("de termijn staat stil")).first).to_be_visible()
    expect(page.get_by_text(re.compile("termijn gepauzeerd sinds"))).to_be_visible()
    assert_accessible(page, context="case page waiting for the citizen")

    page.get_by_label("Nieuwe status").select_option("in_progress")
    page.get_by_role("button", name="Wijzig de status").click()
    expect(page.get_by_text("De status is nu 'in behandeling'.")).to_be_visible()

    page.get_by_label("Beslissing").fill("De parkeerkaart wordt toegekend.")
    page.get_by_label("Afsluiten als").select_option("closed")
    page.get_by_role("button", name="Beslis en sluit af").click()
    expect(page.get_by_text("De beslissing is vastgelegd en de zaak is afgesloten.")).to_be_visible()
    expect(page.get_by_role("cell", name="De parkeerkaart wordt toegekend.")).to_be_visible()
    assert_accessible(page, context="closed case page")
