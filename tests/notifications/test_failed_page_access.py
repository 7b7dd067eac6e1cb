from __future__ import annotations

import pytest
from django.urls import reverse

from loket.accounts.models import Role
from loket.notifications.models import Notification


@pytest.fixture
def failed_in(make_case, citizen):
    def make(district: str) -> Notification:
        case = make_case(citizen=citizen, district=district, title=f"Aanvraag in {district}")
        return Notification.objects.create(
            recipient=citizen,
            channel="email",
            to_address=citizen.email,
            subject=f"Over {case.reference}",
            body="…",
            status=Notification.Status.FAILED,
            attempts=6,
            last_error="SMTPException",
            case=case,
        )

    return make


def test_district_staff_see_only_their_districts_failed_notifications(client, make_user, failed_in):
    own, other = failed_in("deurne"), failed_in("berchem")
    client.force_login(make_user(Role.DISTRICT_STAFF, district="deurne"))
    html = client.get(reverse("notifications:failed")).content.decode()
    assert own.case.reference in html
    assert other.case.reference not in html


def test_district_staff_cannot_retry_another_districts_notification(client, make_user, failed_in):
    other = failed_in("berchem")
    client.force_login(make_user(Role.DISTRICT_STAFF, district="deurne"))
    assert client.post(reverse("notifications:retry", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == Notification.Status.FAILED


def test_a_citizen_never_sees_the_page(client, citizen, failed_in):
    failed_in("deurne")
    client.force_login(citizen)
    assert client.get(reverse("notifications:failed")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("notifications:failed"))
    assert response.status_code == 302 and "aanmelden" in response["Location"]


def test_a_manager_sees_every_district_and_the_start_page_counts_them(client, make_user, failed_in):
    failed_in("deurne"), failed_in("berchem")
    client.force_login(make_user(Role.MANAGER))
    html = client.get(reverse("notifications:failed")).content.decode()
    assert "2 berichten niet bezorgd" in html
    start = client.get(reverse("accounts:start"), follow=True).content.decode()
    assert reverse("notifications:failed") in start
