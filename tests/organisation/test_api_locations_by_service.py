from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.catalogue.models import Level, Service, Topic
from loket.organisation.models import Location


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def topic(antwerp) -> Topic:
    return Topic.objects.create(slug="identiteit", name="Identiteitsdocumenten", level=Level.CITY)


def offer(topic: Topic, slug: str, *locations: str, active: bool = True) -> Service:
    service = Service.objects.create(slug=slug, name=slug.title(), topic=topic, active=active)
    service.locations.set(Location.objects.filter(slug__in=locations))
    return service


def slugs(response) -> list[str]:
    assert response.status_code == 200
    return [item["slug"] for item in response.json()["results"]]


def test_it_lists_only_the_locations_that_offer_a_service(api, topic):
    offer(topic, "kids-id", "districtshuis-deurne", "districtshuis-berchem")
    offer(topic, "paspoort", "districtshuis-merksem")
    found = slugs(api.get("/api/v1/locations/", {"service": "kids-id"}))
    assert found == ["districtshuis-berchem", "districtshuis-deurne"]


def test_it_combines_the_service_filter_with_the_district(api, topic):
    offer(topic, "kids-id", "districtshuis-deurne", "districtshuis-berchem")
    assert slugs(api.get("/api/v1/locations/", {"service": "kids-id", "district": "deurne"})) == [
        "districtshuis-deurne"
    ]


@pytest.mark.parametrize("slug", ["nergens", "gestopt", "bestaat-niet"])
def test_a_service_offered_nowhere_gives_an_empty_list(api, topic, slug):
    offer(topic, "nergens")
    offer(topic, "gestopt", "districtshuis-deurne", active=False)
    response = api.get("/api/v1/locations/", {"service": slug})
    assert slugs(response) == [] and response.json()["count"] == 0


def test_it_refuses_a_service_that_is_not_a_slug(api, antwerp):
    response = api.get("/api/v1/locations/", {"service": "geen slug!"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
