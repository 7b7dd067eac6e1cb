"""Internal tasks: creating, assigning, completing and cancelling; the team's mail; who sees what."""

from __future__ import annotations

import datetime as dt
from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases import internal_tasks as tasks
from loket.cases.models import CaseEvent, InternalTask
from loket.cases.services import case_create
from loket.organisation.models import District, Team
from tests.cases.internal_tasks_support import make_callback, make_overdue, make_task, soon, team


@pytest.fixture
def clerk(make_user, antwerp):
    return make_user(Role.CLERK, username="karim", first_name="Karim", last_name="El Amrani")


@pytest.fixture
def case_with_citizen(antwerp, clerk, citizen, hall_rental):
    return case_create(
        kind="request",
        title="Zaal huren",
        channel="counter",
        actor=clerk,
        citizen=citizen,
        service=hall_rental,
        district=District.objects.get(slug="berchem"),
    )


# --- Creating ------------------------------------------------------------------------------


def test_a_handover_is_saved_open_for_the_team_and_audited(clerk):
    task = make_task(actor=clerk, description="  Graag opvolgen.  ", assignee=None)
    task.refresh_from_db()
    assert (task.kind, task.status, task.team.slug) == ("handover", "open", "stad-burgerzaken")
    assert task.created_by == clerk and task.description == "Graag opvolgen."
    entry = AuditEntry.objects.get(object_type="cases.internaltask", object_id=str(task.pk))
    assert (entry.action, entry.actor, entry.fields) == ("create", clerk, ["description"])


def test_a_task_about_a_case_leaves_an_internal_note_naming_the_team(clerk, case_with_citizen, citizen):
    task = make_task(actor=clerk, kind="escalation", team_slug="stad-specialisten", case=case_with_citizen)
    assert task.citizen == citizen and task.service == case_with_citizen.service
    note = CaseEvent.objects.get(case=case_with_citizen, kind=CaseEvent.Kind.NOTE)
    assert not note.public
    assert note.team == team("stad-specialisten") and note.actor == clerk
    assert "Centraal team specialisten" in note.text and task.title in note.text


def test_a_callback_keeps_the_phone_number_without_separators(clerk):
    task = make_callback(actor=clerk, phone="0470 00.01/01")
    assert task.phone == "0470000101"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"due_at": timezone.now() - dt.timedelta(minutes=5)}, "due_at"),
        ({"kind": "callback", "phone": ""}, "phone"),
        ({"kind": "handover", "phone": "bel me"}, "phone"),
        ({"kind": "reminder"}, "kind"),
        ({"channel": "pigeon"}, "channel"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(clerk, changes, field):
    fields = {"kind": "handover", "title": "Vraag", "due_at": soon(), "phone": "", **changes}
    with pytest.raises(ValidationError) as caught:
        tasks.task_create(team=team("stad-burgerzaken"), actor=clerk, **fields)
    assert list(caught.value.message_dict) == [field]
    assert not InternalTask.objects.exists()


def test_every_wrong_field_is_named_at_once(clerk, citizen):
    with pytest.raises(ValidationError) as caught:
        tasks.task_create(
            kind="callback",
            title="",
            team=team("stad-contactcenter"),
            due_at=timezone.now() - dt.timedelta(days=1),
            actor=clerk,
            assignee=citizen,
            citizen=clerk,
        )
    assert set(caught.value.message_dict) == {"title", "due_at", "phone", "assignee", "citizen"}


def test_a_naive_due_time_is_read_in_the_city_s_time_zone(clerk):
    naive = timezone.localtime(soon(5)).replace(tzinfo=None, microsecond=0)
    task = make_task(actor=clerk, due_at=naive)
    assert timezone.localtime(task.due_at).replace(tzinfo=None) == naive


# --- The team's e-mail ---------------------------------------------------------------------


def test_the_team_is_mailed_after_commit_without_personal_data(clerk, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        task = make_callback(actor=clerk, citizen=citizen, phone="+32470999999")
        assert mail.outbox == []  # nothing before the commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["info@antwerpen.be"]
    assert task.title in message.subject
    assert f"/taken/{task.pk}/" in message.body
    assert "+32470999999" not in message.body and citizen.last_name not in message.body


def test_a_rolled_back_task_sends_no_mail(clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        make_task(actor=clerk)
        raise RuntimeError("undone")
    assert not InternalTask.objects.exists()
    assert mail.outbox == []


def test_a_failing_mail_server_never_loses_the_task(clerk, django_capture_on_commit_callbacks):
    failing = mock.patch("loket.cases.internal_tasks.EmailMessage.send", side_effect=SMTPException("down"))
    with failing as send, django_capture_on_commit_callbacks(execute=True):
        task = make_task(actor=clerk)
    assert send.called  # the job did try
    task.refresh_from_db()
    assert task.status == InternalTask.Status.OPEN
    assert mail.outbox == []


def test_a_team_without_an_address_is_not_mailed(clerk, django_capture_on_commit_callbacks):
    Team.objects.filter(slug="stad-burgerzaken").update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        make_task(actor=clerk)
    assert mail.outbox == []


# --- Assigning, completing, cancelling -----------------------------------------------------


def test_a_colleague_takes_the_task_and_it_is_audited(clerk, make_user):
    colleague = make_user(Role.BACKOFFICE, team=team("stad-burgerzaken"))
    task = make_task(actor=clerk)
    tasks.task_assign(task=task, actor=colleague, assignee=colleague)
    assert task.assignee_id == colleague.pk
    task.refresh_from_db()
    assert task.assignee == colleague
    assert AuditEntry.objects.filter(object_id=str(task.pk), action="change", fields=["assignee"]).exists()


def test_a_task_is_not_given_to_staff_of_another_district(clerk, make_user):
    task = make_task(actor=clerk, team_slug="berchem-groen")
    with pytest.raises(ValidationError) as caught:
        tasks.task_assign(task=task, actor=clerk, assignee=make_user(Role.DISTRICT_STAFF, district="deurne"))
    assert "assignee" in caught.value.message_dict
    tasks.task_assign(task=task, actor=clerk, assignee=make_user(Role.DISTRICT_STAFF, district="berchem"))


def test_completing_records_the_result_and_notes_it_on_the_case(clerk, case_with_citizen):
    task = make_task(actor=clerk, case=case_with_citizen)
    tasks.task_complete(task=task, actor=clerk, result="  Klant gebeld, alles in orde.  ")
    task.refresh_from_db()
    assert (task.status, task.result, task.done_by) == ("done", "Klant gebeld, alles in orde.", clerk)
    assert task.done_at is not None
    notes = CaseEvent.objects.filter(case=case_with_citizen, kind=CaseEvent.Kind.NOTE).order_by("id")
    assert "afgehandeld" in notes.last().text and not notes.last().public


def test_completing_needs_a_result(clerk):
    task = make_task(actor=clerk)
    with pytest.raises(ValidationError) as caught:
        tasks.task_complete(task=task, actor=clerk, result="  ")
    assert list(caught.value.message_dict) == ["result"]
    task.refresh_from_db()
    assert task.status == "open"


def test_cancelling_needs_a_reason_and_keeps_it(clerk):
    task = make_task(actor=clerk)
    with pytest.raises(ValidationError) as caught:
        tasks.task_cancel(task=task, actor=clerk, reason="")
    assert list(caught.value.message_dict) == ["reason"]
    tasks.task_cancel(task=task, actor=clerk, reason="Burger belde zelf terug.")
    task.refresh_from_db()
    assert (task.status, task.result) == ("cancelled", "Burger belde zelf terug.")


def test_a_closed_task_cannot_be_assigned_completed_or_cancelled(clerk):
    task = make_task(actor=clerk)
    tasks.task_complete(task=task, actor=clerk, result="Gedaan")
    for attempt in (
        lambda: tasks.task_assign(task=task, actor=clerk, assignee=clerk),
        lambda: tasks.task_complete(task=task, actor=clerk, result="Nog eens"),
        lambda: tasks.task_cancel(task=task, actor=clerk, reason="Te laat"),
    ):
        with pytest.raises(tasks.TaskNotOpen):
            attempt()
    task.refresh_from_db()
    assert task.result == "Gedaan"


# --- Teams ---------------------------------------------------------------------------------


def test_the_specialists_and_the_contact_centre_are_found(antwerp):
    assert tasks.specialists_team().slug == "stad-specialisten"
    assert tasks.contact_centre_team().slug == tasks.CONTACT_CENTRE_TEAM_SLUG


def test_without_a_specialists_team_the_lookup_says_so(antwerp):
    Team.objects.update(is_specialists=False)
    with pytest.raises(Team.DoesNotExist):
        tasks.specialists_team()


# --- Who sees what -------------------------------------------------------------------------


@pytest.fixture
def spread(clerk):
    """One task for a city team, one for Berchem's green team, one for Deurne's."""
    return {
        "city": make_task(actor=clerk),
        "berchem": make_task(actor=clerk, team_slug="berchem-groen"),
        "deurne": make_task(actor=clerk, team_slug="deurne-groen"),
    }


@pytest.mark.parametrize("role", [Role.AGENT, Role.CLERK, Role.BACKOFFICE, Role.HELPDESK, Role.MANAGER, Role.ADMIN])
def test_city_wide_staff_see_every_task(spread, make_user, role):
    assert tasks.tasks_visible_to(user=make_user(role)).count() == 3


@pytest.mark.parametrize("role", [Role.DISTRICT_STAFF, Role.COORDINATOR])
def test_district_roles_see_only_their_district_s_teams(spread, make_user, role):
    user = make_user(role, district="berchem")
    assert list(tasks.tasks_visible_to(user=user)) == [spread["berchem"]]
    assert tasks.task_get(user=user, task_id=spread["berchem"].pk) == spread["berchem"]
    for other in ("city", "deurne"):
        with pytest.raises(Http404):
            tasks.task_get(user=user, task_id=spread[other].pk)


def test_citizens_and_visitors_see_no_task(spread, citizen):
    from django.contrib.auth.models import AnonymousUser

    assert not tasks.tasks_visible_to(user=citizen).exists()
    assert not tasks.tasks_visible_to(user=AnonymousUser()).exists()
    with pytest.raises(Http404):
        tasks.task_get(user=citizen, task_id=spread["city"].pk)


def test_the_list_filters_on_kind_status_team_and_overdue(clerk):
    late = make_overdue(make_callback(actor=clerk))
    handover = make_task(actor=clerk)
    done = make_task(actor=clerk)
    tasks.task_complete(task=done, actor=clerk, result="ok")
    assert list(tasks.task_list(user=clerk)) == [late, handover]
    assert list(tasks.task_list(user=clerk, status=None)) == [late, handover, done]
    assert list(tasks.task_list(user=clerk, kind="callback")) == [late]
    assert list(tasks.task_list(user=clerk, team=team("stad-burgerzaken"))) == [handover]
    assert list(tasks.task_list(user=clerk, overdue=True)) == [late]
    assert list(tasks.task_list(user=clerk, overdue=False)) == [handover]


def test_the_counts_give_open_and_overdue_tasks_of_a_team(clerk):
    make_overdue(make_callback(actor=clerk))
    make_callback(actor=clerk)
    tasks.task_complete(task=make_callback(actor=clerk), actor=clerk, result="ok")
    assert tasks.task_counts(user=clerk, team=team("stad-contactcenter")) == tasks.TaskCounts(open=2, overdue=1)
