from __future__ import annotations

import pytest

from loket.open311.models import ApiKey
from loket.reports.models import Report
from tests.open311.conftest import BASE, DISTRICT_POINTS, OUTSIDE, children, xml

pytestmark = pytest.mark.django_db


def test_a_request_with_a_point_is_filed_as_a_report_and_answers_its_reference(post):
    response = post(email="melder@example.be", first_name="An", phone="0470000000")
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    [answer] = response.json()
    assert list(answer) == ["service_request_id", "service_notice", "account_id"]
    report = Report.objects.get()
    assert answer["service_request_id"] == report.case.reference
    assert answer["account_id"] is None
    assert answer["service_notice"] == "Behandeltermijn: 10 werkdagen."
    assert report.category.code == "weg.put"
    assert report.case.channel == "api"
    assert report.email == "melder@example.be"
    assert report.reporter is None


def test_a_request_in_xml_answers_service_requests_request(post):
    response = post("xml")
    assert response.status_code == 201
    root = xml(response)
    assert root.tag == "service_requests"
    assert children(root.find("request")) == ["service_request_id", "service_notice", "account_id"]
    assert root.findtext("request/service_request_id") == Report.objects.get().case.reference


def test_a_request_with_an_address_string_is_routed_by_the_address(post):
    response = post(address_string="Aalmoezenierstraat 12, 2000 Antwerpen")
    assert response.status_code == 201
    assert Report.objects.get().case.team.slug == "antwerpen-publiek-domein"


def test_a_district_level_service_goes_to_the_team_of_the_points_district(post):
    lat, lon = DISTRICT_POINTS["deurne"]
    assert post(lat=str(lat), long=str(lon)).status_code == 201
    assert Report.objects.get().case.team.slug == "deurne-publiek-domein"


def test_attributes_are_stored_one_and_several_values(post):
    response = post(service_code="afval.sluikstort", **{"attribute[afvalsoort][]": ["grofvuil", "elektro"],
                                                       "attribute[hoeveelheid]": "groot"})  # fmt: skip
    assert response.status_code == 201, response.content
    assert Report.objects.get().attributes == {"afvalsoort": ["grofvuil", "elektro"], "hoeveelheid": "groot"}


def test_without_a_description_the_service_name_describes_the_request(post):
    assert post(description=None).status_code == 201
    assert Report.objects.get().description == "Put of schade in de rijweg"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_missing_api_key_is_refused_with_403(post, fmt):
    response = post(fmt, api_key="")
    assert response.status_code == 403
    if fmt == "json":
        assert response.json() == [{"code": 403, "description": "api_key: missing or invalid"}]
    else:
        assert xml(response).findtext("error/code") == "403"
    assert not Report.objects.exists()


def test_a_wrong_or_revoked_api_key_is_refused(post, api_key):
    assert post(api_key="not-a-key").status_code == 403
    ApiKey.objects.update(active=False)
    assert post(api_key=api_key).status_code == 403
    assert not Report.objects.exists()


def test_keys_are_stored_hashed_and_their_use_is_recorded(post, api_key):
    key = ApiKey.objects.get()
    assert api_key not in key.key_hash and key.prefix == api_key[:8]
    assert post().status_code == 201
    key.refresh_from_db()
    first_use = key.last_used_at
    assert first_use is not None
    assert post().status_code == 201
    key.refresh_from_db()
    assert key.last_used_at == first_use  # at most one write per key per hour


def test_the_demo_key_works_only_in_demo_mode(post, settings):
    settings.DEMO_MODE = False
    assert post(api_key="demo-open311-key").status_code == 403
    settings.DEMO_MODE = True
    assert post(api_key="demo-open311-key").status_code == 201


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_point_outside_the_city_is_400_with_a_clear_description(post, fmt):
    response = post(fmt, lat=str(OUTSIDE[0]), long=str(OUTSIDE[1]))
    assert response.status_code == 400
    if fmt == "json":
        [error] = response.json()
        assert error["code"] == 400
        assert error["description"].startswith("lat/long: ")
        assert "buiten de stad Antwerpen" in error["description"]
    else:
        root = xml(response)
        assert root.tag == "errors"
        assert "buiten de stad Antwerpen" in root.findtext("error/description")
    assert not Report.objects.exists()


def test_a_latitude_that_is_no_number_is_400(post):
    response = post(lat="noord")
    assert response.status_code == 400
    assert response.json() == [{"code": 400, "description": "lat: not a number: 'noord'"}]


def test_an_impossible_latitude_is_400(post):
    response = post(lat="123.0")
    assert response.status_code == 400
    assert response.json()[0]["description"].startswith("lat/long: ")


def test_a_request_without_any_place_is_400(post):
    response = post(lat=None, long=None)
    assert response.status_code == 400
    assert "lat/long or address_string" in response.json()[0]["description"]


def test_a_missing_service_code_is_400_and_an_unknown_one_404(post):
    assert post(service_code="").status_code == 400
    response = post(service_code="weg.onbekend")
    assert response.status_code == 404
    assert response.json() == [{"code": 404, "description": "service_code 'weg.onbekend' not found"}]


def test_a_required_attribute_of_the_definition_is_enforced(post):
    response = post(service_code="afval.sluikstort")
    assert response.status_code == 400
    [error] = response.json()
    assert error["description"].startswith("attribute: afvalsoort: ")
    assert post(service_code="afval.sluikstort", **{"attribute[afvalsoort]": "puin"}).status_code == 400
    assert not Report.objects.exists()


def test_a_bad_media_url_and_email_are_reported_together(post):
    response = post(media_url="ftp://x", email="geen-adres")
    assert response.status_code == 400
    descriptions = sorted(error["description"].split(":")[0] for error in response.json())
    assert descriptions == ["email", "media_url"]


def test_only_get_and_post_are_allowed_on_requests(client, city):
    assert client.put(f"{BASE}requests.json").status_code == 405
