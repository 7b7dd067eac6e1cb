"""Which subscribers hear of a new work: notices_queue_for_works (called by the import and the admin)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from loket.works.models import Work, WorkNotice
from loket.works.notices import notices_queue_for_works
from tests.works.helpers_public import DEURNE, GROENPLAATS, make_subscription, make_work, north_of

pytestmark = pytest.mark.django_db


def test_it_queues_a_notice_for_each_active_subscription_the_work_reaches(django_capture_on_commit_callbacks):
    near = make_subscription(at=north_of(GROENPLAATS, 300), radius_m=500, email="near@example.be")
    far = make_subscription(at=north_of(GROENPLAATS, 900), radius_m=500, email="far@example.be")
    wide = make_subscription(at=north_of(GROENPLAATS, 900), radius_m=1000, email="wide@example.be")
    work = make_work(at=GROENPLAATS)
    with django_capture_on_commit_callbacks() as callbacks:
        assert notices_queue_for_works(work_ids=[work.pk]) == 2
    assert set(WorkNotice.objects.values_list("subscription_id", flat=True)) == {near.pk, wide.pk}
    assert far.notices.count() == 0
    assert len(callbacks) == 1  # the send job, after commit
    assert set(WorkNotice.objects.values_list("status", flat=True)) == {WorkNotice.Status.QUEUED}


def test_it_measures_to_the_geometry_not_to_its_centre():
    # A 2 km line passing 200 m from the subscriber; its centre is 1 km away.
    subscriber = make_subscription(at=GROENPLAATS, radius_m=300)
    lat = GROENPLAATS[0] + 200 / 110_574.0
    line = {"type": "LineString", "coordinates": [[GROENPLAATS[1], lat], [GROENPLAATS[1] + 0.0287, lat]]}
    work = make_work(geometry=line)
    assert notices_queue_for_works(work_ids=[work.pk]) == 1
    assert subscriber.notices.get().work == work


def test_nobody_hears_without_confirming_or_after_cancelling():
    make_subscription(confirmed=False, email="pending@example.be")
    make_subscription(cancelled=True, email="gone@example.be")
    work = make_work()
    assert notices_queue_for_works(work_ids=[work.pk]) == 0
    assert not WorkNotice.objects.exists()


def test_it_queues_at_most_one_notice_per_subscription_and_work(django_capture_on_commit_callbacks):
    make_subscription()
    work = make_work()
    assert notices_queue_for_works(work_ids=[work.pk, work.pk]) == 1
    with django_capture_on_commit_callbacks() as callbacks:
        assert notices_queue_for_works(work_ids=[work.pk]) == 0
    assert WorkNotice.objects.count() == 1
    assert callbacks == []  # nothing new: no job


def test_cancelled_finished_and_past_works_are_news_to_nobody():
    make_subscription()
    today = timezone.localdate()
    cancelled = make_work(status=Work.Status.CANCELLED)
    done = make_work(status=Work.Status.DONE)
    over = make_work(start=today - timedelta(days=30), end=today - timedelta(days=1))
    assert notices_queue_for_works(work_ids=[cancelled.pk, done.pk, over.pk]) == 0


def test_it_handles_many_works_and_subscribers_in_one_call():
    for index in range(30):
        make_subscription(at=north_of(DEURNE, index * 100), radius_m=100, email=f"s{index}@example.be")
    works = [make_work(at=north_of(DEURNE, index * 100)) for index in range(30)]
    # Each square (20 m wide) reaches its own subscriber and the neighbours 100 m away (90 m to the edge).
    created = notices_queue_for_works(work_ids=[work.pk for work in works])
    assert created == 30 + 2 * 29


def test_bad_input_an_empty_list_or_unknown_ids_queue_nothing():
    make_subscription()
    assert notices_queue_for_works(work_ids=[]) == 0
    assert notices_queue_for_works(work_ids=[999_999]) == 0
