from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from loket.cases.services import case_transition
from loket.reports.models import Category, Follower
from loket.reports.selectors import duplicates_near, haversine_m
from loket.reports.services import report_merge
from tests.reports.conftest import GROENPLAATS

pytestmark = pytest.mark.django_db


def north_of(point: tuple[float, float], metres: float) -> tuple[float, float]:
    return point[0] + metres / 111_320.0, point[1]


def east_of(point: tuple[float, float], metres: float) -> tuple[float, float]:
    import math

    return point[0], point[1] + metres / (111_320.0 * math.cos(math.radians(point[0])))


def test_the_distance_is_measured_on_the_earth():
    assert haversine_m(*GROENPLAATS, *north_of(GROENPLAATS, 40)) == pytest.approx(40, abs=0.5)
    assert haversine_m(*GROENPLAATS, *east_of(GROENPLAATS, 40)) == pytest.approx(40, abs=0.5)


def test_an_open_report_of_the_same_category_within_50_m_is_a_duplicate(submit):
    first = submit("afval.sluikstort", point=GROENPLAATS)
    category = first.category
    found = duplicates_near(category=category, lat=GROENPLAATS[0] + 0.0003, lon=GROENPLAATS[1])  # about 33 m
    assert [r.pk for r in found] == [first.pk]
    assert found[0].distance_m == 33


def test_nothing_further_than_the_radius_even_inside_the_bounding_box(submit):
    submit("afval.sluikstort", point=GROENPLAATS)
    category = Category.objects.get(code="afval.sluikstort")
    corner = east_of(north_of(GROENPLAATS, 45), 45)  # in the box, 64 m away
    assert duplicates_near(category=category, lat=corner[0], lon=corner[1]) == []
    assert duplicates_near(category=category, lat=north_of(GROENPLAATS, 49)[0], lon=GROENPLAATS[1])
    assert duplicates_near(category=category, lat=north_of(GROENPLAATS, 51)[0], lon=GROENPLAATS[1]) == []


def test_another_category_is_no_duplicate(submit):
    submit("afval.sluikstort", point=GROENPLAATS)
    other = Category.objects.get(code="afval.zwerfvuil")
    assert duplicates_near(category=other, lat=GROENPLAATS[0], lon=GROENPLAATS[1]) == []


def test_a_closed_report_is_no_duplicate_before_and_after_the_report_is_in_step(
    submit, backoffice, django_capture_on_commit_callbacks
):
    first = submit("afval.sluikstort", point=GROENPLAATS)
    case_transition(case=first.case, to_status="rejected", actor=backoffice)  # the hook has not run yet
    assert duplicates_near(category=first.category, lat=GROENPLAATS[0], lon=GROENPLAATS[1]) == []
    second = submit("afval.sluikstort", point=GROENPLAATS)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=second.case, to_status="rejected", actor=backoffice)
    second.refresh_from_db()
    assert second.closed_at is not None
    assert duplicates_near(category=first.category, lat=GROENPLAATS[0], lon=GROENPLAATS[1]) == []


def test_the_radius_is_configurable_per_category(submit):
    submit("afval.sluikstort", point=GROENPLAATS)
    category = Category.objects.get(code="afval.sluikstort")
    far = north_of(GROENPLAATS, 120)
    assert duplicates_near(category=category, lat=far[0], lon=far[1]) == []
    category.duplicate_radius_m = 150
    category.save()
    assert len(duplicates_near(category=category, lat=far[0], lon=far[1])) == 1


def test_the_report_itself_can_be_left_out(submit):
    first = submit("afval.sluikstort", point=GROENPLAATS)
    assert duplicates_near(category=first.category, lat=first.lat, lon=first.lon, exclude=first) == []


@pytest.fixture
def pair(submit, citizen):
    main = submit("afval.sluikstort", point=GROENPLAATS, email="eerste@example.be")
    duplicate = submit("afval.sluikstort", point=north_of(GROENPLAATS, 20), email="tweede@example.be")
    logged_in = submit("afval.sluikstort", point=north_of(GROENPLAATS, 10), actor=citizen)
    mail.outbox.clear()
    return main, duplicate, logged_in


def test_merging_marks_the_duplicate_and_carries_its_followers_over(
    pair, backoffice, django_capture_on_commit_callbacks
):
    main, duplicate, logged_in = pair
    with django_capture_on_commit_callbacks(execute=True):
        report_merge(duplicate=duplicate, into=main, actor=backoffice)
        report_merge(duplicate=logged_in, into=main, actor=backoffice)
    duplicate.refresh_from_db()
    assert duplicate.merged_into == main
    assert duplicate.case.status == "duplicate" and duplicate.closed_at is not None
    followers = dict(main.followers.values_list("email", "kind"))
    assert followers == {"eerste@example.be": "reporter", "tweede@example.be": "merged", "an@example.be": "merged"}
    event = duplicate.case.events.filter(kind="status").last()
    assert event.public and main.case.reference in event.text
    assert main.case.events.filter(kind="note", text__contains=duplicate.case.reference).exists()


def test_the_reporter_of_a_duplicate_hears_of_the_main_reports_updates(
    pair, backoffice, django_capture_on_commit_callbacks
):
    main, duplicate, _ = pair
    with django_capture_on_commit_callbacks(execute=True):
        report_merge(duplicate=duplicate, into=main, actor=backoffice)
    assert [m.to for m in mail.outbox] == [["tweede@example.be"]]  # "dubbele melding", with the main link
    assert main.case.reference in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=main.case, to_status="planned", actor=backoffice, text="Ophaling dinsdag.", public=True)
    assert sorted(m.to[0] for m in mail.outbox) == ["eerste@example.be", "tweede@example.be"]
    assert all("Ophaling dinsdag." in m.body for m in mail.outbox)


def test_a_report_is_not_merged_with_itself_or_into_a_closed_or_merged_one(pair, backoffice):
    main, duplicate, logged_in = pair
    with pytest.raises(ValidationError):
        report_merge(duplicate=main, into=main, actor=backoffice)
    report_merge(duplicate=duplicate, into=main, actor=backoffice)
    with pytest.raises(ValidationError):
        report_merge(duplicate=logged_in, into=duplicate, actor=backoffice)
    case_transition(case=main.case, to_status="rejected", actor=backoffice)
    with pytest.raises(ValidationError):
        report_merge(duplicate=logged_in, into=main, actor=backoffice)
    assert not Follower.objects.filter(report=duplicate, kind="merged").exists()
