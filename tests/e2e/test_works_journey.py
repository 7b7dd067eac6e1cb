"""A citizen looks up works near her address, sees them in the list and on the map, opens one and
subscribes; the confirmation mail's link confirms, and the mail about a new work lets her end it.
Axe on every page.

The embedded street table knows streets but not where they lie, so the test runs a tiny geocoder
on localhost (``GEOCODER_URL``), as a deployment would use the city's address service.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible
from tests.works.helpers_public import make_work, north_of

pytestmark = pytest.mark.e2e

HOME = (51.2185, 4.4005)  # near the Groenplaats, district Antwerpen
ADDRESS = "Oude Koornmarkt 12, 2000 Antwerpen"


class _Geocoder(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"lat": HOME[0], "lon": HOME[1], "postcode": "2000"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def geocoder(settings) -> Iterator[None]:
    server = HTTPServer(("127.0.0.1", 0), _Geocoder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.GEOCODER_URL = f"http://127.0.0.1:{server.server_port}/zoek"
    yield
    server.shutdown()
    server.server_close()


@pytest.fixture
def works_site(live_server, transactional_db, settings, geocoder) -> str:
    """The live server with the districts and the demo works (no full demo)."""
    from loket.organisation import demo as organisation_demo
    from loket.works import demo as works_demo

    organisation_demo.load(log=lambda line: None)
    works_demo.load(log=lambda line: None)
    settings.LOKET_BASE_URL = str(live_server.url)
    return str(live_server.url)


def click_on_map(page: Any, map_id: str, lat: float, lon: float) -> None:
    """Centre the map on the place as a citizen would, then click on it."""
    page.locator(f"#{map_id}").scroll_into_view_if_needed()
    page.evaluate(f"([lat, lon]) => document.getElementById('{map_id}').worksMap.setView([lat, lon], 17)", [lat, lon])
    point = page.evaluate(
        f"([lat, lon]) => document.getElementById('{map_id}').worksMap.latLngToContainerPoint([lat, lon])", [lat, lon]
    )
    box = page.locator(f"#{map_id}").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_a_citizen_finds_works_near_her_address_and_subscribes_to_new_ones(page, works_site, mailoutbox):
    from loket.works.models import Hindrance
    from loket.works.notices import notices_queue_for_works

    work = make_work(title="Vernieuwing voetpad Oude Koornmarkt", at=north_of(HOME, 120), owner="Stad Antwerpen")
    Hindrance.objects.create(
        work=work,
        severe=True,
        start_date=work.start_date,
        end_date=work.end_date,
        consequences={"pedestrians": "narrowed", "cars": "closed"},
    )

    script_errors: list[str] = []
    page.on("pageerror", lambda exc: script_errors.append(f"{page.url}: {exc}"))
    # Works in my neighbourhood.
    page.goto(f"{works_site}/werken/in-mijn-buurt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werken in mijn buurt in de komende weken")
    assert_accessible(page, context="nearby, empty")
    page.get_by_label("Adres").fill(ADDRESS)
    page.get_by_role("button", name="Zoek werken in mijn buurt").click()
    page.wait_for_url("**/werken/in-mijn-buurt/?*")
    table = page.get_by_role("table", name="Werken in de buurt, de dichtste eerst")
    expect(table.get_by_role("link", name="Vernieuwing voetpad Oude Koornmarkt")).to_be_visible()
    expect(table).to_contain_text("110 m")
    expect(table).to_contain_text("ernstige hinder")
    # On the map: the district boundaries, the search circle and the works (no tiles in tests).
    page.locator("#buurtkaart path.leaflet-interactive").first.wait_for()
    assert page.locator("#buurtkaart path").count() >= 12
    assert page.locator("#buurtkaart .leaflet-tile").count() == 0
    assert_accessible(page, context="nearby, with works")

    # The list of all works around the same address, with the map.
    page.goto(f"{works_site}/werken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werken op het openbaar domein")
    page.get_by_label("Adres").fill(ADDRESS)
    page.get_by_label("Straal (meter)").fill("1000")
    page.get_by_role("button", name="Toon de werken").click()
    page.wait_for_url("**/werken/?*")
    expect(page.get_by_role("status").filter(has_text="binnen 1000 m")).to_be_visible()
    page.locator("#werkenkaart path.leaflet-interactive").first.wait_for()
    on_map = page.evaluate(
        "() => JSON.parse(document.getElementById('werkenkaart-config').textContent).works.features.length"
    )
    rows = page.locator("table.works-table tbody tr").count()
    assert on_map == rows >= 1
    assert_accessible(page, context="works list with map")

    # One work.
    page.get_by_role("link", name="Vernieuwing voetpad Oude Koornmarkt").click()
    page.wait_for_url(f"**/werken/{work.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vernieuwing voetpad Oude Koornmarkt")
    expect(page.get_by_role("row", name="Auto's afgesloten")).to_be_visible()
    page.locator("#werkkaart path.leaflet-interactive").first.wait_for()
    assert_accessible(page, context="one work")

    # Subscribe: the form, then the confirmation mail's link.
    page.get_by_role("link", name="Krijg een e-mail bij nieuwe werken in uw buurt").click()
    page.wait_for_url("**/werken/abonneren/")
    assert_accessible(page, context="subscribe form")
    page.get_by_label("Uw e-mailadres").fill("an@example.be")
    page.get_by_role("textbox", name="Adres (verplicht)", exact=True).fill(ADDRESS)
    page.get_by_label("Straal (meter)").fill("300")
    # The map may say more precisely where: a click chooses the place, the address stays its name.
    page.locator("#abonneerkaart path").first.wait_for()
    click_on_map(page, "abonneerkaart", *north_of(HOME, 30))
    expect(page.locator("#kaart-status")).to_contain_text("Gekozen plaats op de kaart:")
    page.get_by_role("button", name="Abonneer mij").click()
    expect(page.get_by_text("Bijna klaar: we stuurden een e-mail naar an@example.be")).to_be_visible()
    assert_accessible(page, context="subscribe, mail sent")

    from loket.works.models import AreaSubscription

    subscription = AreaSubscription.objects.get()
    assert subscription.address == ADDRESS and abs(subscription.lat - north_of(HOME, 30)[0]) < 0.0002
    [mail] = mailoutbox
    confirm = re.search(r"http\S+/bevestigen/", mail.body).group(0)
    page.goto(confirm)
    assert_accessible(page, context="confirm page")
    page.get_by_role("button", name="Bevestig mijn abonnement").click()
    expect(page.get_by_text("Uw abonnement is bevestigd.")).to_be_visible()
    expect(page.locator("#abonnementstatus")).to_contain_text("Uw abonnement is actief sinds")

    # A new work nearby: one mail, with the link to the work and the link that ends it.
    new = make_work(title="Aansluiting riolering Hoogstraat", at=north_of(HOME, 200))
    from django.db import transaction

    with transaction.atomic():
        assert notices_queue_for_works(work_ids=[new.pk]) == 1
    notice = mailoutbox[-1]
    assert notice.subject == "Nieuw werk in uw buurt: Aansluiting riolering Hoogstraat"
    page.goto(re.search(r"http\S+/werken/\d+/", notice.body).group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aansluiting riolering Hoogstraat")
    page.goto(re.search(r"http\S+/opzeggen/", notice.body).group(0))
    assert_accessible(page, context="cancel page")
    page.get_by_role("button", name="Zeg mijn abonnement op").click()
    expect(page.get_by_text("Uw abonnement is opgezegd.")).to_be_visible()
    assert script_errors == []
