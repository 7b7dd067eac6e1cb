"""Mijn loket in a browser: the back office asks for information, the citizen answers with a PDF in
Mijn loket, the back office sees the answer, decides and closes, and the citizen sees the decision."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
QUESTION = "Stuur een kopie van uw huurcontract."
ANSWER = "Hierbij mijn huurcontract, ondertekend door de eigenaar."
DECISION = "De bewonerskaart wordt toegekend voor twee voertuigen."


def _request_of_the_demo_citizen() -> str:
    from loket.accounts.models import User
    from loket.cases.services import case_assign, case_create
    from loket.organisation.models import District

    citizen = User.objects.get(username="citizen")
    backoffice = User.objects.get(username="backoffice")
    case = case_create(
        kind="request",
        title="Bewonerskaart parkeren",
        channel="online",
        actor=citizen,
        citizen=citizen,
        district=District.objects.get(slug="berchem"),
    )
    case_assign(case=case, actor=backoffice, team=backoffice.team)
    return case.reference


def _log_out(page) -> None:
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()


def test_a_citizen_answers_in_mijn_loket_and_sees_the_back_offices_decision(page, demo_site):
    reference = _request_of_the_demo_citizen()

    # The back office starts on the case and asks the citizen for more information.
    login(page, demo_site, "backoffice")
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/zaken/{reference}/")
    page.get_by_label("Nieuwe status").select_option("in_progress")
    page.get_by_role("button", name="Wijzig de status").click()
    page.get_by_label("Welke informatie heb je van de burger nodig?").fill(QUESTION)
    page.get_by_role("button", name="Vraag informatie").click()
    expect(page.get_by_text(re.compile("termijn gepauzeerd sinds"))).to_be_visible()
    _log_out(page)

    # The citizen finds it waiting for their answer in Mijn loket.
    login(page, demo_site, "citizen")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name=re.compile("^Mijn loket:")).click()
    page.wait_for_url("**/mijn-loket/")
    expect(page.get_by_role("heading", level=1, name="Mijn loket")).to_be_visible()
    waiting = page.locator("#wacht-op-u")
    expect(waiting.get_by_role("heading", name="Wacht op uw antwoord")).to_be_visible()
    for heading in ("Mijn aanvragen", "Mijn meldingen", "Mijn afspraken"):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    assert_accessible(page, context="Mijn loket overview")

    waiting.get_by_role("link", name=re.compile(f"Beantwoord onze vraag over {reference}")).click()
    page.wait_for_url(f"**/mijn-loket/zaken/{reference}/")
    expect(page.get_by_text(QUESTION).first).to_be_visible()
    assert_accessible(page, context="Mijn loket case waiting for the answer")

    # An empty answer stays on the page with the error next to the field.
    page.get_by_role("button", name="Verstuur uw antwoord").click()
    expect(page.locator("#id_text_error").get_by_text("Schrijf een bericht of voeg een document toe.")).to_be_visible()
    assert_accessible(page, context="Mijn loket reply with an error")

    page.get_by_label("Uw bericht").fill(ANSWER)
    page.get_by_label("Documenten toevoegen (optioneel)").set_input_files(
        files=[{"name": "huurcontract.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Verstuur uw antwoord").click()
    expect(page.get_by_text("Uw antwoord is verstuurd.", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="huurcontract.pdf").first).to_be_visible()
    assert page.locator("#status").inner_text().strip() == "In behandeling"
    _log_out(page)

    # The back office sees the answer (and the document), decides and closes.
    login(page, demo_site, "backoffice")
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/werkbak/?team=")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=reference))
    expect(row.get_by_text("antwoord ontvangen")).to_be_visible()
    row.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/zaken/{reference}/")
    messages = page.get_by_role("region", name="Berichten van de burger")
    expect(messages.get_by_text(ANSWER)).to_be_visible()
    expect(page.get_by_role("link", name="huurcontract.pdf")).to_be_visible()
    page.get_by_label("Beslissing").fill(DECISION)
    page.get_by_label("Afsluiten als").select_option("closed")
    page.get_by_role("button", name="Beslis en sluit af").click()
    expect(page.get_by_text("De beslissing is vastgelegd en de zaak is afgesloten.")).to_be_visible()
    _log_out(page)

    # The citizen sees the decision and the closed status in Mijn loket.
    login(page, demo_site, "citizen")
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/mijn-loket/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=reference))
    expect(row.get_by_text("Afgesloten")).to_be_visible()
    assert_accessible(page, context="Mijn loket overview after the decision")
    row.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/mijn-loket/zaken/{reference}/")
    assert page.locator("#status").inner_text().strip() == "Afgesloten"
    expect(page.get_by_text(DECISION)).to_be_visible()
    expect(page.get_by_text("u kunt er niet meer op reageren", exact=False)).to_be_visible()
    assert_accessible(page, context="Mijn loket closed case")
