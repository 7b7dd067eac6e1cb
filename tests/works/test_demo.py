from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from loket.organisation.models import District
from loket.works import demo
from loket.works.models import Diversion, Hindrance, Work

pytestmark = pytest.mark.django_db


def test_the_demo_loads_about_forty_works_over_every_district_once(antwerp):
    lines: list[str] = []
    demo.load(log=lines.append)
    assert lines == [f"werken: {len(demo.demo_ids())} aangemaakt, 0 bijgewerkt, 0 ongewijzigd"]
    assert 35 <= Work.objects.count() <= 50
    assert set(Work.objects.values_list("district__slug", flat=True)) == set(
        District.objects.values_list("slug", flat=True)
    )
    counts = (Work.objects.count(), Hindrance.objects.count(), Diversion.objects.count())
    demo.load(log=lines.append)
    assert lines[-1] == f"werken: 0 aangemaakt, 0 bijgewerkt, {counts[0]} ongewijzigd"
    assert (Work.objects.count(), Hindrance.objects.count(), Diversion.objects.count()) == counts


def test_the_demo_has_past_current_and_coming_works_with_severe_hindrance(antwerp):
    demo.load(log=lambda line: None)
    today = timezone.localdate()
    assert Work.objects.filter(end_date__lt=today, status="done").exists()
    assert Work.objects.filter(start_date__lte=today, end_date__gte=today, status="in_progress").exists()
    assert Work.objects.filter(start_date__gt=today, status="planned").count() >= 10
    assert Work.objects.filter(hindrances__severe=True).distinct().count() >= 8
    assert Work.objects.filter(kind="event").exists() and Work.objects.filter(status="cancelled").exists()
    assert {"water-link", "Fluvius", "Proximus", "De Lijn", "Stad Antwerpen"} <= set(
        Work.objects.values_list("owner", flat=True)
    )


def test_loading_the_demo_a_day_later_moves_the_periods_without_new_works(antwerp):
    demo.load(log=lambda line: None)
    count = Work.objects.count()
    result = demo.works_import(records=demo.demo_records(today=timezone.localdate() + timedelta(days=1)), source="demo")
    assert result.created == 0 and result.updated == count and not result.skipped
    assert Work.objects.count() == count
