"""A contact centre agent works through the callback list: call, note the result, "Gebeld"."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser import assert_accessible, login

DEMO_CALLBACK = "Terugbellen over de renovatiepremie"  # burger-02, from the cases demo


def test_an_agent_completes_a_callback_from_the_list(page, demo_site):
    from loket.cases.models import InternalTask

    task = InternalTask.objects.get(kind="callback", title=DEMO_CALLBACK)
    login(page, demo_site, "agent")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Terugbellijst").first.click()
    page.wait_for_url("**/terugbellen/")
    expect(page.get_by_role("heading", level=1, name="Terugbellijst")).to_be_visible()
    card = page.locator(f"#taak-{task.pk}")
    assert card.get_by_role("link", name=f"Bel {task.phone}").get_attribute("href") == f"tel:{task.phone}"
    expect(page.get_by_text("te laat").first).to_be_visible()  # the demo's overdue callback
    assert_accessible(page, context="callback list")

    result = card.get_by_label(f"Resultaat van het gesprek met {task.phone}")
    assert result.get_attribute("required") is not None  # the browser asks for a result first
    result.fill("Uitleg gegeven over de premie voor dakisolatie.")
    card.get_by_role("button", name="Gebeld").click()
    page.wait_for_url("**/terugbellen/")
    expect(page.get_by_text("De taak is afgehandeld.")).to_be_visible()  # "Teruggebeld: Luc Vermeulen. …"
    expect(page.locator(f"#taak-{task.pk}")).to_have_count(0)
    assert_accessible(page, context="callback list after a call")

    task.refresh_from_db()
    assert (task.status, task.result) == ("done", "Uitleg gegeven over de premie voor dakisolatie.")
    assert task.done_by.username == "agent"


def test_the_specialist_takes_and_completes_an_escalation(page, demo_site):
    from loket.cases.models import InternalTask

    task = InternalTask.objects.get(kind="escalation", team__slug="stad-specialisten")
    login(page, demo_site, "specialist")
    page.wait_for_url("**/start/")
    page.get_by_role("link", name="Taken van mijn team").click()
    page.wait_for_url("**/taken/")
    expect(page.get_by_role("heading", level=1, name="Taken")).to_be_visible()
    assert_accessible(page, context="task list")

    page.get_by_role("link", name=task.title).click()
    page.wait_for_url(f"**/taken/{task.pk}/")
    expect(page.get_by_role("link", name=task.case.reference)).to_be_visible()
    assert_accessible(page, context="task page")

    page.get_by_role("button", name="Neem op").click()
    expect(page.get_by_text("Je hebt deze taak opgenomen.")).to_be_visible()
    page.get_by_label("Resultaat").fill("De stad is bevoegd: gewestweg, maar lokaal evenement.")
    page.get_by_role("button", name="Handel af").click()
    expect(page.get_by_text("De taak is afgehandeld.")).to_be_visible()
    expect(page.get_by_text("Deze taak is afgesloten.")).to_be_visible()
    assert_accessible(page, context="completed task page")
