"""The visit pages at the desk: identify, register, close a request, start one, escalate; who may."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases.models import Case, InternalTask
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.services import citizen_create
from loket.counters import visits
from loket.counters.models import CounterVisit, Ticket
from tests.counters.test_visit_support import World, build_world, called_ticket


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def clerk_client(client, world):
    client.force_login(world.clerk)
    return client


def _start_url(world: World) -> str:
    return reverse("counters:visit-start", kwargs={"desk_id": world.floor.desk1.pk})


def _detail_url(visit: CounterVisit) -> str:
    return reverse("counters:visit-detail", kwargs={"visit_id": visit.pk})


def test_the_desk_offers_to_help_the_called_visitor_and_lists_open_visits(clerk_client, world):
    ticket = called_ticket(world)
    page = clerk_client.get(reverse("counters:desk", kwargs={"desk_id": world.floor.desk1.pk})).content.decode()
    assert f"{_start_url(world)}?volgnummer={ticket.pk}" in page
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, citizen=world.citizen)
    page = clerk_client.get(reverse("counters:desk", kwargs={"desk_id": world.floor.desk1.pk})).content.decode()
    assert _detail_url(visit) in page and "Annelies Verbeke" in page


def test_searching_as_you_type_lists_the_citizen_and_audits_the_look(clerk_client, world):
    ticket = called_ticket(world)
    for q in ("verbeke", "annelies@example.org", "0470123456", world.citizen.national_number):
        answer = clerk_client.get(_start_url(world), {"volgnummer": ticket.pk, "q": q}, HTTP_HX_REQUEST="true")
        assert answer.status_code == 200
        assert "Annelies Verbeke" in answer.content.decode() and "<html" not in answer.content.decode()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, object_id=str(world.citizen.pk)).count() == 4


def test_a_search_of_one_letter_asks_for_more(clerk_client, world):
    answer = clerk_client.get(_start_url(world), {"q": "v"})
    assert answer.status_code == 200 and "Geef minstens 2 tekens" in answer.content.decode()


def test_choosing_the_citizen_opens_the_visit_for_the_ticket(clerk_client, world):
    ticket = called_ticket(world)
    answer = clerk_client.post(_start_url(world), {"volgnummer": ticket.pk, "citizen": world.citizen.pk})
    visit = CounterVisit.objects.get()
    assert answer.status_code == 302 and answer["Location"] == _detail_url(visit)
    assert (visit.ticket, visit.citizen, visit.desk) == (ticket, world.citizen, world.floor.desk1)


def test_choosing_nobody_or_a_waiting_ticket_is_refused(clerk_client, world):
    assert clerk_client.post(_start_url(world), {"citizen": "iemand"}).status_code == 400
    waiting = Ticket.objects.create(
        location=world.floor.location,
        queue=world.floor.b,
        day=world.request.created_at.date(),
        number=99,
        code="B099",
        created_at=world.request.created_at,
        public_token="x" * 20,
    )
    answer = clerk_client.post(_start_url(world), {"volgnummer": waiting.pk, "citizen": world.citizen.pk})
    assert answer.status_code == 400 and "Roep volgnummer B099 eerst op" in answer.content.decode()
    assert (
        clerk_client.post(_start_url(world), {"afspraak": "APT-2026-999999", "citizen": world.citizen.pk}).status_code
        == 400
    )
    assert not CounterVisit.objects.exists()


def test_an_unknown_citizen_is_registered_and_helped(clerk_client, world):
    answer = clerk_client.post(
        _start_url(world),
        {"action": "create", "first_name": "Bart", "last_name": "Claes", "phone": "03 123 45 67", "postcode": "2000"},
    )
    visit = CounterVisit.objects.get()
    assert answer.status_code == 302 and str(visit.citizen) == "Bart Claes" and visit.ticket is None


def test_a_new_citizen_with_a_wrong_national_number_gets_the_error_next_to_the_field(clerk_client, world):
    answer = clerk_client.post(
        _start_url(world), {"action": "create", "first_name": "Bart", "last_name": "Claes", "national_number": "123"}
    )
    assert answer.status_code == 400 and 'id="id_national_number"' in answer.content.decode()
    assert "errorlist" in answer.content.decode()
    assert not Citizen.objects.filter(user__last_name="Claes").exists() and not CounterVisit.objects.exists()


def test_the_visit_page_shows_the_citizen_the_open_request_and_the_escalation(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    page = clerk_client.get(_detail_url(visit)).content.decode()
    assert world.citizen.national_number in page and world.request.reference in page
    assert "Afhandelen aan de balie" in page and "Escaleer naar de specialisten" in page
    assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, object_id=str(world.citizen.pk)).exists()


def test_registering_the_visit_writes_the_counter_contact_moment(clerk_client, world):
    ticket = called_ticket(world)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, ticket=ticket, citizen=world.citizen)
    answer = clerk_client.post(
        _detail_url(visit), {"services": ["eid"], "other_service": "verhuis", "outcome": "answered", "notes": "Ok."}
    )
    assert answer.status_code == 302
    moment = ContactMoment.objects.get(counter_visit=visit)
    assert (moment.channel, moment.location, moment.service.slug) == ("counter", world.floor.location, "eid")
    assert "Adreswijziging" in moment.notes
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    page = clerk_client.get(_detail_url(visit)).content.decode()
    assert "geregistreerd om" in page and "Registreer het bezoek" not in page


def test_registering_without_a_service_or_with_an_unknown_outcome_is_refused(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    answer = clerk_client.post(_detail_url(visit), {"outcome": "answered"})
    assert answer.status_code == 400 and "Kies minstens één behandelde dienst." in answer.content.decode()
    assert clerk_client.post(_detail_url(visit), {"services": ["eid"], "outcome": "verloren"}).status_code == 400
    assert not ContactMoment.objects.exists()


def test_closing_a_request_at_the_desk(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    url = reverse("counters:visit-case-close", kwargs={"visit_id": visit.pk})
    answer = clerk_client.post(url, {"reference": world.request.reference, "decision": "Paspoort overhandigd."})
    assert answer.status_code == 302
    world.request.refresh_from_db()
    assert world.request.status == "closed"
    assert world.request.events.filter(public=True, text="Paspoort overhandigd.").exists()


def test_closing_without_a_decision_or_an_unknown_request_is_refused(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    url = reverse("counters:visit-case-close", kwargs={"visit_id": visit.pk})
    answer = clerk_client.post(url, {"reference": world.request.reference, "decision": ""})
    assert answer.status_code == 400 and "Schrijf wat er aan de balie gebeurde" in answer.content.decode()
    assert clerk_client.post(url, {"reference": "REQ-2026-999999", "decision": "x"}).status_code == 404
    world.request.refresh_from_db()
    assert world.request.closed_at is None


def test_closing_another_citizens_request_is_refused(clerk_client, world):
    stranger = citizen_create(first_name="Bart", last_name="Claes", actor=world.clerk)
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=stranger)
    url = reverse("counters:visit-case-close", kwargs={"visit_id": visit.pk})
    answer = clerk_client.post(url, {"reference": world.request.reference, "decision": "Overhandigd."})
    assert answer.status_code == 400 and "hoort niet bij deze burger" in answer.content.decode()


def test_escalating_from_the_visit_creates_the_task_and_shows_it(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    url = reverse("counters:visit-escalate", kwargs={"visit_id": visit.pk})
    form = clerk_client.get(url, {"zaak": world.request.reference})
    assert form.status_code == 200 and f'value="{world.request.reference}" selected' in form.content.decode()
    answer = clerk_client.post(
        url,
        {
            "description": "De burger betwist de weigering.",
            "case": world.request.reference,
            "service": "",
            "due_at": form.context["form"]["due_at"].value().strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )
    task = InternalTask.objects.get()
    assert (task.kind, task.team, task.case) == ("escalation", world.specialists, world.request)
    page = answer.content.decode()
    assert f"Geëscaleerd naar {world.specialists.name}: taak {task.pk}" in page and task.title in page


def test_escalating_without_a_description_or_with_a_past_due_time_is_refused(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    url = reverse("counters:visit-escalate", kwargs={"visit_id": visit.pk})
    answer = clerk_client.post(url, {"description": "", "case": "", "due_at": "2030-01-01T17:00"})
    assert answer.status_code == 400 and "Beschrijf het probleem" in answer.content.decode()
    answer = clerk_client.post(url, {"description": "Vraag", "case": "", "due_at": "2020-01-01T17:00"})
    assert answer.status_code == 400 and "verleden" in answer.content.decode()
    assert not InternalTask.objects.exists()


def test_starting_a_request_goes_to_the_on_behalf_form_with_the_counter_channel(clerk_client, world):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    url = reverse("counters:visit-request-start", kwargs={"visit_id": visit.pk})
    try:
        target = reverse(
            "requests:apply-on-behalf", kwargs={"service_slug": "paspoort", "citizen_id": world.citizen.pk}
        )
    except NoReverseMatch:
        pytest.fail("the contact centre's on-behalf form (requests:apply-on-behalf) is not there")
    from loket.requests.models import FormDefinition

    FormDefinition.objects.create(service=world.floor.passport, consent_text="Akkoord.")
    answer = clerk_client.get(url, {"dienst": "paspoort"})
    assert answer.status_code == 302 and answer["Location"].startswith(target + "?kanaal=counter&terug=")
    assert clerk_client.get(url, {"dienst": "bestaat-niet"})["Location"] == _detail_url(visit)


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.AGENT, Role.DISTRICT_STAFF])
def test_citizens_agents_and_district_staff_cannot_use_the_visit_pages(client, world, antwerp, make_user, role):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    client.force_login(make_user(role, district="deurne" if role == Role.DISTRICT_STAFF else None))
    for url in (
        _start_url(world),
        _detail_url(visit),
        reverse("counters:visit-escalate", kwargs={"visit_id": visit.pk}),
        reverse("counters:visit-request-start", kwargs={"visit_id": visit.pk}),
    ):
        assert client.get(url).status_code == 403
    close = reverse("counters:visit-case-close", kwargs={"visit_id": visit.pk})
    assert client.post(close, {"reference": world.request.reference, "decision": "x"}).status_code == 403
    assert Case.objects.get(pk=world.request.pk).closed_at is None


def test_an_anonymous_visitor_is_sent_to_the_login(client, world):
    answer = client.get(_start_url(world))
    assert answer.status_code == 302 and "/aanmelden/" in answer["Location"]


def test_an_administrator_reads_a_visit_in_the_admin_and_the_look_is_audited(client, world, make_user):
    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    client.force_login(make_user(Role.ADMIN, username="beheerder", is_staff=True, is_superuser=True))
    assert client.get("/beheer/counters/countervisit/").status_code == 200
    assert client.get(f"/beheer/counters/countervisit/{visit.pk}/change/").status_code == 200
    assert AuditEntry.objects.filter(action="view", object_type="counters.countervisit", actor_username="beheerder")
    assert client.get("/beheer/counters/countervisit/add/").status_code == 403


def test_the_visit_page_reads_the_same_number_of_queries_however_many_requests_and_escalations(clerk_client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from loket.cases.services import case_create

    visit = visits.visit_open(desk=world.floor.desk1, actor=world.clerk, citizen=world.citizen)
    with CaptureQueriesContext(connection) as few:
        assert clerk_client.get(_detail_url(visit)).status_code == 200
    for number in range(5):
        case = case_create(
            kind="request", title=f"Aanvraag {number}", channel="counter", actor=world.clerk, citizen=world.citizen.user
        )
        visits.visit_escalate(visit=visit, description=f"Vraag {number}", case=case, actor=world.clerk)
    with CaptureQueriesContext(connection) as many:
        page = clerk_client.get(_detail_url(visit))
    assert page.content.decode().count("Afhandelen aan de balie") == 6
    assert len(many) == len(few)


def test_a_new_citizen_is_not_kept_when_their_visit_is_refused(clerk_client, world):
    answer = clerk_client.post(
        _start_url(world), {"action": "create", "first_name": "Bart", "last_name": "Claes", "volgnummer": "999999"}
    )
    assert answer.status_code == 400 and "Dit volgnummer bestaat niet op deze locatie." in answer.content.decode()
    assert not Citizen.objects.filter(user__last_name="Claes").exists()
