"""A district follows the cases it asked (a helpdesk question) but does not handle them: on the
case page and in the API it sees the public history only, and it cannot write."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.cases.selectors import case_handled_by
from loket.cases.services import case_add_note, case_create
from loket.organisation.models import District


@pytest.fixture
def asked(antwerp, agent):
    case = case_create(
        kind="question",
        title="Mag een district een terras toestaan?",
        channel="internal",
        actor=agent,
        requesting_district=District.objects.get(slug="berchem"),
    )
    case_add_note(case=case, actor=agent, text="Intern: eerst de juristen vragen.", public=False)
    case_add_note(case=case, actor=agent, text="We zoeken het uit.", public=True)
    return case


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.COORDINATOR, district="berchem")


def test_the_asking_district_does_not_handle_the_case_but_the_helpdesk_does(asked, coordinator, make_user):
    assert case_handled_by(user=coordinator, case=asked) is False
    assert case_handled_by(user=make_user(Role.HELPDESK), case=asked) is True


def test_the_case_page_shows_the_asker_only_the_public_history_and_no_forms(client, asked, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("cases:case-detail", args=[asked.reference])).content.decode()
    assert "We zoeken het uit." in html
    assert "Intern: eerst de juristen vragen." not in html
    assert reverse("cases:case-note", args=[asked.reference]) not in html
    assert reverse("cases:case-assign", args=[asked.reference]) not in html


def test_the_asker_cannot_write_through_the_case_page(client, asked, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("cases:case-note", args=[asked.reference]), {"text": "Toch niet", "public": "on"})
    assert response.status_code == 403
    assert not asked.events.filter(text="Toch niet").exists()


def test_the_api_gives_the_asker_the_public_events_and_refuses_their_writes(asked, coordinator):
    api = APIClient()
    api.force_authenticate(coordinator)
    texts = [e["text"] for e in api.get(f"/api/v1/cases/{asked.reference}/events/").json()["results"]]
    assert "We zoeken het uit." in texts and "Intern: eerst de juristen vragen." not in texts
    response = api.post(f"/api/v1/cases/{asked.reference}/notes/", {"text": "Toch niet"}, format="json")
    assert response.status_code == 403


def test_the_helpdesk_still_sees_the_internal_history(client, asked, make_user):
    client.force_login(make_user(Role.HELPDESK))
    html = client.get(reverse("cases:case-detail", args=[asked.reference])).content.decode()
    assert "Intern: eerst de juristen vragen." in html
