from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from loket.works.models import AreaSubscription, Work, WorkNotice
from tests.works.helpers_data import GROENPLAATS
from tests.works.test_import import feature, write

pytestmark = pytest.mark.django_db
LAT, LON = GROENPLAATS


def subscription(*, confirmed: bool = True, lat: float = LAT, lon: float = LON) -> AreaSubscription:
    return AreaSubscription.objects.create(
        email="buur@example.be",
        address="Groenplaats 1, 2000 Antwerpen",
        lat=lat,
        lon=lon,
        radius_m=500,
        confirmed_at=timezone.now() if confirmed else None,
    )


def coming(external_id: str = "GIPOD-1001", **properties):
    today = timezone.localdate()
    return feature(
        external_id,
        start=(today + timedelta(days=7)).isoformat(),
        end=(today + timedelta(days=30)).isoformat(),
        hindrances=[],
        **properties,
    )


def run(*args) -> str:
    out = StringIO()
    call_command("works_import", *args, stdout=out)
    return out.getvalue()


def test_a_new_work_near_a_confirmed_subscription_queues_one_notice(antwerp, tmp_path):
    nearby = subscription()
    subscription(confirmed=False)
    subscription(lat=51.1685, lon=4.3946)  # Wilrijk: too far
    path = write(tmp_path, [coming()])
    output = run(path)
    assert "1 berichten voor abonnees in de buurt van nieuwe werken klaargezet." in output
    work = Work.objects.get(external_id="GIPOD-1001")
    assert list(WorkNotice.objects.values_list("subscription", "work")) == [(nearby.pk, work.pk)]

    # Running the same file again (or with a change) creates no work, so no new notice.
    run(write(tmp_path, [coming(title="Nieuwe titel")]))
    assert WorkNotice.objects.count() == 1


def test_a_dry_run_queues_no_notice(antwerp, tmp_path):
    subscription()
    output = run(write(tmp_path, [coming()]), "--dry-run")
    assert "berichten" not in output
    assert not WorkNotice.objects.exists() and not Work.objects.exists()
