from __future__ import annotations

import pytest

from loket.reports import demo
from loket.reports.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_dozen_reports_in_several_districts_and_statuses_once(city, make_user):
    make_user("backoffice", username="backoffice")
    make_user("citizen", username="citizen", email="jan@example.be")
    lines: list[str] = []
    demo.load(log=lines.append)
    reports = Report.objects.select_related("case", "case__location_district")
    assert reports.count() == len(demo.DEMO_REPORTS) == 12
    assert len({r.case.location_district.slug for r in reports}) >= 8
    assert {r.case.status for r in reports} >= {
        "received",
        "in_progress",
        "planned",
        "done",
        "forwarded",
        "rejected",
        "duplicate",
    }
    assert Report.objects.filter(merged_into__isnull=False).count() == 1
    assert Report.objects.filter(feedback="fixed").count() == 1
    demo.load(log=lines.append)
    assert Report.objects.count() == 12
    assert lines[-1] == "meldingen: 0 aangemaakt, 12 ongewijzigd"


def test_the_demo_without_its_users_still_files_the_reports(city):
    demo.load(log=lambda line: None)
    assert Report.objects.count() == 12
