from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.organisation.calendar import add_working_days
from loket.organisation.selectors import district_locate_point
from loket.reports.models import Category
from loket.reports.services import is_outside_city
from tests.reports.conftest import DISTRICT_POINTS, OUTSIDE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("district", sorted(DISTRICT_POINTS))
def test_a_district_level_category_goes_to_that_districts_team(submit, district):
    lat, lon = DISTRICT_POINTS[district]
    assert district_locate_point(lat=lat, lon=lon).slug == district
    report = submit("weg.put", point=(lat, lon))
    assert report.case.team.slug == f"{district}-publiek-domein"
    assert report.case.district.slug == district
    assert report.case.location_district.slug == district


@pytest.mark.parametrize("district", sorted(DISTRICT_POINTS))
def test_a_city_level_category_goes_to_the_city_team_wherever_the_point_is(submit, district):
    report = submit("verlichting.defect", point=DISTRICT_POINTS[district])
    assert report.case.team.slug == "stad-openbare-verlichting"
    assert report.case.district is None
    assert report.case.location_district.slug == district


def test_every_category_finds_its_team_in_every_district(submit):
    for category in Category.objects.all():
        report = submit(category.code, point=DISTRICT_POINTS["hoboken"])
        expected = "hoboken-" if category.competent_level == "district" else "stad-"
        assert report.case.team.slug == expected + category.team, category.code


def test_the_deadline_is_the_categorys_handling_time_in_working_days(submit):
    from django.utils import timezone

    report = submit("groen.onderhoud")
    assert report.case.deadline == add_working_days(timezone.localdate(), 20)
    assert report.case.reference.startswith("MLD-")
    assert report.case.kind == "report"


def test_a_point_outside_the_city_is_refused_with_a_clear_message(submit):
    with pytest.raises(ValidationError) as refused:
        submit("weg.put", point=OUTSIDE)
    assert is_outside_city(refused.value)
    assert "buiten de stad Antwerpen" in refused.value.message_dict["lat"][0]


def test_an_address_in_the_street_table_is_routed_to_its_district(submit):
    report = submit("groen.bank", point=None, address="Aalmoezenierstraat 12, 2000 Antwerpen")
    assert report.case.team.slug == "antwerpen-publiek-domein"


def test_an_unknown_address_is_refused(submit):
    with pytest.raises(ValidationError) as refused:
        submit("groen.bank", point=None, address="Nergensstraat 1")
    assert "address" in refused.value.message_dict


def test_without_point_or_address_the_place_is_asked_for(submit):
    with pytest.raises(ValidationError) as refused:
        submit("groen.bank", point=None)
    assert "location" in refused.value.message_dict


def test_an_unknown_category_is_refused(submit):
    with pytest.raises(ValidationError) as refused:
        submit("afval.bestaat-niet")
    assert "category" in refused.value.message_dict


def test_without_a_category_and_without_a_sure_suggestion_the_report_goes_to_the_sorting_queue(submit, monkeypatch):
    import loket.reports.services as services

    monkeypatch.setattr(services, "_suggested_category", lambda text: None)
    report = submit(None, description="Iets raars aan de hand")
    assert report.category is None
    assert report.case.team.slug == "stad-meldpunt"
    assert report.category_source == "none"


def test_a_sure_suggestion_assigns_the_category(submit, monkeypatch):
    import loket.reports.services as services

    monkeypatch.setattr(services, "_suggested_category", lambda text: Category.objects.get(code="verlichting.defect"))
    report = submit(None, description="De straatlamp is kapot")
    assert report.category.code == "verlichting.defect"
    assert report.category_source == "suggestion"
    assert report.case.team.slug == "stad-openbare-verlichting"


def test_a_required_extra_question_must_be_answered(submit):
    with pytest.raises(ValidationError) as refused:
        submit("afval.sluikstort", attributes={})
    assert refused.value.message_dict["attributes"][0].startswith("afvalsoort:")


def test_an_answer_outside_the_list_is_refused(submit):
    with pytest.raises(ValidationError) as refused:
        submit("afval.sluikstort", attributes={"afvalsoort": ["goud"]})
    assert "goud" in refused.value.message_dict["attributes"][0]


def test_an_anonymous_report_keeps_the_email_for_updates(submit, mailoutbox):
    report = submit("weg.put", email="Piet@Example.be ")
    assert report.reporter is None and report.case.citizen is None
    assert list(report.followers.values_list("email", "kind")) == [("piet@example.be", "reporter")]


def test_a_logged_in_citizen_is_the_reporter_and_the_cases_citizen(submit, citizen):
    report = submit("weg.put", actor=citizen)
    assert report.reporter == citizen and report.case.citizen == citizen
    assert not report.followers.exists()
