"""A district's question to a published knowledge article: Berchem's coordinator asks the helpdesk
(with a document), the helpdesk answers and publishes the answer in one step, and the coordinator
reads the article in the knowledge base. Axe checks every page on the way."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TITLE = "Mag het district een kermis op het Kiosplein toelaten?"
ANSWER = "Ja. Kermissen op het lokale openbaar domein zijn een gedelegeerde bevoegdheid van het district."
ARTICLE = "Kermissen op het lokale openbaar domein"


def _log_out(page) -> None:
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()


def test_a_districts_question_becomes_a_published_knowledge_article(page, demo_site):
    # Berchem's coordinator asks the helpdesk; a question without a topic comes back with the error.
    login(page, demo_site, "coordinator-berchem")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Stel een vraag aan de helpdesk").click()
    page.wait_for_url("**/helpdesk/vragen/nieuw/")
    assert_accessible(page, context="ask form")
    page.get_by_label("Titel van je vraag").fill(TITLE)
    page.get_by_role("button", name="Verstuur de vraag").click()
    expect(page.locator("#id_topic_error")).to_be_visible()
    assert page.get_by_label("Titel van je vraag").input_value() == TITLE
    assert_accessible(page, context="ask form with errors")

    page.get_by_label("Onderwerp").select_option("competence")
    page.get_by_label("Beschrijf je vraag").fill(
        "Een vereniging vraagt een kleine kermis in mei. Beslist het district of de stad?"
    )
    page.get_by_label("Bijlagen (optioneel)").set_input_files(
        files=[{"name": "aanvraag-kermis.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Verstuur de vraag").click()
    page.wait_for_url(re.compile(r".*/helpdesk/vragen/VRG-\d{4}-\d{6}/$"))
    reference = page.url.rstrip("/").rsplit("/", 1)[-1]
    expect(page.get_by_text(f"Je vraag {reference} is verstuurd naar de helpdesk.")).to_be_visible()
    expect(page.get_by_role("link", name="aanvraag-kermis.pdf")).to_be_visible()
    assert_accessible(page, context="question page of the district")
    page.get_by_role("link", name="Terug naar de vragen van mijn district").click()
    expect(page.get_by_role("link", name=reference)).to_be_visible()
    assert_accessible(page, context="district helpdesk home")
    _log_out(page)

    # The helpdesk finds it in its queue, answers it and publishes the answer in one step.
    login(page, demo_site, "helpdesk")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Vragen van de districten behandelen").click()
    page.wait_for_url("**/helpdesk/behandelen/")
    expect(page.get_by_role("heading", level=1, name="Vragen van de districten")).to_be_visible()
    assert_accessible(page, context="helpdesk queue")
    page.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/helpdesk/behandelen/{reference}/")
    assert_accessible(page, context="handling page")

    page.get_by_role("button", name="Neem zelf").click()
    expect(page.get_by_text("De vraag is toegewezen aan Lotte Wouters.")).to_be_visible()
    page.get_by_label("Antwoord aan het district").fill(ANSWER)
    page.get_by_role("button", name="Verstuur als antwoord").click()
    expect(page.get_by_text("Het antwoord is verstuurd; de vraag is beantwoord.")).to_be_visible()
    assert page.get_by_label("Titel van het artikel").input_value() == TITLE
    assert page.get_by_label("Antwoord in het artikel").input_value() == ANSWER
    assert_accessible(page, context="handling page with the publish form")

    page.get_by_label("Titel van het artikel").fill(ARTICLE)
    page.get_by_label("Rechtsgrond en verwijzingen (optioneel, één per regel)").fill("Delegatiebesluit districten")
    page.get_by_role("button", name="Publiceer in kennisbank").click()
    expect(page.locator(".messages").get_by_text(f"Het antwoord staat in de kennisbank: {ARTICLE}.")).to_be_visible()
    expect(page.get_by_role("link", name=ARTICLE)).to_be_visible()
    assert_accessible(page, context="handling page after publishing")
    _log_out(page)

    # The coordinator reads the answer on the question and the article in the knowledge base.
    login(page, demo_site, "coordinator-berchem")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Vragen van mijn district").click()
    page.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/helpdesk/vragen/{reference}/")
    expect(page.get_by_text(ANSWER)).to_be_visible()
    assert_accessible(page, context="answered question of the district")
    page.get_by_role("link", name=ARTICLE).click()
    page.wait_for_url("**/kennisbank/*/")
    expect(page.get_by_role("heading", level=1, name=ARTICLE)).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    assert_accessible(page, context="knowledge article")

    page.goto(f"{demo_site}/helpdesk/antwoorden/?q=kermis")
    expect(page.get_by_role("link", name=ARTICLE)).to_be_visible()
    assert_accessible(page, context="published answers")
