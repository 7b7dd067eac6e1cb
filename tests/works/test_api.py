from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from loket.organisation.geocoding import GeocodeResult
from loket.works.models import Diversion, Hindrance, Work
from tests.works.helpers_data import GROENPLAATS, OUTSIDE, make_work, square

pytestmark = pytest.mark.django_db
LAT, LON = GROENPLAATS
WILRIJK = (51.1685, 4.3946)


class FakeGeocoder:
    def geocode(self, address: str) -> GeocodeResult | None:
        if address.startswith("Groenplaats"):
            return GeocodeResult(street="Groenplaats", postcode="2000", lat=LAT, lon=LON, district_slug="antwerpen")
        if address.startswith("Korenmarkt"):
            return GeocodeResult(street="Korenmarkt", postcode="9000", lat=OUTSIDE[0], lon=OUTSIDE[1])
        return None


@pytest.fixture
def geocoder(monkeypatch):
    monkeypatch.setattr("loket.organisation.selectors.get_geocoder", FakeGeocoder)


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_it_lists_public_works_by_start_date_for_anyone(antwerp, client):
    later = make_work(start=date(2026, 4, 1), end=date(2026, 4, 30), title="Later")
    first = make_work(title="Eerst", contractor="Aannemer NV")
    make_work(status=Work.Status.CANCELLED)
    response = client.get(reverse("work-list"))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert ids(response) == [first.pk, later.pk]
    row = body["results"][0]
    assert row["district"] == "antwerpen" and row["kind_label"] == "werken" and row["distance_m"] is None
    assert row["lat"] == pytest.approx(LAT, abs=1e-5) and row["contractor"] == "Aannemer NV"
    assert "contact_phone" not in row and "geometry" not in row


def test_it_filters_by_district_period_kind_and_status(antwerp, client):
    market = make_work(kind=Work.Kind.EVENT, start=date(2026, 3, 7), end=date(2026, 3, 7))
    busy = make_work(status=Work.Status.IN_PROGRESS)
    wilrijk = make_work(geometry=square(*WILRIJK), start=date(2026, 5, 1), end=date(2026, 5, 2))
    url = reverse("work-list")
    assert ids(client.get(url, {"district": "antwerpen"})) == [busy.pk, market.pk]
    assert ids(client.get(url, {"district": "wilrijk"})) == [wilrijk.pk]
    assert ids(client.get(url, {"start": "2026-04-01", "end": "2026-06-01"})) == [wilrijk.pk]
    assert ids(client.get(url, {"kind": "event"})) == [market.pk]
    assert ids(client.get(url, {"status": "in_progress"})) == [busy.pk]


def test_it_searches_around_a_point_or_an_address_nearest_first(antwerp, client, geocoder):
    near = make_work(geometry=square(LAT + 300 / 110_574.0, LON), title="300 m")
    here = make_work(title="Hier")
    far = make_work(geometry=square(LAT + 800 / 110_574.0, LON), title="800 m")
    url = reverse("work-list")
    response = client.get(url, {"lat": LAT, "lon": LON})
    assert ids(response) == [here.pk, near.pk]
    assert [row["distance_m"] for row in response.json()["results"]] == [0, pytest.approx(290, abs=2)]
    assert ids(client.get(url, {"lat": LAT, "lon": LON, "radius": 1000})) == [here.pk, near.pk, far.pk]
    assert ids(client.get(url, {"address": "Groenplaats 1, 2000 Antwerpen", "radius": 100})) == [here.pk]


def test_it_shows_one_work_with_hindrance_and_diversions(antwerp, client):
    work = make_work(contact_name="Info water-link", contact_phone="03 244 05 00")
    Hindrance.objects.create(
        work=work,
        severe=True,
        start_date=work.start_date,
        end_date=work.end_date,
        consequences={"cyclists": "narrowed", "cars": "closed"},
    )
    Diversion.objects.create(work=work, description="Via de Nationalestraat", modes=["cars"])
    response = client.get(reverse("work-detail", args=[work.pk]))
    assert response.status_code == 200
    body = response.json()
    assert body["contact_phone"] == "03 244 05 00" and body["geometry"]["type"] == "Polygon"
    assert body["severe_hindrance"] is True
    (hindrance,) = body["hindrances"]
    assert [(c["mode"], c["consequence_label"]) for c in hindrance["consequences"]] == [
        ("cyclists", "versmalde doorgang"),
        ("cars", "afgesloten"),
    ]
    assert body["diversions"] == [{"description": "Via de Nationalestraat", "modes": ["cars"], "geometry": None}]


def test_it_answers_404_for_a_cancelled_or_unknown_work(antwerp, client):
    cancelled = make_work(status=Work.Status.CANCELLED)
    assert client.get(reverse("work-detail", args=[cancelled.pk])).status_code == 404
    response = client.get(reverse("work-detail", args=[cancelled.pk + 99]))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


BAD_FILTERS = [
    ({"district": "gent"}, "district", "Onbekend district 'gent'."),
    ({"lat": "noord", "lon": "4.4"}, "lat", "Geef een getal"),
    ({"lat": "51.2"}, "lon", "Geef breedte- én lengtegraad samen."),
    ({"lat": "151.2", "lon": "4.4"}, "lat", "Geef een waarde van -90 tot 90."),
    ({"address": "Groenplaats 1", "lat": "51.2", "lon": "4.4"}, "address", "niet allebei"),
    ({"radius": "300"}, "radius", "hoort bij een adres of een punt"),
    ({"lat": "51.2", "lon": "4.4", "radius": "9000"}, "radius", "Geef een waarde van 1 tot 5000."),
    ({"start": "2026-13-01"}, "start", "Geef een datum als JJJJ-MM-DD."),
    ({"start": "2026-04-01", "end": "2026-03-01"}, "end", "De einddatum ligt voor de begindatum."),
    ({"kind": "feest"}, "kind", "'feest' is geen geldige keuze; kies uit: works, groundworks, event, occupation."),
    ({"status": "cancelled"}, "status", "Geannuleerde werken zijn niet publiek."),
    ({"address": "Nergensstraat 1"}, "address", "Dit adres vinden we niet."),
    ({"address": "Korenmarkt 1, 9000 Gent"}, "address", "Dit adres ligt buiten de stad Antwerpen."),
]


def test_it_refuses_bad_filters_with_a_dutch_message_per_field(antwerp, client, geocoder):
    for query, field, message in BAD_FILTERS:
        response = client.get(reverse("work-list"), query)
        assert response.status_code == 400, query
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert any(message in text for text in error["details"][field]), (query, error["details"])
