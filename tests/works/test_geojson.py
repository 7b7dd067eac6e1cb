from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from loket.works import selectors
from loket.works.models import Work
from tests.works.helpers_data import GROENPLAATS, make_work, square

pytestmark = pytest.mark.django_db
LAT, LON = GROENPLAATS


def streamed_json(response):
    assert response.streaming  # the collection is never built whole in memory
    return json.loads(b"".join(response.streaming_content))


@pytest.mark.parametrize("url_name", ["work-geojson", "works:geojson"])
def test_it_serves_the_filtered_works_as_a_feature_collection(antwerp, client, url_name):
    here = make_work(title="Hier")
    make_work(geometry=square(51.1685, 4.3946), title="Wilrijk")
    make_work(start=date(2026, 6, 1), end=date(2026, 6, 2), title="Later")
    make_work(status=Work.Status.CANCELLED)
    response = client.get(reverse(url_name), {"district": "antwerpen", "end": "2026-04-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = streamed_json(response)
    assert collection["type"] == "FeatureCollection"
    assert [feature["id"] for feature in collection["features"]] == [here.pk]
    assert collection["features"][0]["properties"]["title"] == "Hier"
    assert collection["features"][0]["geometry"]["type"] == "Polygon"


def test_the_download_is_an_attachment_and_takes_a_circle(antwerp, client):
    here = make_work()
    make_work(geometry=square(LAT + 900 / 110_574.0, LON))
    response = client.get(reverse("works:geojson"), {"lat": LAT, "lon": LON, "radius": 500})
    assert response["Content-Disposition"] == 'attachment; filename="werken.geojson"'
    assert [feature["id"] for feature in streamed_json(response)["features"]] == [here.pk]


@pytest.mark.parametrize("url_name", ["work-geojson", "works:geojson"])
def test_it_refuses_bad_filters_with_400_and_a_dutch_message(antwerp, client, url_name):
    response = client.get(reverse(url_name), {"start": "gisteren", "kind": "feest"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    details = response.json()["error"]["details"]
    assert "Geef een datum als JJJJ-MM-DD." in details["start"][0]
    assert "is geen geldige keuze" in details["kind"][0]


def test_a_large_download_streams_every_work_once_in_batches(antwerp, client):
    made = [make_work(title=f"Werk {n}").pk for n in range(7)]
    chunks = list(selectors.works_geojson_chunks(works=selectors.work_list_public(), batch=3))
    assert len(chunks) == 2 + 3  # the head, three batches (3 + 3 + 1), the tail
    collection = json.loads("".join(chunks))
    assert sorted(feature["id"] for feature in collection["features"]) == sorted(made)
    assert json.loads("".join(selectors.works_geojson_chunks(works=[]))) == {
        "type": "FeatureCollection",
        "features": [],
    }
