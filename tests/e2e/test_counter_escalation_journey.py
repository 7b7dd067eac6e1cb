"""The clerk escalating, in a browser: a visitor takes a ticket at the kiosk, the clerk calls it,
identifies the demo citizen by searching as they type, registers the visit and escalates to the
central specialists with the citizen's request; the specialist finds the task at /taken/."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser import assert_accessible, login


def _specialist_login() -> str:
    """The demo's specialist (back office, team stad-specialisten); made here if the demo lacks one."""
    from loket.accounts.models import Role, User
    from loket.organisation.models import Team

    if User.objects.filter(username="specialist", is_active=True).exists():
        return "specialist"
    team = Team.objects.filter(slug="stad-specialisten").first() or Team.objects.create(
        slug="stad-specialisten", name="Centraal team specialisten", level=Team.Level.CITY, is_specialists=True
    )
    user = User.objects.create(username="e2e-specialist", role=Role.BACKOFFICE, team=team, first_name="Wim")
    user.set_password("demo")
    user.save()
    return user.username


def test_the_clerk_escalates_a_visit_to_the_specialists(browser, page, demo_site):
    from loket.cases.models import Case, InternalTask
    from loket.citizens.models import ContactMoment
    from loket.counters.models import CounterVisit, Desk, Ticket

    desk = Desk.objects.filter(location__slug="districtshuis-deurne", services__slug="identiteitskaart").first()
    request = Case.objects.get(data__demo="feest-borgerhout")  # the demo citizen's request, waiting for them

    # The visitor takes a ticket at the kiosk.
    page.goto(f"{demo_site}/loket/districtshuis-deurne/kiosk/")
    page.get_by_role("button", name="Identiteitskaart (eID)").click()
    ticket = Ticket.objects.get(location=desk.location, service__slug="identiteitskaart")
    expect(page.get_by_text(ticket.code).first).to_be_visible()

    # The clerk opens the desk and calls the visitor.
    clerk_context = browser.new_context(locale="nl-BE", timezone_id="Europe/Brussels")
    clerk_context.set_default_timeout(15_000)
    clerk = clerk_context.new_page()
    login(clerk, demo_site, "clerk")
    clerk.goto(f"{demo_site}/loket/balie/{desk.pk}/")
    clerk.get_by_role("button", name="Balie openen").click()
    clerk.get_by_role("button", name="Volgende oproepen").click()
    helping = clerk.get_by_role("link", name=f"{ticket.code} helpen: burger identificeren")
    helping.wait_for()
    assert_accessible(clerk, context="desk with the visit panels")
    helping.click()

    # Identify the demo citizen: the results come while typing.
    clerk.wait_for_url("**/bezoek/?volgnummer=*")
    assert clerk.get_by_role("heading", level=1).inner_text().startswith("Bezoeker identificeren")
    assert_accessible(clerk, context="identify the visitor")
    clerk.get_by_label("Naam, rijksregisternummer, e-mail of telefoon").fill("Janssens")
    choose = clerk.get_by_role("button", name="Kies Jan Janssens")
    choose.wait_for()
    assert_accessible(clerk, context="search results")
    choose.click()

    clerk.wait_for_url(re.compile(r".*/loket/bezoek/\d+/$"))
    assert clerk.get_by_role("heading", level=1).inner_text().startswith("Bezoek van Jan Janssens")
    expect(clerk.get_by_text(f"{request.reference}: {request.title}")).to_be_visible()
    expect(clerk.get_by_label("Identiteitskaart (eID)")).to_be_checked()  # the ticket's service
    assert_accessible(clerk, context="visit page")

    # Register the visit.
    clerk.get_by_label("Resultaat").select_option("handed_over")
    clerk.get_by_label("Notities").fill("Vraagt naar de vergunning voor het straatfeest.")
    clerk.get_by_role("button", name="Registreer het bezoek").click()
    expect(clerk.get_by_text("Het bezoek is geregistreerd.")).to_be_visible()
    visit = CounterVisit.objects.get(ticket=ticket)
    moment = ContactMoment.objects.get(counter_visit=visit)
    assert (moment.channel, moment.location_id, moment.outcome) == ("counter", desk.location_id, "handed_over")

    # Escalate to the specialists, with the request's context.
    clerk.get_by_role("link", name="Escaleer naar de specialisten").click()
    clerk.wait_for_url("**/escaleren/")
    assert_accessible(clerk, context="escalation form")
    clerk.get_by_label("Wat is het probleem?").fill("De burger kreeg geen antwoord op de aanvullende stukken.")
    clerk.get_by_label("Over welke zaak?").select_option(request.reference)
    clerk.get_by_role("button", name="Escaleer naar de specialisten").click()
    confirmation = clerk.get_by_text(re.compile(r"Geëscaleerd naar .*: taak \d+"))
    confirmation.wait_for()
    task = visit.escalations.get()
    assert (task.kind, task.case_id, task.channel) == (InternalTask.Kind.ESCALATION, request.pk, "counter")
    expect(clerk.get_by_role("cell", name=f"{task.pk}: {task.title}")).to_be_visible()
    assert_accessible(clerk, context="visit page after escalating")
    clerk_context.close()
    assert task.team.is_specialists and request.reference in task.description

    # The specialist finds the task in their list.
    login(page, demo_site, _specialist_login())
    page.wait_for_url("**/start/")
    page.goto(f"{demo_site}/taken/")
    page.get_by_role("link", name=re.compile(re.escape(task.title))).first.click()
    page.wait_for_url(f"**/taken/{task.pk}/")
    expect(page.get_by_text("De burger kreeg geen antwoord op de aanvullende stukken.").first).to_be_visible()
