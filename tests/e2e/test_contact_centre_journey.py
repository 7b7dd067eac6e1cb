"""The contact centre in a browser: an agent finds the caller by typing, sees their timeline,
looks up a knowledge article, registers the contact and starts a request on their behalf."""

from __future__ import annotations

from playwright.sync_api import expect

from loket.accounts.models import User
from loket.cases.models import Case
from loket.catalogue.knowledge import article_publish
from loket.catalogue.models import Service
from loket.citizens.models import ContactMoment
from tests.browser import assert_accessible, login


def test_an_agent_finds_a_citizen_registers_the_contact_and_starts_a_request(page, demo_site):
    article_publish(
        title="Bewijs van woonst voor een werkgever",
        question="Een beller heeft voor zijn werkgever een bewijs van woonst nodig.",
        answer="Het contactcenter vraagt het aan namens de burger; het attest komt per post of per e-mail.",
        actor=User.objects.get(username="agent"),
        service=Service.objects.get(slug="bewijs-van-woonst"),
    )
    login(page, demo_site, "agent")
    page.goto(demo_site + "/contactcenter/")
    expect(page.get_by_role("heading", name="Contactcenter", exact=True)).to_be_visible()
    assert_accessible(page, context="empty workspace")

    # Search as you type: the results arrive without pressing a button.
    page.get_by_label("Naam, rijksregisternummer").press_sequentially("Janssens", delay=40)
    result = page.locator("#cc-resultaten").get_by_role("link", name="Jan Janssens")
    result.wait_for()
    result.click()

    expect(page.get_by_role("heading", name="Jan Janssens")).to_be_visible()
    timeline = page.locator("table.cc-timeline")
    expect(timeline).to_be_visible()
    assert "beantwoord" in timeline.inner_text()  # the demo's earlier phone call
    assert_accessible(page, context="workspace with a citizen and the timeline")

    # The knowledge panel, filtered to the service the caller asks about.
    knowledge = page.get_by_role("region", name="Kennisbank")
    knowledge.get_by_label("Dienst").select_option("bewijs-van-woonst")
    knowledge.get_by_label("Vraag of trefwoord").press_sequentially("werkgever", delay=40)
    article = page.locator("#kennis-resultaten").get_by_role("link", name="Bewijs van woonst voor een werkgever")
    article.wait_for()
    assert_accessible(page, context="workspace with knowledge results")

    # Register the contact moment (the duration is filled in from the call's clock).
    contact = page.get_by_role("region", name="Contactmoment registreren")
    contact.get_by_label("Resultaat").select_option("answered")
    contact.get_by_label("Dienst").select_option("bewijs-van-woonst")
    contact.get_by_label("Notities").fill("Uitleg over het bewijs van woonst gegeven.")
    assert contact.get_by_label("Duur van het gesprek (minuten)").input_value().isdigit()
    contact.get_by_role("button", name="Registreer contactmoment").click()
    expect(page.get_by_text("Het contactmoment is geregistreerd.")).to_be_visible()
    moment = ContactMoment.objects.get(notes="Uitleg over het bewijs van woonst gegeven.")
    assert moment.citizen.user.username == "citizen"
    assert moment.channel == "phone"

    # Start a request on the caller's behalf.
    page.get_by_label("Aanvraag starten voor").select_option("bewijs-van-woonst")
    page.get_by_role("button", name="Aanvraag starten").click()
    expect(page.get_by_role("heading", name="Aanvraag namens een burger: Bewijs van woonst")).to_be_visible()
    assert page.get_by_label("Uw rijksregisternummer").input_value() == "85.07.30-033.28"
    assert_accessible(page, context="on-behalf form")
    page.get_by_label("Aantal exemplaren").fill("1")
    page.get_by_label("Hoe wilt u het ontvangen?").select_option("post")
    page.get_by_label("Waarvoor hebt u het document nodig?").select_option("werk")
    page.get_by_label("De burger gaat akkoord", exact=False).check()
    page.get_by_role("button", name="Aanvraag indienen voor de burger").click()

    expect(page.get_by_role("heading", name="De aanvraag is ingediend")).to_be_visible()
    reference = page.locator("#referentie").inner_text()
    assert reference.startswith("REQ-")
    assert_accessible(page, context="on-behalf confirmation")

    case = Case.objects.get(reference=reference)
    assert case.channel == "phone"
    assert case.citizen.username == "citizen"
    started = ContactMoment.objects.get(case=case)
    assert started.outcome == ContactMoment.Outcome.REQUEST_STARTED

    # Back on the workspace, the new request is in the timeline.
    page.get_by_role("link", name="Terug").click()
    expect(page.get_by_role("heading", name="Jan Janssens")).to_be_visible()
    assert reference in page.locator("table.cc-timeline").inner_text()
