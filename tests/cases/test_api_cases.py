from __future__ import annotations

import pytest
import time_machine
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases.models import Case
from loket.cases.services import case_create
from loket.organisation.models import District
from tests.cases.conftest import BRUSSELS_POINT, DEURNE_POINT


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def deurne_case(antwerp, agent, citizen):
    return case_create(
        kind="request",
        title="Zaal Deurne",
        channel="online",
        actor=agent,
        citizen=citizen,
        district=District.objects.get(slug="deurne"),
    )


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_the_front_office_opens_a_case_routed_by_a_point(topics, agent, citizen):
    response = client_for(agent).post(
        "/api/v1/cases/",
        {
            "kind": "report",
            "title": "Omgevallen boom",
            "channel": "phone",
            "topic": "test-lokale-parken",
            "lat": DEURNE_POINT[0],
            "lon": DEURNE_POINT[1],
            "citizen": citizen.id,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["reference"] == "MLD-2026-000001"
    assert (body["team"], body["district"], body["status"]) == ("deurne-groen", "deurne", "received")
    assert AuditEntry.objects.filter(action="create", object_id=str(Case.objects.get().pk)).exists()


def test_opening_a_case_with_bad_input_answers_400_and_writes_nothing(topics, agent):
    response = client_for(agent).post(
        "/api/v1/cases/",
        {"kind": "bestelling", "title": "", "channel": "fax", "topic": "bestaat-niet", "lat": 95},
        format="json",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert {"kind", "title", "channel", "topic", "lat"} <= set(error["details"])
    assert not Case.objects.exists()


def test_a_point_outside_the_city_answers_400(topics, agent):
    response = client_for(agent).post(
        "/api/v1/cases/",
        {
            "kind": "report",
            "title": "Boom",
            "channel": "phone",
            "topic": "test-lokale-parken",
            "lat": BRUSSELS_POINT[0],
            "lon": BRUSSELS_POINT[1],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "buiten de stad" in str(response.json()["error"]["details"])


def test_malformed_json_answers_400_malformed_request(agent):
    response = client_for(agent).post("/api/v1/cases/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_request"


def test_district_staff_may_list_but_not_open_cases(antwerp, make_user):
    staff = make_user(Role.DISTRICT_STAFF, district="berchem")
    assert client_for(staff).get("/api/v1/cases/").status_code == 200
    response = client_for(staff).post(
        "/api/v1/cases/", {"kind": "report", "title": "x", "channel": "online"}, format="json"
    )
    assert response.status_code == 403


def test_a_citizen_may_not_use_the_staff_list(citizen):
    assert client_for(citizen).get("/api/v1/cases/").status_code == 403


def test_the_list_filters_and_orders_on_the_server(deurne_case, agent):
    other = case_create(kind="question", title="Vraag", channel="internal", actor=agent)
    client = client_for(agent)
    body = client.get("/api/v1/cases/", {"district": "deurne"}).json()
    assert [c["reference"] for c in body["results"]] == [deurne_case.reference]
    body = client.get("/api/v1/cases/", {"kind": "question", "ordering": "-created_at"}).json()
    assert [c["reference"] for c in body["results"]] == [other.reference]
    assert body["count"] == 1


def test_an_unknown_ordering_or_overdue_value_answers_400(agent):
    client = client_for(agent)
    assert client.get("/api/v1/cases/", {"ordering": "title"}).status_code == 400
    assert client.get("/api/v1/cases/", {"overdue": "misschien"}).status_code == 400


def test_reading_a_case_with_a_citizen_is_audited_as_a_view(deurne_case, agent):
    response = client_for(agent).get(f"/api/v1/cases/{deurne_case.reference}/")
    assert response.status_code == 200
    assert response.json()["citizen"]["full_name"] == "An Peeters"
    entry = AuditEntry.objects.get(action="view")
    assert (entry.actor, entry.object_id, entry.object_type) == (agent, str(deurne_case.pk), "cases.case")


def test_district_staff_of_berchem_get_404_for_a_deurne_case(deurne_case, make_user):
    staff = make_user(Role.DISTRICT_STAFF, district="berchem")
    response = client_for(staff).get(f"/api/v1/cases/{deurne_case.reference}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert not AuditEntry.objects.filter(action="view").exists()


def test_a_citizen_lists_only_their_own_cases(deurne_case, agent, citizen, make_user):
    case_create(
        kind="request", title="Van iemand anders", channel="online", actor=agent, citizen=make_user(Role.CITIZEN)
    )
    body = client_for(citizen).get("/api/v1/me/cases/").json()
    assert [c["reference"] for c in body["results"]] == [deurne_case.reference]
    assert "team" not in body["results"][0]


def test_staff_cannot_use_the_citizens_list(agent):
    assert client_for(agent).get("/api/v1/me/cases/").status_code == 403
