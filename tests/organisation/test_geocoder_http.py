from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from loket.organisation import selectors
from loket.organisation.geocoding import GeocodeResult, HttpGeocoder, get_geocoder
from loket.organisation.selectors import address_locate, district_locate_address

ANSWERS = {
    "Turnhoutsebaan 1, 2140 Borgerhout": {"lat": 51.2137, "lon": 4.4393, "postcode": "2140"},
    "Ergens in Brussel": {"lat": 50.85, "lon": 4.35},
}


class FakeGeocoder(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        if query == "traag":
            self.server.release.wait(5)  # type: ignore[attr-defined]
        if query == "kapot":
            body, status = b"<html>fout</html>", 500
        elif query == "onzin":
            body, status = b"{niet: json", 200
        else:
            body, status = json.dumps(ANSWERS.get(query, [])).encode(), 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_geocoder_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGeocoder)
    server.release = threading.Event()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/geocode"
    server.release.set()  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def test_it_reads_coordinates_from_the_external_service(fake_geocoder_url):
    result = HttpGeocoder(fake_geocoder_url).geocode("Turnhoutsebaan 1, 2140 Borgerhout")
    assert (result.lat, result.lon, result.postcode) == (51.2137, 4.4393, "2140")


@pytest.mark.parametrize("address", ["kapot", "onzin", "niets bekend"])
def test_it_answers_none_when_the_service_fails_or_knows_nothing(fake_geocoder_url, address, caplog):
    assert HttpGeocoder(fake_geocoder_url).geocode(address) is None


def test_it_gives_up_after_the_timeout(fake_geocoder_url, caplog):
    assert HttpGeocoder(fake_geocoder_url, timeout=0.2).geocode("traag") is None
    assert "geocoder" in caplog.text


def test_it_answers_none_when_the_service_is_down():
    assert HttpGeocoder("http://127.0.0.1:9/geocode", timeout=0.5).geocode("Turnhoutsebaan 1") is None


def test_the_configured_url_locates_an_address_through_the_service(antwerp, settings, fake_geocoder_url):
    settings.GEOCODER_URL = fake_geocoder_url
    assert isinstance(get_geocoder(), HttpGeocoder)
    day = dt.date(2026, 6, 1)
    assert district_locate_address(address="Turnhoutsebaan 1, 2140 Borgerhout", day=day).slug == "borgerhout"
    assert district_locate_address(address="Ergens in Brussel", day=day) is None


def test_a_failing_service_falls_back_to_the_street_table_for_the_district(antwerp, settings, fake_geocoder_url):
    settings.GEOCODER_URL = fake_geocoder_url
    located = address_locate(address="Turnhoutsebaan 1, 2140 Borgerhout", day=dt.date(2026, 6, 1))  # known
    assert (located.lat, located.lon, located.district.slug) == (51.2137, 4.4393, "borgerhout")
    located = address_locate(address="kapot, 2600 Berchem", day=dt.date(2026, 6, 1))  # the service knows nothing
    assert located.found and located.district.slug == "berchem" and located.lat is None


def test_an_address_is_geocoded_once(antwerp, monkeypatch):
    asked: list[str] = []

    class Counting:
        def geocode(self, address: str) -> GeocodeResult | None:
            asked.append(address)
            return GeocodeResult(postcode="2600")

    monkeypatch.setattr(selectors, "get_geocoder", Counting)
    located = address_locate(address="  Grotesteenweg   1, 2600 Berchem ", day=dt.date(2026, 6, 1))
    assert located.district.slug == "berchem"
    assert asked == ["Grotesteenweg 1, 2600 Berchem"]


def test_a_geocoder_that_raises_does_not_break_locating(antwerp, monkeypatch, caplog):
    class Broken:
        def geocode(self, address: str) -> GeocodeResult | None:
            raise RuntimeError("down")

    monkeypatch.setattr(selectors, "get_geocoder", Broken)
    located = address_locate(address="Onbekendestraat 5, 2600 Berchem", day=dt.date(2026, 6, 1))
    assert located.found and located.district.slug == "berchem"  # the street table's postcode
    assert "geocoding failed" in caplog.text
