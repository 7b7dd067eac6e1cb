"""The helpdesk's settings in the admin: targets, office hours, closures; the clock read-only."""

from __future__ import annotations

import pytest

from loket.helpdesk.models import SlaTarget


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    return client


def test_an_administrator_sets_a_target_per_topic(admin_client):
    response = admin_client.post(
        "/beheer/helpdesk/slatarget/add/",
        {"topic": "procedure", "first_response_hours": 4, "answer_hours": 16, "warning_hours": 1},
    )
    assert response.status_code == 302
    assert SlaTarget.objects.get(topic="procedure").answer_hours == 16


def test_a_warning_that_does_not_come_before_the_first_response_is_refused(admin_client):
    response = admin_client.post(
        "/beheer/helpdesk/slatarget/add/",
        {"topic": "procedure", "first_response_hours": 4, "answer_hours": 16, "warning_hours": 4},
    )
    assert response.status_code == 200
    assert not SlaTarget.objects.exists()


def test_the_clock_of_a_question_is_read_only_in_the_admin(admin_client, ask):
    case = ask()
    page = admin_client.get(f"/beheer/helpdesk/questionsla/{case.pk}/change/")
    assert page.status_code == 200
    assert admin_client.get("/beheer/helpdesk/questionsla/add/").status_code == 403
    assert admin_client.get("/beheer/helpdesk/officehours/").status_code == 200
    assert admin_client.get("/beheer/helpdesk/closure/").status_code == 200
