"""GET /api/v1/steering/channel-mix/: the channel mix for managers, in the API's shapes."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.accounts.models import Role

URL = "/api/v1/steering/channel-mix/"
DAY = {"from": "2026-03-10", "to": "2026-03-10"}


@pytest.fixture
def manager_api(make_user):
    api = APIClient()
    api.force_authenticate(make_user(Role.MANAGER))
    return api


def test_it_answers_counts_totals_and_percentages_per_service(manager_api, period):
    response = manager_api.get(URL, {**DAY, "group_by": "service"})
    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"], body["group_by"]) == ("2026-03-10", "2026-03-10", "service")
    assert body["district"] is None
    eid = body["cases"]["rows"][0]
    assert (eid["key"], eid["counts"]["online"], eid["counts"]["phone"], eid["total"]) == ("eid", 3, 1, 4)
    assert (eid["percentages"]["online"], eid["share"]) == (75.0, 66.7)
    assert body["cases"]["totals"]["total"] == 6
    assert [c["key"] for c in body["contact_moments"]["columns"]] == ["online", "phone", "counter", "email", "chat"]
    assert body["contact_moments"]["totals"]["counts"]["counter"] == 2


def test_it_groups_per_district_and_filters_on_one(manager_api, period):
    body = manager_api.get(URL, {**DAY, "group_by": "district", "district": "berchem"}).json()
    assert body["district"] == "berchem"
    assert [row["key"] for row in body["cases"]["rows"]] == ["berchem"]
    berchem = body["contact_moments"]["rows"][0]
    assert berchem["counts"] == {"online": 0, "phone": 1, "counter": 1, "email": 0, "chat": 0}


def test_without_parameters_it_answers_the_last_thirty_days_per_service(manager_api, period, time_machine):
    time_machine.move_to("2026-03-20 12:00:00+01:00", tick=False)
    body = manager_api.get(URL).json()
    assert (body["from"], body["to"], body["group_by"], body["cases"]["totals"]["total"]) == (
        "2026-02-19",
        "2026-03-20",
        "service",
        8,
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2026-03-10", "to": "2026-03-01"}, "to"),
        ({"from": "2025-01-01", "to": "2026-03-01"}, "to"),
        ({"from": "10-03-2026"}, "from"),
        ({"group_by": "team"}, "group_by"),
        ({"district": "atlantis"}, "district"),
    ],
)
def test_it_refuses_a_bad_period_grouping_or_district_in_the_one_error_shape(manager_api, period, query, field):
    response = manager_api.get(URL, query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and field in error["details"]


@pytest.mark.parametrize("role", [Role.CLERK, Role.DISTRICT_STAFF, Role.CITIZEN])
def test_only_managers_may_read_the_channel_mix(make_user, antwerp, role):
    api = APIClient()
    api.force_authenticate(make_user(role, district="berchem" if role == Role.DISTRICT_STAFF else None))
    response = api.get(URL)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_an_anonymous_caller_is_not_authenticated(antwerp):
    response = APIClient().get(URL)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
