from __future__ import annotations

import pytest
from django.urls import reverse

from loket.accounts.models import Role
from tests.reports.conftest import DISTRICT_POINTS, GROENPLAATS

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(submit):
    return {
        "deurne_put": submit("weg.put", point=DISTRICT_POINTS["deurne"]),
        "berchem_put": submit("weg.put", point=DISTRICT_POINTS["berchem"]),
        "deurne_lamp": submit("verlichting.defect", point=DISTRICT_POINTS["deurne"]),
    }


def shown(client, **query) -> set[str]:
    response = client.get(reverse("reports:handler-queue"), query)
    assert response.status_code == 200
    html = response.content.decode()
    return {ref for ref in REFS if ref in html}


REFS: list[str] = []


@pytest.fixture(autouse=True)
def _refs(reports):
    REFS[:] = [r.case.reference for r in reports.values()]


def test_district_staff_see_only_their_districts_reports(client, make_user, reports):
    client.force_login(make_user(Role.DISTRICT_STAFF, district="deurne"))
    assert shown(client) == {reports["deurne_put"].case.reference}  # the city's lamp is not Deurne's case


def test_city_wide_handlers_see_every_report_and_filter_them(client, make_user, reports):
    client.force_login(make_user(Role.BACKOFFICE))
    assert shown(client) == set(REFS)
    assert shown(client, category="verlichting.defect") == {reports["deurne_lamp"].case.reference}
    assert shown(client, team="berchem-publiek-domein") == {reports["berchem_put"].case.reference}
    assert shown(client, status="closed") == set()


def test_the_queue_links_to_the_case_pages_and_maps_the_reports(client, make_user, reports):
    client.force_login(make_user(Role.BACKOFFICE))
    html = client.get(reverse("reports:handler-queue")).content.decode()
    assert reverse("cases:case-detail", args=[reports["deurne_put"].case.reference]) in html
    assert html.count('"lat": ') >= 3 and "data-report-map" in html


def test_a_bad_filter_answers_400(client, make_user, reports):
    client.force_login(make_user(Role.BACKOFFICE))
    assert client.get(reverse("reports:handler-queue"), {"status": "kwijt"}).status_code == 400


def test_citizens_and_visitors_do_not_get_the_queue(client, make_user, reports):
    assert client.get(reverse("reports:handler-queue")).status_code == 302
    client.force_login(make_user(Role.CITIZEN))
    assert client.get(reverse("reports:handler-queue")).status_code == 403


def test_the_case_page_shows_reports_nearby_and_merges_them(client, make_user, submit, reports):
    main = submit("weg.put", point=GROENPLAATS)
    second = submit("weg.put", point=(GROENPLAATS[0] + 0.0002, GROENPLAATS[1]), email="tweede@example.be")
    client.force_login(make_user(Role.BACKOFFICE))
    page = client.get(reverse("cases:case-detail", args=[second.case.reference])).content.decode()
    assert "Meldingen in de buurt" in page and main.case.reference in page
    assert reverse("reports:merge", args=[second.case.reference]) in page
    response = client.post(reverse("reports:merge", args=[second.case.reference]), {"into": main.case.reference})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case-detail", args=[main.case.reference])
    second.refresh_from_db()
    assert second.merged_into == main and second.case.status == "duplicate"
    assert main.followers.filter(email="tweede@example.be").exists()


def test_merging_with_an_unknown_report_changes_nothing(client, make_user, reports):
    client.force_login(make_user(Role.BACKOFFICE))
    duplicate = reports["deurne_put"]
    client.post(reverse("reports:merge", args=[duplicate.case.reference]), {"into": "MLD-1999-000001"})
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None and duplicate.case.status == "received"


def test_district_staff_cannot_merge_another_districts_report(client, make_user, reports):
    client.force_login(make_user(Role.DISTRICT_STAFF, district="deurne"))
    url = reverse("reports:merge", args=[reports["berchem_put"].case.reference])
    assert client.post(url, {"into": reports["deurne_put"].case.reference}).status_code == 404


def test_a_handler_corrects_the_category_and_the_report_moves_team(client, make_user, reports):
    client.force_login(make_user(Role.BACKOFFICE))
    report = reports["deurne_put"]
    client.post(reverse("reports:set-category", args=[report.case.reference]), {"category": "groen.boom"})
    report.refresh_from_db()
    assert report.category.code == "groen.boom" and report.category_source == "handler"
    assert report.category_confirmed_at is not None
    assert report.case.team.slug == "deurne-groen"
    client.post(reverse("reports:set-category", args=[report.case.reference]), {"category": "verlichting.defect"})
    report.refresh_from_db()
    assert report.case.team.slug == "stad-openbare-verlichting" and report.case.district is None


def test_an_unknown_category_is_refused(client, make_user, reports):
    client.force_login(make_user(Role.BACKOFFICE))
    report = reports["deurne_put"]
    response = client.post(
        reverse("reports:set-category", args=[report.case.reference]), {"category": "x"}, follow=True
    )
    assert "Onbekende categorie" in response.content.decode()
    report.refresh_from_db()
    assert report.category.code == "weg.put"


def test_the_case_page_of_another_kind_has_no_report_section(client, make_user, city):
    from loket.cases.services import case_create

    agent = make_user(Role.BACKOFFICE)
    case = case_create(kind="request", title="Bewonerskaart", channel="online", actor=agent)
    client.force_login(agent)
    assert (
        "Meldingen in de buurt" not in client.get(reverse("cases:case-detail", args=[case.reference])).content.decode()
    )


def test_case_workers_find_the_queue_on_their_start_page(client, make_user, city):
    client.force_login(make_user(Role.DISTRICT_STAFF, district="deurne"))
    assert reverse("reports:handler-queue") in client.get(reverse("accounts:start")).content.decode()
    client.force_login(make_user(Role.CITIZEN))
    assert reverse("reports:handler-queue") not in client.get(reverse("accounts:start")).content.decode()
