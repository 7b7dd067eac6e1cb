"""The internal tasks API: /api/v1/tasks/ and its actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases import internal_tasks as tasks
from loket.cases.services import case_create
from loket.organisation.models import District
from tests.cases.internal_tasks_support import make_callback, make_overdue, make_task, soon, team


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def clerk(make_user, antwerp):
    return make_user(Role.CLERK, username="karim")


@pytest.fixture
def berchem_staff(make_user, antwerp):
    return make_user(Role.DISTRICT_STAFF, district="berchem")


def test_a_clerk_escalates_a_case_to_the_specialists(clerk, citizen):
    case = case_create(kind="request", title="Zaal", channel="counter", actor=clerk, citizen=citizen)
    body = {
        "kind": "escalation",
        "title": "Wie is bevoegd?",
        "team": "stad-specialisten",
        "due_at": soon(24).isoformat(),
        "case": case.reference,
        "channel": "counter",
    }
    response = client_for(clerk).post("/api/v1/tasks/", body, format="json")
    assert response.status_code == 201
    task = response.json()
    assert (task["kind"], task["status"], task["team"], task["case"]) == (
        "escalation",
        "open",
        "stad-specialisten",
        case.reference,
    )
    assert task["citizen"] == {"id": citizen.pk, "full_name": citizen.get_full_name()}
    assert task["overdue"] is False and task["created_by"] == "karim"


def test_bad_input_answers_400_naming_each_field(clerk):
    body = {"kind": "callback", "title": "Bel", "team": "stad-contactcenter", "due_at": "2020-01-01T10:00:00+01:00"}
    response = client_for(clerk).post("/api/v1/tasks/", body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["details"]) == {"due_at", "phone"}


def test_an_unknown_team_or_kind_answers_400(clerk):
    body = {"kind": "reminder", "title": "x", "team": "bestaat-niet", "due_at": soon().isoformat()}
    response = client_for(clerk).post("/api/v1/tasks/", body, format="json")
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"kind", "team"}


def test_a_case_outside_the_scope_is_refused_like_an_unknown_one(clerk, berchem_staff):
    case = case_create(
        kind="request", title="Zaal", channel="counter", actor=clerk, district=District.objects.get(slug="deurne")
    )
    body = {"kind": "handover", "title": "x", "team": "berchem-groen", "due_at": soon().isoformat()}
    response = client_for(berchem_staff).post("/api/v1/tasks/", {**body, "case": case.reference}, format="json")
    assert response.status_code == 400
    assert "case" in response.json()["error"]["details"]


def test_the_list_filters_and_pages(clerk):
    late = make_overdue(make_callback(actor=clerk))
    handover = make_task(actor=clerk)
    done = make_task(actor=clerk)
    tasks.task_complete(task=done, actor=clerk, result="ok")
    api = client_for(clerk)

    def ids(**query) -> list[int]:
        response = api.get("/api/v1/tasks/", query)
        assert response.status_code == 200
        return [item["id"] for item in response.json()["results"]]

    assert ids() == [late.pk, handover.pk, done.pk]
    assert ids(status="open") == [late.pk, handover.pk]
    assert ids(kind="callback") == [late.pk]
    assert ids(team="stad-burgerzaken", status="done") == [done.pk]
    assert ids(overdue="true") == [late.pk]
    assert ids(overdue="false") == [handover.pk, done.pk]
    page = api.get("/api/v1/tasks/", {"page_size": 1}).json()
    assert page["count"] == 3 and len(page["results"]) == 1 and page["next"]


def test_a_list_with_callers_is_audited(clerk, citizen):
    make_callback(actor=clerk, citizen=citizen)
    client_for(clerk).get("/api/v1/tasks/")
    assert AuditEntry.objects.filter(object_type="cases.internaltask", object_id="list", actor=clerk).exists()


@pytest.mark.parametrize("query", [{"kind": "reminder"}, {"status": "busy"}, {"team": "nope"}, {"overdue": "soms"}])
def test_a_bad_filter_answers_400(clerk, query):
    response = client_for(clerk).get("/api/v1/tasks/", query)
    assert response.status_code == 400
    assert list(response.json()["error"]["details"]) == list(query)


def test_one_task_is_read_and_the_look_is_audited(clerk, citizen):
    task = make_callback(actor=clerk, citizen=citizen)
    response = client_for(clerk).get(f"/api/v1/tasks/{task.pk}/")
    assert response.status_code == 200
    assert response.json()["phone"] == "+32470000101"
    assert AuditEntry.objects.filter(object_id=str(task.pk), action="view").exists()


def test_a_task_of_another_district_answers_404(clerk, berchem_staff):
    task = make_task(actor=clerk, team_slug="deurne-groen")
    response = client_for(berchem_staff).get(f"/api/v1/tasks/{task.pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client_for(berchem_staff).post(f"/api/v1/tasks/{task.pk}/complete/", {"result": "x"}).status_code == 404


def test_citizens_get_403(citizen):
    response = client_for(citizen).get("/api/v1/tasks/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_assign_complete_and_cancel(clerk, make_user):
    colleague = make_user(Role.BACKOFFICE, team=team("stad-burgerzaken"))
    first, second = make_task(actor=clerk), make_task(actor=clerk)
    api = client_for(clerk)
    assigned = api.post(f"/api/v1/tasks/{first.pk}/assign/", {"assignee": colleague.pk}, format="json")
    assert assigned.status_code == 200 and assigned.json()["assignee"]["id"] == colleague.pk
    released = api.post(f"/api/v1/tasks/{first.pk}/assign/", {"assignee": None}, format="json")
    assert released.status_code == 200 and released.json()["assignee"] is None
    completed = api.post(f"/api/v1/tasks/{first.pk}/complete/", {"result": "Opgelost"}, format="json")
    assert (completed.json()["status"], completed.json()["result"]) == ("done", "Opgelost")
    cancelled = api.post(f"/api/v1/tasks/{second.pk}/cancel/", {"reason": "Dubbel"}, format="json")
    assert (cancelled.json()["status"], cancelled.json()["result"]) == ("cancelled", "Dubbel")


def test_actions_without_their_text_answer_400(clerk):
    task = make_task(actor=clerk)
    api = client_for(clerk)
    assert api.post(f"/api/v1/tasks/{task.pk}/complete/", {}, format="json").status_code == 400
    assert api.post(f"/api/v1/tasks/{task.pk}/cancel/", {"reason": ""}, format="json").status_code == 400
    assert api.post(f"/api/v1/tasks/{task.pk}/assign/", {}, format="json").status_code == 400


def test_assigning_to_a_citizen_or_staff_of_another_district_answers_400(clerk, citizen, berchem_staff):
    task = make_task(actor=clerk, team_slug="deurne-groen")
    api = client_for(clerk)
    for person in (citizen, berchem_staff):
        response = api.post(f"/api/v1/tasks/{task.pk}/assign/", {"assignee": person.pk}, format="json")
        assert response.status_code == 400
        assert "assignee" in response.json()["error"]["details"]


def test_a_closed_task_answers_409(clerk):
    task = make_task(actor=clerk)
    tasks.task_cancel(task=task, actor=clerk, reason="Dubbel")
    response = client_for(clerk).post(f"/api/v1/tasks/{task.pk}/complete/", {"result": "x"}, format="json")
    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["code"], error["details"]) == ("task_not_open", {"status": "cancelled"})


def test_an_overdue_task_says_so(clerk):
    task = make_overdue(make_task(actor=clerk), hours=3)
    body = client_for(clerk).get(f"/api/v1/tasks/{task.pk}/").json()
    assert body["overdue"] is True
    assert dt.datetime.fromisoformat(body["due_at"]) < timezone.now()
