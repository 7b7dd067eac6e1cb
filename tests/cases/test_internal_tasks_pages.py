"""The task pages: the list with its filters, one task with its actions, the callback list, the start page."""

from __future__ import annotations

import pytest
from django.test import Client

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases import internal_tasks as tasks
from loket.cases.models import InternalTask
from loket.cases.services import case_create
from loket.organisation.models import District
from tests.cases.internal_tasks_support import make_callback, make_overdue, make_task, soon, team


@pytest.fixture
def els(make_user, antwerp):
    """A back-office colleague of the burgerzaken team."""
    return make_user(Role.BACKOFFICE, username="els", first_name="Els", last_name="Maes", team=team("stad-burgerzaken"))


@pytest.fixture
def an(make_user, antwerp):
    """A contact centre agent."""
    return make_user(Role.AGENT, username="an", first_name="An", last_name="Peeters", team=team("stad-contactcenter"))


@pytest.fixture
def jan(make_user):
    return make_user(Role.CITIZEN, username="jan", first_name="Jan", last_name="Janssens")


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- The list ------------------------------------------------------------------------------


def test_the_list_starts_on_the_user_s_team_and_open_tasks(els, an):
    mine = make_task(actor=an, title="Voor burgerzaken")
    make_callback(actor=an, title="Voor het contactcenter")
    tasks.task_complete(task=make_task(actor=an, title="Al gedaan"), actor=els, result="ok")
    page = login(els).get("/taken/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Voor burgerzaken" in html and f"/taken/{mine.pk}/" in html
    assert "Voor het contactcenter" not in html and "Al gedaan" not in html
    every_team = login(els).get("/taken/", {"team": "", "status": "all"}).content.decode()
    assert "Voor het contactcenter" in every_team and "Al gedaan" in every_team


def test_an_overdue_task_is_flagged_in_words_not_only_in_colour(els, an):
    make_overdue(make_task(actor=an, title="Te laat opgevolgd"))
    make_task(actor=an, title="Nog op tijd")
    html = login(els).get("/taken/").content.decode()
    assert html.count('class="task--overdue"') == 1
    assert "te laat" in html
    only_late = login(els).get("/taken/", {"te_laat": "ja"}).content.decode()
    assert "Te laat opgevolgd" in only_late and "Nog op tijd" not in only_late


def test_the_list_pages_by_25(els, an):
    for n in range(26):
        make_task(actor=an, title=f"Taak {n:02}", due_at=soon(n + 1))
    first = login(els).get("/taken/").content.decode()
    assert "Taak 24" in first and "Taak 25" not in first and 'rel="next"' in first
    second = login(els).get("/taken/", {"team": "stad-burgerzaken", "page": "2"}).content.decode()
    assert "Taak 25" in second and "Taken 26 tot 26 van 26" in second


def test_bad_filters_are_ignored_and_said_so(els, an):
    make_task(actor=an, title="Zichtbaar")
    page = login(els).get("/taken/", {"soort": "bestaat-niet", "status": "weg", "page": "x"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "ongeldig en werden genegeerd" in html and "Zichtbaar" in html


def test_citizens_may_not_open_the_task_pages(jan):
    client = login(jan)
    assert client.get("/taken/").status_code == 403
    assert client.get("/terugbellen/").status_code == 403


def test_visitors_are_sent_to_the_login_page(client):
    response = client.get("/terugbellen/")
    assert response.status_code == 302 and "/aanmelden/" in response["Location"]


# --- One task ------------------------------------------------------------------------------


@pytest.fixture
def escalated(an, jan, antwerp):
    case = case_create(
        kind="request",
        title="Straatfeest",
        channel="phone",
        actor=an,
        citizen=jan,
        district=District.objects.get(slug="berchem"),
    )
    return make_task(
        actor=an, kind="escalation", team_slug="stad-burgerzaken", case=case, phone="+32470000101", title="Tweede lijn"
    )


def test_the_task_page_shows_the_context_and_is_audited(els, escalated):
    page = login(els).get(f"/taken/{escalated.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Jan Janssens" in html
    assert f'href="/zaken/{escalated.case.reference}/"' in html
    assert 'href="tel:+32470000101"' in html
    assert AuditEntry.objects.filter(object_id=str(escalated.pk), action="view", actor=els).exists()


def test_a_task_of_another_district_is_not_found(make_user, an):
    task = make_task(actor=an, team_slug="deurne-groen")
    berchem = make_user(Role.DISTRICT_STAFF, district="berchem")
    assert login(berchem).get(f"/taken/{task.pk}/").status_code == 404
    assert login(berchem).post(f"/taken/{task.pk}/opnemen/").status_code == 404


def test_neem_op_assigns_the_task_to_me(els, escalated):
    response = login(els).post(f"/taken/{escalated.pk}/opnemen/", follow=True)
    assert "Je hebt deze taak opgenomen." in response.content.decode()
    escalated.refresh_from_db()
    assert escalated.assignee == els


def test_a_task_goes_to_a_colleague_of_the_team(els, an, make_user, escalated):
    colleague = make_user(Role.BACKOFFICE, first_name="Pieter", last_name="Peeters", team=team("stad-burgerzaken"))
    response = login(an).post(f"/taken/{escalated.pk}/toewijzen/", {"assignee": colleague.pk}, follow=True)
    assert "toegewezen aan Pieter Peeters" in response.content.decode()
    escalated.refresh_from_db()
    assert escalated.assignee == colleague


def test_a_person_outside_the_team_cannot_be_chosen(an, jan, escalated):
    response = login(an).post(f"/taken/{escalated.pk}/toewijzen/", {"assignee": jan.pk})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    escalated.refresh_from_db()
    assert escalated.assignee is None


def test_completing_with_a_result_closes_the_task(els, escalated):
    response = login(els).post(f"/taken/{escalated.pk}/afhandelen/", {"result": "Bevoegdheid uitgeklaard."})
    assert response.status_code == 302
    escalated.refresh_from_db()
    assert (escalated.status, escalated.result) == ("done", "Bevoegdheid uitgeklaard.")
    again = login(els).post(f"/taken/{escalated.pk}/afhandelen/", {"result": "Nog eens"}, follow=True)
    assert "niet meer open" in again.content.decode()


def test_completing_without_a_result_shows_the_error_and_keeps_the_task_open(els, escalated):
    response = login(els).post(f"/taken/{escalated.pk}/afhandelen/", {"result": ""})
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()
    escalated.refresh_from_db()
    assert escalated.status == "open"


def test_cancelling_needs_a_reason(els, escalated):
    assert login(els).post(f"/taken/{escalated.pk}/annuleren/", {"reason": ""}).status_code == 400
    assert login(els).post(f"/taken/{escalated.pk}/annuleren/", {"reason": "Dubbel"}).status_code == 302
    escalated.refresh_from_db()
    assert (escalated.status, escalated.result) == ("cancelled", "Dubbel")


# --- The callback list ---------------------------------------------------------------------


def test_the_callback_list_shows_open_callbacks_earliest_first_with_a_phone_link(an, jan, els):
    later = make_callback(actor=an, citizen=jan, phone="+32470000222", due_at=soon(5))
    first = make_callback(actor=an, phone="+32470000111", due_at=soon(1))
    make_task(actor=an, title="Geen terugbelverzoek")
    tasks.task_complete(task=make_callback(actor=an, title="Al gebeld"), actor=an, result="ok")
    page = login(an).get("/terugbellen/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.index("tel:+32470000111") < html.index("tel:+32470000222")
    assert "Jan Janssens" in html
    assert "Geen terugbelverzoek" not in html and "Al gebeld" not in html
    assert f'action="/terugbellen/{first.pk}/gebeld/"' in html and f"/terugbellen/{later.pk}/gebeld/" in html
    entry = AuditEntry.objects.get(object_type="cases.internaltask", object_id="list")
    assert entry.actor == an and set(entry.fields) == {"citizen", "phone"}


def test_gebeld_completes_the_callback_with_the_result(an, jan):
    task = make_callback(actor=an, citizen=jan)
    response = login(an).post(f"/terugbellen/{task.pk}/gebeld/", {f"t{task.pk}-result": "Uitleg gegeven."})
    assert response.status_code == 302 and response["Location"] == "/terugbellen/"
    task.refresh_from_db()
    assert (task.status, task.result, task.done_by) == ("done", "Uitleg gegeven.", an)


def test_gebeld_without_a_result_shows_the_error_at_the_task(an):
    task = make_callback(actor=an)
    response = login(an).post(f"/terugbellen/{task.pk}/gebeld/", {f"t{task.pk}-result": " "})
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()
    task.refresh_from_db()
    assert task.status == InternalTask.Status.OPEN


def test_gebeld_on_a_task_that_is_no_callback_is_not_found(an):
    task = make_task(actor=an)
    assert login(an).post(f"/terugbellen/{task.pk}/gebeld/", {f"t{task.pk}-result": "x"}).status_code == 404


# --- The start page ------------------------------------------------------------------------


def tasks_section(user) -> str:
    """The "Taken" section of the user's start page ("" when it has none)."""
    html = login(user).get("/start/").content.decode()
    start = html.find(">Taken</h2>")
    return "" if start < 0 else html[start : html.index("</section>", start)]


def test_the_start_page_counts_the_team_s_tasks_and_links_the_callback_list(an):
    make_overdue(make_callback(actor=an))
    make_callback(actor=an)
    section = tasks_section(an)
    assert 'href="/taken/"' in section and 'href="/terugbellen/"' in section
    assert "2 open, waarvan 1 te laat" in section and "2 te bellen" in section


def test_back_office_sees_its_tasks_without_the_callback_list(els, an):
    make_task(actor=an)
    section = tasks_section(els)
    assert 'href="/taken/"' in section and "1 open, waarvan 0 te laat" in section
    assert "/terugbellen/" not in section


def test_a_citizen_s_start_page_has_no_tasks(jan):
    assert tasks_section(jan) == ""
