from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.reports.models import Report
from tests.reports.conftest import GROENPLAATS, OUTSIDE, jpeg_bytes, photo

pytestmark = pytest.mark.django_db

REPORTS = "/api/v1/reports/"


@pytest.fixture
def api():
    return APIClient()


def body(**extra):
    data = {"category": "weg.put", "description": "Put in de weg", "lat": GROENPLAATS[0], "lon": GROENPLAATS[1]}
    data.update(extra)
    return data


def test_a_report_is_filed_with_json_without_logging_in(api, city):
    response = api.post(REPORTS, body(email="piet@example.be"), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    report = Report.objects.get()
    assert data["reference"] == report.case.reference and data["status"] == "received"
    assert data["agency_responsible"] == "Antwerpen: Publiek domein"
    assert data["public_url"].endswith(reverse("reports:public-detail", args=[report.public_token]))
    assert "email" not in data and report.case.channel == "api"


def test_a_report_is_filed_as_multipart_with_photos_and_answers(api, city):
    data = body(
        category="afval.sluikstort", attributes=json.dumps({"afvalsoort": ["bouwafval"]}), photos=[photo(), photo()]
    )
    response = api.post(REPORTS, data, format="multipart")
    assert response.status_code == 201, response.json()
    report = Report.objects.get()
    assert report.case.attachments.count() == 2 and report.attributes == {"afvalsoort": ["bouwafval"]}


def test_a_point_outside_the_city_answers_outside_city(api, city):
    response = api.post(REPORTS, body(lat=OUTSIDE[0], lon=OUTSIDE[1]), format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "outside_city" and "buiten de stad" in error["message"]


def test_bad_input_answers_in_the_one_error_shape(api, city):
    response = api.post(REPORTS, {"description": ""}, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message", "details"}
    response = api.post(REPORTS, body(category="bestaat.niet"), format="json")
    assert response.status_code == 400 and "category" in response.json()["error"]["details"]


def test_photos_are_checked_by_size_type_and_count(api, city, settings):
    settings.ATTACHMENT_MAX_BYTES = 600  # the photo limit is the smaller of this and PHOTO_MAX_BYTES
    big = photo("groot.jpg", jpeg_bytes(size=(400, 400)))
    assert big.size > 600
    too_large = api.post(REPORTS, body(photos=[big]), format="multipart")
    assert too_large.status_code == 413 and too_large.json()["error"]["code"] == "too_large"
    text = photo("tekst.jpg", b"gewoon tekst, geen foto")
    unsupported = api.post(REPORTS, body(photos=[text]), format="multipart")
    assert unsupported.status_code == 415
    too_many = api.post(REPORTS, body(photos=[photo(str(n)) for n in range(4)]), format="multipart")
    assert too_many.status_code == 400
    assert not Report.objects.exists()


def test_only_staff_choose_the_channel(api, city, make_user):
    assert api.post(REPORTS, body(channel="phone"), format="json").status_code == 400
    api.force_authenticate(make_user(Role.AGENT))
    response = api.post(REPORTS, body(channel="phone", email="beller@example.be"), format="json")
    assert response.status_code == 201
    assert Report.objects.get().case.channel == "phone"


def test_the_list_shows_public_fields_and_filters(api, submit, citizen):
    pothole = submit("weg.put", point=GROENPLAATS, actor=citizen, email="geheim@example.be")
    submit("verlichting.defect", point=(51.2194, 4.4646))
    response = api.get(REPORTS, {"category": "weg.put"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["reference"] for r in results] == [pothole.case.reference]
    text = json.dumps(response.json())
    assert "geheim@example.be" not in text and "an@example.be" not in text and "Peeters" not in text
    assert api.get(REPORTS, {"district": "deurne"}).json()["count"] == 1
    assert api.get(REPORTS, {"status": "closed"}).json()["count"] == 0


def test_the_list_refuses_bad_filters(api, city):
    response = api.get(REPORTS, {"status": "zoek", "start": "morgen"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"


def test_one_report_with_its_public_updates(api, submit):
    report = submit("weg.put")
    response = api.get(f"{REPORTS}{report.pk}/")
    assert response.status_code == 200
    assert response.json()["updates"][0]["label"] == "ontvangen"
    assert api.get(f"{REPORTS}999999/").status_code == 404


def test_the_categories_with_their_extra_questions(api, city):
    response = api.get("/api/v1/report-categories/")
    assert response.status_code == 200
    categories = {c["code"]: c for c in response.json()}
    assert len(categories) == 33
    assert categories["afval.sluikstort"]["attributes"][0]["code"] == "afvalsoort"
    assert categories["weg.put"]["competent_level"] == "district"


def test_a_handler_merges_through_the_api(api, submit, make_user):
    main = submit("weg.put")
    second = submit("weg.put", point=(GROENPLAATS[0] + 0.0001, GROENPLAATS[1]))
    url = f"{REPORTS}{second.pk}/merge/"
    assert api.post(url, {"into": main.pk}, format="json").status_code in (401, 403)
    api.force_authenticate(make_user(Role.BACKOFFICE))
    assert api.post(url, {"into": second.pk}, format="json").status_code == 409
    response = api.post(url, {"into": main.pk}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "duplicate"
    assert response.json()["merged_into"] == main.public_token
    assert api.post(url, {"into": "x"}, format="json").status_code == 400


def test_district_staff_cannot_merge_outside_their_district(api, submit, make_user):
    main = submit("weg.put")
    second = submit("weg.put", point=(GROENPLAATS[0] + 0.0001, GROENPLAATS[1]))
    api.force_authenticate(make_user(Role.DISTRICT_STAFF, district="deurne"))
    assert api.post(f"{REPORTS}{second.pk}/merge/", {"into": main.pk}, format="json").status_code == 404
