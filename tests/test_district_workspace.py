"""A coordinator's start page is their workspace: letters awaiting a reply in either direction,
coming meetings with the proposal deadline, open action points; late and urgent work marked."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from loket.accounts.models import Role
from loket.consultations import services as consultations
from loket.consultations.models import MeetingSeries
from loket.correspondence.services import letter_register
from loket.organisation.models import District


@pytest.fixture
def coordinator(antwerp, make_user):
    return make_user(Role.COORDINATOR, "berchem", username="coord")


@pytest.fixture
def helpdesk(antwerp, make_user):
    return make_user(Role.HELPDESK, username="hd")


@time_machine.travel("2026-03-10 09:00 +01:00", tick=False)
def test_the_workspace_shows_letters_both_ways_with_late_ones_marked(client, coordinator, helpdesk):
    letter_register(
        actor=helpdesk,
        sender="city_college",
        recipients=["district_executive:berchem"],
        subject="Vraag van het college aan Berchem",
        letter_date=dt.date(2026, 2, 2),
        body="Geachte,",
        reply_expected=True,
        reply_days=5,
    )
    letter_register(
        actor=helpdesk,
        sender="district_council:berchem",
        recipients=["city_service:stad-mobiliteit"],
        subject="Vraag van Berchem aan Mobiliteit",
        letter_date=dt.date(2026, 3, 10),
        body="Geachte,",
        reply_expected=True,
        reply_days=20,
    )
    client.force_login(coordinator)
    page = client.get("/start/").content.decode()
    assert "Brieven die op antwoord wachten" in page
    assert "te beantwoorden door districtscollege Berchem" in page
    assert "antwoord verwacht van Stad: Mobiliteit" in page
    assert "9 februari 2026 — te laat" in page
    assert 'class="is-overdue"' in page


def test_the_workspace_shows_coming_meetings_and_open_actions(client, coordinator, helpdesk):
    series = MeetingSeries.objects.create(slug="s", name="Overleg voorzitters", default_place="Stadhuis")
    series.districts.set(District.objects.filter(slug="berchem"))
    start = timezone.now() + dt.timedelta(days=10)
    meeting = consultations.meeting_plan(
        series=series,
        title="Overleg maart",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        proposals_until=timezone.now() + dt.timedelta(days=1),
        actor=helpdesk,
    )
    consultations.action_add(
        meeting=meeting, title="Nota opmaken", owner_name="Berchem", due_date=dt.date(2020, 1, 1), actor=helpdesk
    )
    client.force_login(coordinator)
    page = client.get("/start/").content.decode()
    assert "Overleg maart" in page and "binnenkort" in page
    assert "Nota opmaken" in page and "te laat" in page


def test_another_districts_work_is_not_in_the_workspace(client, coordinator, helpdesk, make_user):
    letter_register(
        actor=helpdesk,
        sender="district_council:deurne",
        recipients=["city_college"],
        subject="Vraag van Deurne",
        letter_date=timezone.localdate(),
        body="Geachte,",
        reply_expected=True,
        reply_days=5,
    )
    client.force_login(coordinator)
    page = client.get("/start/").content.decode()
    assert "Vraag van Deurne" not in page
    assert "Geen brieven die op antwoord wachten." in page


def test_the_workspace_shows_the_districts_open_helpdesk_questions(client, coordinator, make_user):
    from loket.helpdesk.services import question_ask

    question_ask(actor=coordinator, topic="procedure", title="Hoe agenderen we een punt?", text="Graag uitleg.")
    deurne = make_user(Role.COORDINATOR, "deurne")
    question_ask(actor=deurne, topic="procedure", title="Vraag van Deurne", text="Graag uitleg.")
    client.force_login(coordinator)
    page = client.get("/start/").content.decode()
    assert "Open vragen aan de helpdesk" in page
    assert "Hoe agenderen we een punt?" in page and "bij de helpdesk" in page
    assert "Vraag van Deurne" not in page
