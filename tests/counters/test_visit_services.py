"""The visit at the desk, through its services: open, register, close a request, escalate."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from loket.cases.models import CaseEvent, Channel, InternalTask
from loket.cases.services import case_transition
from loket.citizens.models import ContactMoment
from loket.citizens.services import citizen_create
from loket.counters import visit_selectors, visits
from loket.counters.models import Appointment, CounterVisit, Ticket
from loket.counters.queues import appointment_check_in, desk_call_next, ticket_take
from loket.organisation.models import Team
from tests.counters.test_visit_support import World, build_world, called_ticket

BRUSSELS = timezone.get_fixed_timezone(60)


@pytest.fixture
def world(db) -> World:
    return build_world()


def _appointment(world: World, **extra) -> Appointment:
    start = timezone.now() + dt.timedelta(minutes=5)
    return Appointment.objects.create(
        reference="APT-2026-000777",
        location=world.floor.location,
        service=world.floor.passport,
        desk=world.floor.desk1,
        start=start,
        end=start + dt.timedelta(minutes=15),
        status=Appointment.Status.BOOKED,
        channel="online",
        name="Annelies Verbeke",
        **extra,
    )


def test_a_visit_for_a_called_ticket_starts_when_the_ticket_was_called(world):
    ticket = called_ticket(world)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, citizen=world.citizen)
    assert visit.started_at == ticket.called_at
    assert (visit.ticket, visit.citizen, visit.location) == (ticket, world.citizen, world.floor.location)


def test_opening_the_same_ticket_again_answers_the_same_visit_with_the_corrected_citizen(world):
    ticket = called_ticket(world)
    first = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket)
    other = citizen_create(first_name="Bart", last_name="Claes", actor=world.clerk)
    again = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, citizen=other)
    assert again.pk == first.pk and again.citizen == other
    assert CounterVisit.objects.count() == 1


def test_a_waiting_ticket_or_one_called_elsewhere_cannot_be_served_here(world):
    waiting = ticket_take(location=world.floor.location, service=world.floor.eid)
    with pytest.raises(ValidationError) as refused:
        visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=waiting)
    assert "eerst op" in refused.value.message_dict["ticket"][0]
    called = desk_call_next(desk=world.floor.desk2, actor=world.clerk)
    with pytest.raises(ValidationError) as elsewhere:
        visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=called)
    assert "andere balie" in elsewhere.value.message_dict["ticket"][0]
    assert not CounterVisit.objects.exists()


def test_a_checked_in_appointment_brings_its_ticket_and_its_citizen(world):
    appointment = _appointment(world, citizen=world.citizen.user)
    ticket = appointment_check_in(appointment=appointment)
    Ticket.objects.filter(pk=ticket.pk).update(status=Ticket.Status.CALLED, desk=world.floor.desk1)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, appointment=appointment)
    assert (visit.ticket_id, visit.appointment, visit.citizen) == (ticket.pk, appointment, world.citizen)


def test_an_appointment_of_another_day_is_refused(world):
    appointment = _appointment(world)
    Appointment.objects.filter(pk=appointment.pk).update(
        start=appointment.start + dt.timedelta(days=2), end=appointment.end + dt.timedelta(days=2)
    )
    appointment.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        visits.visit_open(desk=world.floor.desk1, actor=world.clerk, appointment=appointment)
    assert "niet vandaag" in refused.value.message_dict["appointment"][0]


def test_registering_writes_a_counter_contact_moment_at_the_desks_location_and_finishes_the_ticket(world):
    ticket = called_ticket(world)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, citizen=world.citizen)
    finish = ticket.called_at + dt.timedelta(minutes=7)
    visits.visit_register(
        visit=visit,
        services=[world.floor.eid, world.floor.passport],
        outcome=ContactMoment.Outcome.REQUEST_STARTED,
        notes="Foto meegebracht.",
        actor=world.clerk,
        now=finish,
    )
    moment = ContactMoment.objects.get(counter_visit=visit)
    assert moment.channel == ContactMoment.Channel.COUNTER
    assert moment.location == world.floor.location
    assert (moment.citizen, moment.service, moment.staff) == (world.citizen, world.floor.eid, world.clerk)
    assert moment.duration_seconds == 7 * 60
    assert "Foto meegebracht." in moment.notes and "Paspoort" in moment.notes
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE and ticket.finished_at == finish
    assert "aanvraag gestart" in ticket.outcome
    visit.refresh_from_db()
    assert set(visit.services.all()) == {world.floor.eid, world.floor.passport} and visit.registered_at == finish


def test_registering_needs_a_service_and_a_known_outcome_and_happens_once(world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    with pytest.raises(ValidationError) as refused:
        visits.visit_register(visit=visit, services=[], outcome="lost", actor=world.clerk, duration_minutes=-1)
    assert set(refused.value.message_dict) == {"services", "outcome", "duration_minutes"}
    assert not ContactMoment.objects.exists()
    visits.visit_register(visit=visit, services=[world.floor.eid], outcome="answered", actor=world.clerk)
    with pytest.raises(ValidationError, match="al geregistreerd"):
        visits.visit_register(visit=visit, services=[world.floor.eid], outcome="answered", actor=world.clerk)
    assert ContactMoment.objects.count() == 1


def test_without_a_ticket_the_clerk_says_how_long_the_visit_took(world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    visits.visit_register(
        visit=visit, services=[world.floor.moving], outcome="answered", actor=world.clerk, duration_minutes=12
    )
    assert ContactMoment.objects.get().duration_seconds == 12 * 60


def test_an_appointment_served_without_a_ticket_becomes_served(world):
    appointment = _appointment(world)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, appointment=appointment, citizen=world.citizen)
    visits.visit_register(visit=visit, services=[world.floor.passport], outcome="answered", actor=world.clerk)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.SERVED


def test_record_opens_and_registers_at_once_and_keeps_nothing_when_refused(world):
    ticket = called_ticket(world)
    with pytest.raises(ValidationError):
        visits.visit_record(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, services=[], outcome="answered")
    assert not CounterVisit.objects.exists()
    visit = visits.visit_record(
        desk=world.floor.desk1, actor=world.clerk, ticket=ticket, services=[world.floor.eid], outcome="answered"
    )
    assert visit.is_registered


def test_closing_a_request_at_the_desk_closes_it_with_a_public_decision_and_a_contact_moment(world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    case = visits.visit_case_close(
        visit=visit, case=world.request, decision="Paspoort overhandigd aan de balie.", actor=world.clerk
    )
    assert case.status == "closed" and case.closed_at is not None
    decision = CaseEvent.objects.get(case=case, text="Paspoort overhandigd aan de balie.")
    assert decision.public and decision.kind == CaseEvent.Kind.STATUS
    moment = ContactMoment.objects.get(case=case)
    assert moment.channel == ContactMoment.Channel.COUNTER and moment.location == world.floor.location
    assert list(visit.closed_cases.all()) == [case]


def test_a_request_waiting_for_the_citizen_is_taken_up_again_and_closed_at_the_desk(world):
    case_transition(case=world.request, to_status="waiting_for_citizen", actor=world.clerk)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    case = visits.visit_case_close(visit=visit, case=world.request, decision="Stukken afgegeven.", actor=world.clerk)
    statuses = list(CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.STATUS).values_list("to_status", flat=True))
    assert statuses[-3:] == ["in_progress", "decided", "closed"]


def test_closing_refuses_an_empty_decision_another_citizens_case_and_a_closed_one(world):
    stranger = citizen_create(first_name="Bart", last_name="Claes", actor=world.clerk)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=stranger)
    with pytest.raises(ValidationError) as refused:
        visits.visit_case_close(visit=visit, case=world.request, decision=" ", actor=world.clerk)
    assert set(refused.value.message_dict) == {"case", "decision"}
    own = visits.visit_open(desk=world.floor.desk2, actor=world.clerk, citizen=world.citizen)
    visits.visit_case_close(visit=own, case=world.request, decision="Overhandigd.", actor=world.clerk)
    world.request.refresh_from_db()
    with pytest.raises(ValidationError, match="al afgesloten"):
        visits.visit_case_close(visit=own, case=world.request, decision="Nog eens.", actor=world.clerk)


def test_escalating_creates_a_task_for_the_specialists_with_the_case_context(world):
    ticket = called_ticket(world)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, citizen=world.citizen)
    task = visits.visit_escalate(
        visit=visit, description="Naam verkeerd gespeld op het paspoort.", case=world.request, actor=world.clerk
    )
    assert task.kind == InternalTask.Kind.ESCALATION and task.team == world.specialists
    assert (task.case, task.citizen, task.channel) == (world.request, world.citizen.user, Channel.COUNTER)
    assert task.service == world.floor.passport
    assert task.title.startswith(f"Loket {world.floor.location.name}: Naam verkeerd gespeld")
    assert world.request.reference in task.description and "in behandeling" in task.description
    assert "Paspoort besteld." in task.description  # the last public event
    assert ticket.code in task.description and world.floor.desk1.name in task.description
    assert task.due_at == visit_selectors.escalation_due_default()
    note = CaseEvent.objects.filter(case=world.request, kind=CaseEvent.Kind.NOTE).get()
    assert not note.public and world.specialists.name in note.text
    assert list(visit.escalations.all()) == [task]


def test_escalating_needs_a_description_and_the_citizens_own_case(world):
    stranger = citizen_create(first_name="Bart", last_name="Claes", actor=world.clerk)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=stranger)
    with pytest.raises(ValidationError) as refused:
        visits.visit_escalate(visit=visit, description="", case=world.request, actor=world.clerk)
    assert set(refused.value.message_dict) == {"description", "case"}
    assert not InternalTask.objects.exists()


def test_escalating_without_a_specialists_team_says_so(world):
    Team.objects.filter(pk=world.specialists.pk).update(is_specialists=False)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    with pytest.raises(ValidationError) as refused:
        visits.visit_escalate(visit=visit, description="Vraag.", actor=world.clerk)
    assert "team" in refused.value.message_dict


def test_the_citizen_of_a_visit_stays_once_something_was_done_for_them(world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    visits.visit_escalate(visit=visit, description="Vraag.", actor=world.clerk)
    other = citizen_create(first_name="Bart", last_name="Claes", actor=world.clerk)
    with pytest.raises(ValidationError, match="nieuw bezoek"):
        visits.visit_citizen_set(visit=visit, citizen=other, actor=world.clerk)


def test_an_escalation_is_due_by_the_end_of_the_next_working_day():
    friday = dt.datetime(2026, 3, 6, 10, 0, tzinfo=BRUSSELS)
    due = timezone.localtime(visit_selectors.escalation_due_default(now=friday))
    assert (due.date(), due.hour, due.minute) == (dt.date(2026, 3, 9), 17, 0)
