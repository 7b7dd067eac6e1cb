from __future__ import annotations

import json

import pytest

from loket.works.models import Diversion, Hindrance, Work
from tests.works.helpers_data import GROENPLAATS, OUTSIDE, make_work, square

pytestmark = pytest.mark.django_db
ADD = "/beheer/works/work/add/"


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    return client


def form(geometry=None, **fields):
    data = {
        "title": "Nieuwe boordstenen Hoogstraat",
        "description": "",
        "kind": "works",
        "status": "planned",
        "groundwork_category": "",
        "start_date": "2026-03-02",
        "end_date": "2026-03-20",
        "owner": "District Antwerpen",
        "contractor": "",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "url": "",
        "address": "Hoogstraat, 2000 Antwerpen",
        "geometry": json.dumps(geometry or square(*GROENPLAATS)),
        "source": "stad",
        "external_id": "HOOG-1",
        "hindrances-TOTAL_FORMS": "1",
        "hindrances-INITIAL_FORMS": "0",
        "hindrances-0-severe": "on",
        "hindrances-0-start_date": "2026-03-02",
        "hindrances-0-end_date": "2026-03-06",
        "hindrances-0-consequences": '{"cars": "closed"}',
        "hindrances-0-description": "",
        "diversions-TOTAL_FORMS": "1",
        "diversions-INITIAL_FORMS": "0",
        "diversions-0-description": "Via de Nationalestraat",
        "diversions-0-modes": '["cars"]',
        "diversions-0-geometry": "null",
    }
    data.update(fields)
    return data


def test_an_administrator_adds_a_work_and_its_district_and_box_are_computed(antwerp, admin_client):
    response = admin_client.post(ADD, form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    work = Work.objects.get(external_id="HOOG-1")
    assert work.district.slug == "antwerpen"
    assert work.min_lat < GROENPLAATS[0] < work.max_lat and work.min_lon < GROENPLAATS[1] < work.max_lon
    assert list(Hindrance.objects.values_list("severe", "consequences")) == [(True, {"cars": "closed"})]
    assert list(Diversion.objects.values_list("modes", flat=True)) == [["cars"]]


BAD_WORKS = [
    ({"geometry": square(*OUTSIDE)}, "buiten de stad Antwerpen"),
    ({"geometry": {"type": "Circle", "coordinates": [4.4, 51.2]}}, "Onbekend geometrietype"),
    ({"geometry": "POINT (4.4 51.2)"}, "De geometrie moet een GeoJSON-object zijn."),
    ({"end_date": "2026-03-01"}, "De einddatum ligt voor de begindatum."),
    ({"hindrances-0-consequences": '{"boats": "closed"}'}, "Onbekende vervoerswijze"),
    ({"diversions-0-modes": '["boats"]'}, "Geef een lijst van vervoerswijzen"),
]


def test_it_refuses_a_bad_work_with_a_dutch_message(antwerp, admin_client):
    for fields, message in BAD_WORKS:
        response = admin_client.post(ADD, form(**fields))
        assert response.status_code == 200, fields
        assert message in response.content.decode(), fields
    assert not Work.objects.exists()


def test_moving_a_work_recomputes_its_district(antwerp, admin_client):
    work = make_work(external_id="HOOG-1", source="stad")
    data = form(geometry=square(51.1685, 4.3946))
    data.update({"hindrances-TOTAL_FORMS": "0", "diversions-TOTAL_FORMS": "0"})
    response = admin_client.post(f"/beheer/works/work/{work.pk}/change/", data)
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.district.slug == "wilrijk" and work.min_lat < 51.1685 < work.max_lat


def test_the_lists_open_with_filters_and_subscriptions_are_not_added_here(antwerp, admin_client):
    make_work()
    assert admin_client.get("/beheer/works/work/", {"status": "planned", "q": "voetpad"}).status_code == 200
    assert admin_client.get("/beheer/works/areasubscription/").status_code == 200
    assert admin_client.get("/beheer/works/worknotice/").status_code == 200
    assert admin_client.get("/beheer/works/areasubscription/add/").status_code == 403
