"""In a browser, on a phone-sized screen: book an appointment, get the .ics; each page passes axe-core."""

from __future__ import annotations

import icalendar
import pytest
from playwright.sync_api import expect

from loket.counters.models import Appointment
from tests.browser import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(live_server, transactional_db, location, service):
    return str(live_server.url)


def test_a_citizen_books_on_a_phone_and_downloads_the_calendar_file(page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}/afspraak-maken/")
    assert_accessible(page, context="book: service")
    page.get_by_label("Identiteitskaart").check()
    page.get_by_role("button", name="Volgende").click()
    assert_accessible(page, context="book: location")
    page.get_by_label("Districtshuis Test").check()
    page.get_by_role("button", name="Volgende").click()
    page.locator("input[name=day]").nth(1).check()  # htmx loads that day's times
    page.locator("input[name=start]").first.wait_for()
    assert_accessible(page, context="book: times")
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Kies dit tijdstip").click()

    page.get_by_label("Naam").fill("An Peeters")
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Bevestig de afspraak").click()
    expect(page.get_by_text("Dit is geen geldig e-mailadres.")).to_be_visible()
    assert_accessible(page, context="book: details with errors")
    page.get_by_label("E-mailadres").fill("an@example.org")
    page.get_by_role("button", name="Bevestig de afspraak").click()

    appointment = Appointment.objects.get()
    expect(page.get_by_role("heading", name="Uw afspraak is bevestigd")).to_be_visible()
    expect(page.get_by_text(appointment.reference)).to_be_visible()
    assert_accessible(page, context="confirmed")
    with page.expect_download() as download:
        page.get_by_role("link", name="Zet in uw agenda (.ics)").click()
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())  # noqa: SIM115
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == appointment.start
    assert str(event["uid"]) == f"{appointment.reference}@loket"
