from __future__ import annotations

import pytest
from django.urls import reverse

from loket.reports.models import Report
from tests.reports.conftest import GROENPLAATS, OUTSIDE, photo

pytestmark = pytest.mark.django_db


def form_data(**extra):
    data = {
        "category": "weg.put",
        "description": "Diepe put in de rijweg voor nummer 12.",
        "lat": str(GROENPLAATS[0]),
        "lon": str(GROENPLAATS[1]),
        "address": "",
        "email": "",
    }
    data.update(extra)
    return data


def test_the_form_offers_the_categories_grouped_by_main_group_and_a_map(client, city):
    page = client.get(reverse("reports:form"))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<optgroup label="Afval en netheid">' in html and 'value="afval.sluikstort"' in html
    assert "data-report-map" in html and 'name="address"' in html
    assert 'id="category-suggestions"' in html
    assert "tile.openstreetmap" not in html  # no tile server in tests: district boundaries only


def test_a_citizen_files_a_report_on_the_map_and_gets_the_follow_link(client, city):
    response = client.post(reverse("reports:form"), form_data(email="piet@example.be", photos=[photo()]))
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:thanks", args=[report.public_token])
    thanks = client.get(response["Location"]).content.decode()
    assert report.case.reference in thanks
    assert reverse("reports:public-detail", args=[report.public_token]) in thanks
    assert report.case.attachments.count() == 1 and report.email == "piet@example.be"


def test_without_javascript_an_address_is_enough(client, city):
    data = form_data(lat="", lon="", address="Aalmoezenierstraat 12, 2000 Antwerpen", category="groen.bank")
    response = client.post(reverse("reports:form"), data)
    assert response.status_code == 302
    assert Report.objects.get().case.team.slug == "antwerpen-publiek-domein"


def test_bad_input_comes_back_with_the_errors_and_what_was_typed(client, city):
    response = client.post(reverse("reports:form"), form_data(description="", lat="", lon=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Uw melding is nog niet verstuurd" in html
    assert "Dit veld is verplicht" in html or "verplicht" in html
    assert not Report.objects.exists()


def test_a_point_outside_the_city_is_refused_on_the_form(client, city):
    response = client.post(reverse("reports:form"), form_data(lat=str(OUTSIDE[0]), lon=str(OUTSIDE[1])))
    assert response.status_code == 400
    assert "buiten de stad Antwerpen" in response.content.decode()


def test_a_required_extra_question_is_asked_again(client, city):
    response = client.post(reverse("reports:form"), form_data(category="afval.sluikstort"))
    assert response.status_code == 400 and "afvalsoort" in response.content.decode()
    data = form_data(category="afval.sluikstort", **{"vraag__afval.sluikstort__afvalsoort": ["bouwafval"]})
    assert client.post(reverse("reports:form"), data).status_code == 302
    assert Report.objects.get().attributes == {"afvalsoort": ["bouwafval"]}


def test_a_report_nearby_is_shown_before_a_second_one_is_filed(client, city, submit):
    first = submit("weg.put", point=GROENPLAATS)
    response = client.post(reverse("reports:form"), form_data(lat=str(GROENPLAATS[0] + 0.0001)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Is dit uw probleem? Volg het in de plaats" in html
    assert reverse("reports:public-detail", args=[first.public_token]) in html
    assert Report.objects.count() == 1
    again = client.post(reverse("reports:form"), form_data(lat=str(GROENPLAATS[0] + 0.0001), duplicates_seen="on"))
    assert again.status_code == 302 and Report.objects.count() == 2


def test_the_duplicates_fragment_lists_reports_nearby(client, city, submit):
    first = submit("weg.put", point=GROENPLAATS)
    query = {"category": "weg.put", "lat": GROENPLAATS[0], "lon": GROENPLAATS[1]}
    assert first.case.reference in client.get(reverse("reports:duplicates"), query).content.decode()
    assert client.get(reverse("reports:duplicates"), {"category": "weg.put", "lat": "x"}).content.strip() == b""


def test_following_instead_asks_the_address_to_confirm(client, city, submit):
    first = submit("weg.put", point=GROENPLAATS)
    response = client.post(reverse("reports:follow", args=[first.public_token]), {"email": "buur@example.be"})
    assert response.status_code == 302
    assert first.followers.filter(email="buur@example.be", kind="follower", confirmed_at__isnull=True).exists()
    client.post(reverse("reports:follow", args=[first.public_token]), {"email": "geen adres"})
    assert first.followers.count() == 1


def test_the_address_search_answers_the_district(client, city):
    answer = client.get(reverse("reports:geocode"), {"address": "Aalmoezenierstraat 12, 2000 Antwerpen"}).json()
    assert answer["found"] and answer["district"] == "antwerpen" and answer["lat"]
    assert client.get(reverse("reports:geocode"), {"address": "Nergensstraat 1"}).json()["found"] is False
    assert client.get(reverse("reports:geocode")).status_code == 400


def test_the_photo_place_is_read_without_storing_the_photo(client, city):
    from tests.reports.test_photos import gps_jpeg

    answer = client.post(reverse("reports:photo-place"), {"photo": photo(content=gps_jpeg())}).json()
    assert answer["found"] and answer["inside"] and answer["lat"] == pytest.approx(GROENPLAATS[0], abs=1e-5)
    assert client.post(reverse("reports:photo-place"), {"photo": photo()}).json() == {"found": False}
    assert client.post(reverse("reports:photo-place")).status_code == 400


@pytest.fixture
def personal_report(submit, citizen):
    return submit(
        "weg.put",
        actor=citizen,
        email="geheim@example.be",
        photos=[photo("mijn-huis.jpg")],
        description="Put voor de deur.",
    )


def test_the_public_page_shows_the_report_without_personal_data(client, personal_report, backoffice):
    from loket.cases.services import case_add_note

    case_add_note(case=personal_report.case, text="Intern: buurman belt vaak", actor=backoffice)
    case_add_note(case=personal_report.case, text="We komen volgende week.", actor=backoffice, public=True)
    html = client.get(reverse("reports:public-detail", args=[personal_report.public_token])).content.decode()
    assert personal_report.case.reference in html and "Put voor de deur." in html
    assert "We komen volgende week." in html
    for secret in ("geheim@example.be", "an@example.be", "Peeters", "mijn-huis.jpg", "Intern: buurman", "attachments/"):
        assert secret not in html


def test_the_public_list_and_map_show_no_personal_data(client, personal_report):
    html = client.get(reverse("reports:public-list")).content.decode()
    assert personal_report.case.reference in html
    for secret in ("geheim@example.be", "an@example.be", "Peeters", "mijn-huis.jpg"):
        assert secret not in html


def test_the_public_list_filters_on_category_status_district_and_period(client, submit):
    pothole = submit("weg.put", point=GROENPLAATS)
    lamp = submit("verlichting.defect", point=(51.2194, 4.4646))  # Deurne
    url = reverse("reports:public-list")

    def shown(**query):
        html = client.get(url, query).content.decode()
        return {r.case.reference for r in (pothole, lamp) if r.case.reference in html}

    assert shown() == {pothole.case.reference, lamp.case.reference}
    assert shown(category="weg.put") == {pothole.case.reference}
    assert shown(district="deurne") == {lamp.case.reference}
    assert shown(status="open") == {pothole.case.reference, lamp.case.reference}
    assert shown(status="closed") == set()
    assert shown(start="2000-01-01", end="2000-12-31") == set()


def test_the_public_list_refuses_a_bad_filter(client, city):
    response = client.get(reverse("reports:public-list"), {"start": "gisteren", "status": "weg"})
    assert response.status_code == 400


def test_an_unknown_token_is_not_found(client, city):
    assert client.get(reverse("reports:public-detail", args=["bestaat-niet"])).status_code == 404
