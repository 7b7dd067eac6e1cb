"""The whole counter visit in a browser: book online, receive the .ics, check in with the QR link,
be called to a desk by a clerk and see it on the waiting-room display."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core import mail
from playwright.sync_api import expect

from loket.counters.models import Appointment, Ticket
from tests.browser import assert_accessible, login

BRUSSELS = ZoneInfo("Europe/Brussels")
# A Wednesday without holidays; at 08:00 the minimum notice leaves the late morning bookable today.
MORNING = dt.datetime(2026, 12, 2, 8, 0, tzinfo=BRUSSELS)


@pytest.fixture
def wednesday(demo_site):
    with time_machine.travel(MORNING, tick=True) as traveller:
        yield traveller


def test_a_citizen_books_checks_in_and_is_called_to_a_desk(browser, page, demo_site, wednesday):
    page.goto(demo_site + "/diensten/identiteitskaart/")
    page.get_by_role("link", name="Maak een afspraak").click()
    page.wait_for_load_state()  # the service step shows only for a service with several kinds
    if page.get_by_label("Identiteitskaart (eID)").count():
        page.get_by_label("Identiteitskaart (eID)").check()
        page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Districtshuis Deurne").check()
    page.get_by_role("button", name="Volgende").click()
    page.locator("input[name=day][value='2026-12-02']").check()
    page.locator("input[name=start]").first.wait_for()
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Kies dit tijdstip").click()

    page.get_by_label("Naam").fill("Bert Bezoeker")
    page.get_by_label("E-mailadres").fill("bezoeker.e2e@example.org")
    page.get_by_role("button", name="Bevestig de afspraak").click()

    expect(page.get_by_role("heading", name="Uw afspraak is bevestigd")).to_be_visible()

    appointment = Appointment.objects.get(email="bezoeker.e2e@example.org", status=Appointment.Status.BOOKED)
    assert appointment.start.astimezone(BRUSSELS).date() == MORNING.date()

    # The confirmation mail carries the calendar file and the check-in link of the QR code.
    confirmation = next(m for m in mail.outbox if "bezoeker.e2e@example.org" in m.to)
    ics = next(
        part.get_payload(decode=True)
        for part in confirmation.message().walk()
        if (part.get_filename() or "").endswith(".ics")
    )
    event = next(iter(icalendar.Calendar.from_ical(ics).walk("VEVENT")))
    assert event.decoded("dtstart") == appointment.start
    check_in_url = re.search(r"https?://\S+/loket/aanmelden/\S+/", confirmation.body).group(0)

    # Five minutes before the appointment the visitor scans the QR code and checks in.
    wednesday.move_to(appointment.start - dt.timedelta(minutes=5))
    page.goto(demo_site + urlparse(check_in_url).path)
    assert_accessible(page, context="check-in")
    page.get_by_role("button", name="Ik ben er: aanmelden").click()
    ticket = Ticket.objects.get(appointment=appointment)
    expect(page.get_by_text(ticket.code).first).to_be_visible()

    # The display in the waiting room.
    display = page.context.new_page()
    display.goto(demo_site + "/loket/districtshuis-deurne/scherm/")

    # A clerk opens the appointment's desk and calls the next visitor.
    clerk_context = browser.new_context(locale="nl-BE")
    clerk = clerk_context.new_page()
    login(clerk, demo_site, "clerk")
    clerk.goto(f"{demo_site}/loket/balie/{appointment.desk_id}/")
    clerk.get_by_role("button", name="Balie openen").click()
    clerk.get_by_role("button", name="Volgende oproepen").click()
    expect(clerk.get_by_text(ticket.code).first).to_be_visible()
    assert_accessible(clerk, context="desk screen")
    clerk_context.close()

    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CALLED and ticket.desk_id == appointment.desk_id
    board = display.locator(".display-latest")
    board.get_by_text(ticket.code).wait_for(timeout=15_000)  # the board polls every few seconds
    assert appointment.desk.name in board.inner_text()
    assert_accessible(display, context="waiting-room display")

    page.reload()
    assert appointment.desk.name in page.locator("main").inner_text()
