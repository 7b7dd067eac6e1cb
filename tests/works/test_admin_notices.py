from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from loket.works.models import Work, WorkNotice
from tests.works.helpers_data import GROENPLAATS, make_work, square
from tests.works.test_admin import ADD, form
from tests.works.test_import_notices import subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    return client


def coming(**fields):
    today = timezone.localdate()
    data = form(
        start_date=(today + timedelta(days=3)).isoformat(),
        end_date=(today + timedelta(days=20)).isoformat(),
        **fields,
    )
    data.update({"hindrances-TOTAL_FORMS": "0", "diversions-TOTAL_FORMS": "0"})
    return data


def test_a_work_added_in_the_admin_queues_a_notice_for_a_subscriber_nearby(antwerp, admin_client):
    nearby = subscription()
    response = admin_client.post(ADD, coming(), follow=True)
    assert response.status_code == 200
    work = Work.objects.get(external_id="HOOG-1")
    assert list(WorkNotice.objects.values_list("subscription", "work")) == [(nearby.pk, work.pk)]
    assert "1 abonnee in de buurt krijgt bericht over dit werk." in response.content.decode()


def test_changing_a_work_in_the_admin_queues_no_notice(antwerp, admin_client):
    subscription()
    work = make_work(external_id="HOOG-1", source="stad", geometry=square(51.1685, 4.3946))
    response = admin_client.post(f"/beheer/works/work/{work.pk}/change/", coming(geometry=square(*GROENPLAATS)))
    assert response.status_code == 302
    assert not WorkNotice.objects.exists()
    assert Work.objects.get(pk=work.pk).district.slug == "antwerpen"
