"""The e-loket in a browser: a citizen applies online, corrects a mistake, uploads a document,
saves a draft, resumes it from the start page, submits and sees the reference."""

from __future__ import annotations

from playwright.sync_api import expect

from loket.cases.models import Case
from tests.browser import assert_accessible, login

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_a_citizen_applies_online_with_a_draft_and_an_upload(page, demo_site):
    login(page, demo_site, "citizen")
    page.goto(demo_site + "/diensten/adreswijziging/")
    assert_accessible(page, context="service page")
    page.get_by_role("link", name="Online aanvragen").click()
    expect(page.get_by_role("heading", name="Online aanvragen: Adreswijziging (verhuizen)")).to_be_visible()
    assert_accessible(page, context="empty form")

    # A wrong national register number first: the error sits next to the field, the rest stays.
    page.get_by_label("Uw rijksregisternummer").fill("85.07.30-033.29")
    page.get_by_label("Uw nieuwe adres").fill("Grote Markt 1, 2000 Antwerpen")
    page.get_by_label("Datum van de verhuis").fill("2026-12-15")
    page.get_by_label("Aantal personen dat mee verhuist").fill("2")
    page.get_by_role("button", name="Aanvraag versturen").click()
    error = page.locator("#id_rijksregisternummer_error")
    expect(error).to_be_visible()
    assert "controle" in error.inner_text().lower() or "klopt niet" in error.inner_text().lower()
    assert page.get_by_label("Uw nieuwe adres").input_value() == "Grote Markt 1, 2000 Antwerpen"
    assert page.get_by_label("Aantal personen dat mee verhuist").input_value() == "2"
    assert_accessible(page, context="form with errors")

    # Correct it, add the lease as a PDF and keep it as a draft.
    page.get_by_label("Uw rijksregisternummer").fill("85.07.30-033.28")
    page.get_by_label("Huurcontract of eigendomsakte").set_input_files(
        files=[{"name": "huurcontract.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Bewaar als concept").click()
    expect(page.get_by_text("bewaard als concept")).to_be_visible()
    assert_accessible(page, context="saved draft")

    # Resume it from the start page.
    page.goto(demo_site + "/start/")
    assert_accessible(page, context="start page with the draft")
    page.get_by_role("link", name="Adreswijziging (verhuizen) (concept)").click()
    assert page.get_by_label("Uw rijksregisternummer").input_value() == "85.07.30-033.28"
    expect(page.get_by_text("Bewaard: huurcontract.pdf")).to_be_visible()

    page.get_by_label("Ik verklaar dat deze gegevens juist zijn", exact=False).check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", name="Uw aanvraag is verstuurd")).to_be_visible()
    reference = page.locator("#referentie").inner_text()
    assert reference.startswith("REQ-")
    assert_accessible(page, context="confirmation")

    case = Case.objects.get(reference=reference)
    assert case.channel == "online"
    assert case.attachments.get().original_name == "huurcontract.pdf"
