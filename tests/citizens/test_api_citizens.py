from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.citizens.models import Citizen


def _views(citizen):
    return AuditEntry.objects.filter(action="view", object_type="citizens.citizen", object_id=str(citizen.pk))


def test_an_agent_searches_by_phone_and_each_result_is_audited(an, agent, client_for):
    response = client_for(agent).get("/api/v1/citizens/", {"q": "+32 3 123 45 67"})
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "phone"
    assert [r["id"] for r in body["results"]] == [an.pk]
    assert body["results"][0]["national_number"] == "85.07.30-033.28"
    assert body["results"][0]["phone"] == "03 123 45 67"
    assert body["results"][0]["district"] == "berchem"
    assert _views(an).get().fields == ["search"]


def test_a_search_without_q_is_refused(an, agent, client_for):
    response = client_for(agent).get("/api/v1/citizens/")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert client_for(agent).get("/api/v1/citizens/", {"q": "an", "limit": "0"}).status_code == 400


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.DISTRICT_STAFF, Role.COORDINATOR, Role.HELPDESK, Role.MANAGER])
def test_citizens_and_district_roles_cannot_reach_the_citizens(an, make_user, client_for, role):
    user = make_user(role, district="berchem" if role in (Role.DISTRICT_STAFF, Role.COORDINATOR) else None)
    client = client_for(user)
    assert client.get("/api/v1/citizens/", {"q": "van den"}).status_code == 403
    assert client.get(f"/api/v1/citizens/{an.pk}/").status_code == 403
    assert client.get(f"/api/v1/citizens/{an.pk}/timeline/").status_code == 403
    assert not _views(an).exists()


def test_anonymous_callers_are_not_authenticated(an, client):
    assert client.get("/api/v1/citizens/", {"q": "van den"}).status_code in (401, 403)


@pytest.mark.parametrize("role", [Role.AGENT, Role.CLERK, Role.BACKOFFICE, Role.ADMIN])
def test_front_office_roles_search(an, make_user, client_for, role):
    assert client_for(make_user(role)).get("/api/v1/citizens/", {"q": "van den"}).status_code == 200


def test_reading_a_citizen_is_audited(an, agent, client_for):
    response = client_for(agent).get(f"/api/v1/citizens/{an.pk}/")
    assert response.status_code == 200
    assert response.json()["last_name"] == "Van den Bossche"
    line = _views(an).get()
    assert line.actor == agent and line.district_id == an.district_id


def test_an_unknown_citizen_is_404(agent, client_for, db):
    assert client_for(agent).get("/api/v1/citizens/999999/").status_code == 404


def test_an_agent_creates_a_citizen(antwerp, agent, client_for):
    response = client_for(agent).post(
        "/api/v1/citizens/",
        {
            "first_name": "Jan",
            "last_name": "Peeters",
            "national_number": "05.03.12-002.84",
            "phone": "0470 12 34 56",
            "street": "Kerkstraat",
            "number": "1",
            "postcode": "2100",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    citizen = Citizen.objects.get(pk=response.json()["id"])
    assert citizen.national_number == "05031200284" and citizen.district.slug == "deurne"
    assert citizen.user.role == Role.CITIZEN


def test_creating_with_a_bad_national_number_answers_400_per_field(antwerp, agent, client_for):
    response = client_for(agent).post(
        "/api/v1/citizens/", {"first_name": "Jan", "last_name": "P", "national_number": "85073003329"}, format="json"
    )
    assert response.status_code == 400
    assert "national_number" in response.json()["error"]["details"]
    response = client_for(agent).post("/api/v1/citizens/", {"last_name": "P"}, format="json")
    assert response.status_code == 400 and "first_name" in response.json()["error"]["details"]


def test_an_agent_updates_a_citizen(an, agent, client_for):
    response = client_for(agent).patch(
        f"/api/v1/citizens/{an.pk}/", {"phone": "+32 470 99 88 77", "needs_digital_help": True}, format="json"
    )
    assert response.status_code == 200
    an.refresh_from_db()
    assert an.phone == "+32470998877" and an.needs_digital_help
    assert AuditEntry.objects.filter(action="change", object_id=str(an.pk)).exists()


def test_an_update_with_a_bad_phone_is_refused(an, agent, client_for):
    response = client_for(agent).patch(f"/api/v1/citizens/{an.pk}/", {"phone": "bel me"}, format="json")
    assert response.status_code == 400
    assert "phone" in response.json()["error"]["details"]


def test_the_timeline_is_read_and_audited(an, agent, client_for):
    from loket.citizens.services import contact_moment_register

    contact_moment_register(citizen=an, channel="phone", outcome="answered", actor=agent)
    response = client_for(agent).get(f"/api/v1/citizens/{an.pk}/timeline/")
    assert response.status_code == 200
    assert [item["kind"] for item in response.json()] == ["contact"]
    assert _views(an).get().fields == ["timeline"]


def test_a_bad_timeline_limit_is_refused(an, agent, client_for):
    assert client_for(agent).get(f"/api/v1/citizens/{an.pk}/timeline/", {"limit": "x"}).status_code == 400
