from __future__ import annotations

from rest_framework.test import APIClient

from loket.accounts.models import Role


def test_me_describes_a_district_staff_member(make_user, antwerp):
    client = APIClient()
    client.force_authenticate(
        make_user(Role.DISTRICT_STAFF, "berchem", username="bea", first_name="Bea", last_name="Vos")
    )
    response = client.get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json() == {
        "username": "bea",
        "full_name": "Bea Vos",
        "role": "district_staff",
        "district": {"slug": "berchem", "name": "Berchem"},
    }


def test_me_has_no_district_for_a_city_wide_role(make_user):
    client = APIClient()
    client.force_authenticate(make_user(Role.MANAGER))
    assert client.get("/api/v1/me/").json()["district"] is None


def test_me_works_with_the_session_too(client, make_user):
    client.force_login(make_user(Role.CITIZEN, username="jan"))
    assert client.get("/api/v1/me/").json()["role"] == "citizen"


def test_me_needs_a_signed_in_user(db):
    response = APIClient().get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
