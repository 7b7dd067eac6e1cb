"""The visit API: POST /api/v1/counter-visits/ and /api/v1/counter-visits/{id}/escalate/."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.cases.models import InternalTask
from loket.citizens.models import ContactMoment
from loket.counters import visits
from loket.counters.models import CounterVisit, Ticket
from loket.counters.queues import ticket_take
from tests.counters.test_visit_support import World, build_world, called_ticket

URL = "/api/v1/counter-visits/"


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def api(world) -> APIClient:
    client = APIClient()
    client.force_authenticate(world.clerk)
    return client


def _body(world: World, **extra):
    return {
        "desk": world.floor.desk1.pk,
        "citizen": world.citizen.pk,
        "services": ["eid"],
        "outcome": "answered",
        **extra,
    }


def test_a_visit_is_registered_with_its_ticket_as_a_counter_contact_moment(api, world):
    ticket = called_ticket(world)
    answer = api.post(URL, _body(world, ticket=ticket.pk, services=["eid", "paspoort"], notes="Ok."), format="json")
    assert answer.status_code == 201, answer.json()
    data = answer.json()
    assert (data["ticket"], data["location"], data["services"]) == (
        ticket.code,
        "districtshuis-test",
        ["eid", "paspoort"],
    )
    assert data["outcome"] == "answered" and data["registered_at"]
    moment = ContactMoment.objects.get(pk=data["contact_moment"])
    assert (moment.channel, moment.location, moment.citizen) == ("counter", world.floor.location, world.citizen)
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.DONE


def test_a_visit_without_a_ticket_takes_the_given_duration(api, world):
    answer = api.post(URL, _body(world, duration_minutes=9), format="json")
    assert answer.status_code == 201 and answer.json()["duration_seconds"] == 540


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"services": []}, "services"),
        ({"services": ["bestaat-niet"]}, "services"),
        ({"outcome": "verloren"}, "outcome"),
        ({"desk": 999999}, "desk"),
        ({"duration_minutes": -5}, "duration_minutes"),
    ],
)
def test_bad_input_is_refused_field_by_field(api, world, change, field):
    answer = api.post(URL, _body(world, **change), format="json")
    assert answer.status_code == 400
    assert field in answer.json()["error"]["details"]
    assert not CounterVisit.objects.exists() and not ContactMoment.objects.exists()


def test_a_waiting_ticket_is_refused(api, world):
    waiting = ticket_take(location=world.floor.location, service=world.floor.eid)
    answer = api.post(URL, _body(world, ticket=waiting.pk), format="json")
    assert answer.status_code == 400 and "ticket" in answer.json()["error"]["details"]
    assert not CounterVisit.objects.exists()


def test_a_ticket_is_registered_once(api, world):
    ticket = called_ticket(world)
    assert api.post(URL, _body(world, ticket=ticket.pk), format="json").status_code == 201
    again = api.post(URL, _body(world, ticket=ticket.pk), format="json")
    assert again.status_code == 400 and "al geregistreerd" in str(again.json()["error"]["details"])
    assert ContactMoment.objects.count() == 1


def test_escalating_a_visit_answers_the_task_for_the_specialists(api, world):
    visit = visits.visit_record(
        desk=world.floor.desk1,
        actor=world.clerk,
        citizen=world.citizen,
        services=[world.floor.passport],
        outcome="handed_over",
    )
    answer = api.post(
        f"{URL}{visit.pk}/escalate/",
        {"description": "Fout in de akte.", "case": world.request.reference.lower()},
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    data = answer.json()
    assert (data["kind"], data["team"], data["case"], data["channel"]) == (
        "escalation",
        "stad-specialisten",
        world.request.reference,
        "counter",
    )
    assert world.request.reference in data["description"] and data["citizen"]["id"] == world.citizen.user_id
    assert list(CounterVisit.objects.get(pk=visit.pk).escalations.values_list("pk", flat=True)) == [data["id"]]


def test_escalating_without_a_description_or_with_an_unknown_case_is_refused(api, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    assert api.post(f"{URL}{visit.pk}/escalate/", {"description": ""}, format="json").status_code == 400
    unknown = api.post(f"{URL}{visit.pk}/escalate/", {"description": "x", "case": "REQ-2026-999999"}, format="json")
    assert unknown.status_code == 400 and "case" in unknown.json()["error"]["details"]
    past = api.post(f"{URL}{visit.pk}/escalate/", {"description": "x", "due_at": "2020-01-01T10:00:00Z"}, format="json")
    assert past.status_code == 400 and "due_at" in past.json()["error"]["details"]
    assert api.post(f"{URL}999999/escalate/", {"description": "x"}, format="json").status_code == 404
    assert not InternalTask.objects.exists()


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.AGENT, Role.BACKOFFICE])
def test_only_counter_staff_may_register_or_escalate(world, make_user, role):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    client = APIClient()
    client.force_authenticate(make_user(role))
    assert client.post(URL, _body(world), format="json").status_code == 403
    assert client.post(f"{URL}{visit.pk}/escalate/", {"description": "x"}, format="json").status_code == 403
    assert APIClient().post(URL, _body(world), format="json").status_code in (401, 403)
    assert not ContactMoment.objects.exists() and not InternalTask.objects.exists()
