from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from loket.accounts.models import Role
from loket.cases.services import case_transition
from loket.reports.models import Report
from loket.reports.services import report_submit
from tests.open311.conftest import BASE, DISTRICT_POINTS, GROENPLAATS, children, xml

pytestmark = pytest.mark.django_db

REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]


@pytest.fixture
def report_at(city):
    def make(code: str = "weg.put", point: tuple[float, float] = GROENPLAATS, days_ago: int = 0, **extra) -> Report:
        extra.setdefault("description", "Een diepe put.")
        report = report_submit(category_code=code, lat=point[0], lon=point[1], email="melder@example.be", **extra)
        if days_ago:
            Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
        report.refresh_from_db()
        return report

    return make


@pytest.fixture
def handler(make_user):
    return make_user(Role.BACKOFFICE, username="handler", email="handler@antwerpen.be")


def close(report: Report, actor) -> None:
    case_transition(case=report.case, to_status="rejected", actor=actor, text="Geen probleem gevonden.", public=True)


def ids(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["service_request_id"] for row in response.json()]


def test_a_single_request_in_json_has_every_field_and_no_personal_data(client, report_at):
    report = report_at(media_url="https://example.org/put.jpg", address="Groenplaats 1, 2000 Antwerpen")
    response = client.get(f"{BASE}requests/{report.case.reference}.json")
    assert response.status_code == 200
    [row] = response.json()
    assert list(row) == REQUEST_FIELDS
    assert row["service_request_id"] == report.case.reference
    assert row["status"] == "open"
    assert row["service_code"] == "weg.put"
    assert row["agency_responsible"] == report.case.team.name
    assert row["zipcode"] == "2000"
    assert row["lat"] == GROENPLAATS[0] and row["long"] == GROENPLAATS[1]
    assert row["media_url"] == "https://example.org/put.jpg"
    assert dt.datetime.fromisoformat(row["requested_datetime"]).utcoffset() is not None
    assert dt.datetime.fromisoformat(row["expected_datetime"]).date() == report.case.deadline
    assert "melder@example.be" not in response.content.decode()


def test_a_single_request_in_xml_follows_the_specifications_order(client, report_at):
    report = report_at()
    root = xml(client.get(f"{BASE}requests/{report.case.reference}.xml"))
    assert root.tag == "service_requests"
    assert children(root) == ["request"]
    assert children(root.find("request")) == REQUEST_FIELDS
    assert root.findtext("request/status") == "open"
    assert root.findtext("request/address_id") == ""


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_request_is_404(client, city, fmt):
    response = client.get(f"{BASE}requests/MLD-1900-000001.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert response.json()[0]["code"] == 404
    else:
        assert xml(response).findtext("error/code") == "404"


def test_agency_responsible_is_the_district_team_or_the_city_team(client, report_at):
    district = report_at("weg.put", point=DISTRICT_POINTS["merksem"])
    city_level = report_at("verlichting.defect", point=DISTRICT_POINTS["merksem"])
    rows = {row["service_code"]: row for row in client.get(f"{BASE}requests.json").json()}
    assert district.case.team.slug == "merksem-publiek-domein"
    assert rows["weg.put"]["agency_responsible"] == district.case.team.name
    assert city_level.case.team.slug == "stad-openbare-verlichting"
    assert rows["verlichting.defect"]["agency_responsible"] == city_level.case.team.name


def test_the_list_defaults_to_the_last_90_days_newest_first(client, report_at):
    recent, older = report_at(days_ago=1), report_at(days_ago=30)
    report_at(days_ago=120)
    assert ids(client.get(f"{BASE}requests.json")) == [recent.case.reference, older.case.reference]


def test_several_ids_override_every_other_argument(client, report_at):
    a, b = report_at(), report_at(days_ago=200)
    query = f"service_request_id={a.case.reference},{b.case.reference}&status=closed&service_code=x"
    assert sorted(ids(client.get(f"{BASE}requests.json?{query}"))) == sorted([a.case.reference, b.case.reference])


def test_the_date_filters_take_w3c_datetimes(client, report_at):
    report_at(days_ago=1)
    middle = report_at(days_ago=10)
    report_at(days_ago=40)
    start = (timezone.now() - dt.timedelta(days=20)).isoformat(timespec="seconds")
    end = (timezone.now() - dt.timedelta(days=5)).isoformat(timespec="seconds")
    response = client.get(f"{BASE}requests.json", {"start_date": start, "end_date": end})
    assert ids(response) == [middle.case.reference]


def test_only_a_start_date_reaches_at_most_90_days_further(client, report_at):
    report_at(days_ago=1)
    old = report_at(days_ago=150)
    start = (timezone.now() - dt.timedelta(days=160)).isoformat(timespec="seconds")
    assert ids(client.get(f"{BASE}requests.json", {"start_date": start})) == [old.case.reference]


@pytest.mark.parametrize(
    "query",
    [
        {"start_date": "gisteren"},
        {"status": "half"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
        {"start_date": "2026-06-01T00:00:00Z", "end_date": "2026-05-01T00:00:00Z"},
    ],
)
def test_bad_filters_are_400(client, city, query):
    response = client.get(f"{BASE}requests.json", query)
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_bad_filters_are_400_in_xml_too(client, city):
    root = xml(client.get(f"{BASE}requests.xml", {"status": "half"}))
    assert root.tag == "errors" and children(root.find("error")) == ["code", "description"]


def test_the_status_filter_separates_open_and_closed(client, report_at, handler):
    still_open, closed = report_at(), report_at()
    close(closed, handler)
    assert ids(client.get(f"{BASE}requests.json?status=open")) == [still_open.case.reference]
    assert ids(client.get(f"{BASE}requests.json?status=closed")) == [closed.case.reference]
    [row] = client.get(f"{BASE}requests/{closed.case.reference}.json").json()
    assert row["status"] == "closed"
    assert row["status_notes"] == "Geen probleem gevonden."


def test_the_service_code_filter(client, report_at):
    report_at("weg.put")
    light = report_at("verlichting.defect")
    assert ids(client.get(f"{BASE}requests.json?service_code=verlichting.defect")) == [light.case.reference]


def test_the_list_in_xml(client, report_at):
    report_at(), report_at()
    root = xml(client.get(f"{BASE}requests.xml"))
    assert root.tag == "service_requests" and children(root) == ["request", "request"]


def test_a_token_gives_the_service_request_id(client, report_at):
    report = report_at()
    [row] = client.get(f"{BASE}tokens/{report.public_token}.json").json()
    assert row == {"service_request_id": report.case.reference, "token": report.public_token}
    root = xml(client.get(f"{BASE}tokens/{report.public_token}.xml"))
    assert root.tag == "service_requests" and children(root.find("request")) == ["service_request_id", "token"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_token_is_404(client, city, fmt):
    assert client.get(f"{BASE}tokens/onbekend.{fmt}").status_code == 404
