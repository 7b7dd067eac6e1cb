"""Shared set-up of the visit tests (no tests here): the queue tests' floor, a clerk, a known
citizen with a request in progress, and the city's central specialists team."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from loket.accounts.models import Role, User
from loket.cases.models import Case
from loket.cases.services import case_create, case_transition
from loket.catalogue.models import Competence
from loket.citizens.models import Citizen
from loket.citizens.national import national_number_make
from loket.citizens.services import citizen_create
from loket.counters.models import Ticket
from loket.counters.queues import desk_call_next, ticket_take
from loket.organisation.models import Team
from tests.counters.queue.conftest import Floor, make_floor

NATIONAL_NUMBER = national_number_make(year=1984, month=5, day=17, serial=42)


@dataclass
class World:
    floor: Floor
    clerk: User
    citizen: Citizen
    request: Case
    specialists: Team


def build_world() -> World:
    floor = make_floor()
    clerk = User.objects.create_user(username="loket-klerk", password=None, role=Role.CLERK, first_name="Karim")
    specialists = Team.objects.create(
        slug="stad-specialisten", name="Centraal team specialisten", level=Team.Level.CITY, is_specialists=True
    )
    documents = Team.objects.create(slug="stad-burgerzaken", name="Burgerzaken", level=Team.Level.CITY)
    Competence.objects.create(topic=floor.eid.topic, team=documents)
    citizen = citizen_create(
        first_name="Annelies",
        last_name="Verbeke",
        national_number=NATIONAL_NUMBER,
        email="annelies@example.org",
        phone="0470 12 34 56",
        actor=clerk,
    )
    request = case_create(
        kind="request",
        title="Aanvraag paspoort",
        channel="online",
        actor=clerk,
        service=floor.passport,
        citizen=citizen.user,
    )
    case_transition(case=request, to_status="in_progress", actor=clerk, text="Paspoort besteld.", public=True)
    return World(floor=floor, clerk=clerk, citizen=citizen, request=request, specialists=specialists)


def called_ticket(world: World) -> Ticket:
    """A walk-in ticket for the e-ID, called to desk 1 now."""
    ticket_take(location=world.floor.location, service=world.floor.eid, now=timezone.now())
    called = desk_call_next(desk=world.floor.desk1, actor=world.clerk)
    assert called is not None
    return called
