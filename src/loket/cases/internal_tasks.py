"""Internal tasks: a question handed to a back office, an escalation to the central specialists
(second line), a callback the contact centre promised. Writes and reads in one module.

Every write is keyword-only, runs in one transaction and is audited. A task about a case leaves
an internal (never public) note in the case's history, so whoever opens the case sees that
another team was asked. The team hears of a new task by e-mail (``cases.team_mail``), sent by a
background job after commit: a failing mail server never loses or holds up the task (the job is
retried).

Visibility follows the organisation: city-wide staff see every task, district staff and
coordinators only the tasks of their district's teams, citizens none (a task is internal).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.accounts.scoping import district_scope
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.models import Case, CaseEvent, Channel, InternalTask
from loket.cases.team_mail import team_mail_link, team_mail_send, team_mail_to
from loket.catalogue.models import Service
from loket.organisation.models import Team

__all__ = [
    "CONTACT_CENTRE_TEAM_SLUG",
    "TaskCounts",
    "TaskNotOpen",
    "contact_centre_team",
    "specialists_team",
    "task_assign",
    "task_cancel",
    "task_colleagues",
    "task_complete",
    "task_counts",
    "task_create",
    "task_get",
    "task_list",
    "task_list_record_view",
    "task_record_view",
    "task_teams_visible_to",
    "tasks_visible_to",
]

logger = logging.getLogger(__name__)

CONTACT_CENTRE_TEAM_SLUG = "stad-contactcenter"
PERSONAL_FIELDS = ("citizen", "phone", "description")
PHONE_SEPARATORS = re.compile(r"[\s./()-]")
PHONE = re.compile(r"^\+?\d{6,15}$")
TITLE_LENGTH = InternalTask._meta.get_field("title").max_length or 200


class TaskNotOpen(ValidationError):
    """Only an open task can be assigned, completed or cancelled (the API answers 409)."""

    def __init__(self, task: InternalTask) -> None:
        super().__init__(
            {"status": [_("Deze taak is niet meer open (%(status)s).") % {"status": task.get_status_display()}]}
        )
        self.status = task.status


# --- Teams ---------------------------------------------------------------------------------


def specialists_team() -> Team:
    """The city's central specialists team (second line); ``Team.DoesNotExist`` when none is set up."""
    team = Team.objects.filter(level=Team.Level.CITY, is_specialists=True).order_by("id").first()
    if team is None:
        raise Team.DoesNotExist("No city team is marked as the central specialists team.")
    return team


def contact_centre_team() -> Team:
    """The city's contact centre team; ``Team.DoesNotExist`` when it is missing."""
    return Team.objects.get(slug=CONTACT_CENTRE_TEAM_SLUG)


# --- Writes --------------------------------------------------------------------------------


def _who(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _phone_clean(phone: str) -> str:
    return PHONE_SEPARATORS.sub("", phone or "")


def _assignee_problem(assignee: Any, team: Team) -> str | None:
    """Why ``assignee`` cannot take a task of ``team``, or None when they can."""
    if not getattr(assignee, "is_active", False) or getattr(assignee, "role", Role.CITIZEN) == Role.CITIZEN:
        return _("Een taak kan enkel aan een actieve medewerker toegewezen worden.")
    if assignee.role in (Role.DISTRICT_STAFF, Role.COORDINATOR) and assignee.district_id != team.district_id:
        # District staff would not even see a task outside their district.
        return _("Deze medewerker werkt niet voor het district van dit team.")
    return None


def _aware(moment: dt.datetime) -> dt.datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _case_note(*, task: InternalTask, actor: Any, text: str) -> None:
    if task.case_id is not None:
        CaseEvent.objects.create(
            case_id=task.case_id, kind=CaseEvent.Kind.NOTE, text=text, public=False, team=task.team, actor=_who(actor)
        )


def _audit(task: InternalTask, *, actor: Any, action: str, fields: list[str], request: Any = None) -> None:
    audit_record(
        actor=actor, action=action, obj=task, fields=fields, district_id=task.team.district_id, request=request
    )


@transaction.atomic
def task_create(
    *,
    kind: str,
    title: str,
    team: Team,
    due_at: dt.datetime,
    actor: Any,
    description: str = "",
    citizen: Any = None,
    case: Case | None = None,
    service: Service | None = None,
    phone: str = "",
    channel: str = Channel.PHONE,
    assignee: Any = None,
) -> InternalTask:
    """Hand work to ``team`` with a due time. Raises ``ValidationError({field: [message]})``,
    naming every wrong field at once."""
    errors: dict[str, list[str]] = {}
    title = (title or "").strip()
    phone = _phone_clean(phone)
    if kind not in InternalTask.Kind.values:
        errors["kind"] = [_("Onbekende soort taak: '%(kind)s'.") % {"kind": kind}]
    if not title:
        errors["title"] = [_("Geef een onderwerp.")]
    elif len(title) > TITLE_LENGTH:
        errors["title"] = [_("Het onderwerp is te lang (hoogstens %(n)s tekens).") % {"n": TITLE_LENGTH}]
    if due_at is None:
        errors["due_at"] = [_("Geef een tijdstip waarop de taak af moet zijn.")]
    else:
        due_at = _aware(due_at)
        if due_at < timezone.now():
            errors["due_at"] = [_("Het tijdstip ligt in het verleden.")]
    if kind == InternalTask.Kind.CALLBACK and not phone:
        errors["phone"] = [_("Geef het telefoonnummer om terug te bellen.")]
    elif phone and not PHONE.match(phone):
        errors["phone"] = [_("Dit is geen geldig telefoonnummer.")]
    if channel not in Channel.values:
        errors["channel"] = [_("Onbekend kanaal: '%(channel)s'.") % {"channel": channel}]
    if citizen is not None and getattr(citizen, "role", None) != Role.CITIZEN:
        errors["citizen"] = [_("Deze gebruiker is geen burger.")]
    if assignee is not None and (problem := _assignee_problem(assignee, team)):
        errors["assignee"] = [problem]
    if errors:
        raise ValidationError(errors)
    if citizen is None and case is not None:
        citizen = case.citizen
    task = InternalTask.objects.create(
        kind=kind,
        title=title,
        description=(description or "").strip(),
        citizen=citizen,
        case=case,
        service=service or (case.service if case is not None else None),
        phone=phone,
        team=team,
        assignee=assignee,
        channel=channel,
        due_at=due_at,
        created_by=_who(actor),
    )
    _case_note(
        task=task,
        actor=actor,
        text=_("Interne taak voor %(team)s (%(kind)s): %(title)s — uiterlijk %(due)s.")
        % {
            "team": team.name,
            "kind": task.get_kind_display(),
            "title": title,
            "due": timezone.localtime(due_at).strftime("%d/%m/%Y %H:%M"),
        },
    )
    _audit(task, actor=actor, action=AuditEntry.Action.CREATE, fields=_personal_fields(task))
    transaction.on_commit(partial(_enqueue_team_mail, task.pk), robust=True)
    return task


def _personal_fields(task: InternalTask) -> list[str]:
    return [f for f in PERSONAL_FIELDS if getattr(task, f"{f}_id" if f == "citizen" else f)]


def _locked_open(task: InternalTask) -> InternalTask:
    locked = InternalTask.objects.select_for_update().select_related("team").get(pk=task.pk)
    if locked.status != InternalTask.Status.OPEN:
        raise TaskNotOpen(locked)
    return locked


def _copy_back(task: InternalTask, locked: InternalTask, fields: list[str]) -> InternalTask:
    for name in fields:
        setattr(task, name, getattr(locked, name))
    return locked


@transaction.atomic
def task_assign(*, task: InternalTask, actor: Any, assignee: Any) -> InternalTask:
    """Give an open task to a colleague (or to oneself: "neem op"); None hands it back to the team."""
    locked = _locked_open(task)
    if assignee is not None and (problem := _assignee_problem(assignee, locked.team)):
        raise ValidationError({"assignee": [problem]})
    locked.assignee = assignee
    locked.save(update_fields=["assignee"])
    _audit(locked, actor=actor, action=AuditEntry.Action.CHANGE, fields=["assignee"])
    return _copy_back(task, locked, ["assignee_id"])


def _close(*, task: InternalTask, actor: Any, status: str, text: str, field: str, note: str) -> InternalTask:
    text = (text or "").strip()
    if not text:
        message = _("Geef het resultaat.") if field == "result" else _("Geef een reden.")
        raise ValidationError({field: [message]})
    locked = _locked_open(task)
    locked.status = status
    locked.result = text
    locked.done_at = timezone.now()
    locked.done_by = _who(actor)
    changed = ["status", "result", "done_at", "done_by"]
    locked.save(update_fields=changed)
    _case_note(task=locked, actor=actor, text=note % {"title": locked.title, "text": text})
    _audit(locked, actor=actor, action=AuditEntry.Action.CHANGE, fields=["status", "result"])
    return _copy_back(task, locked, ["status", "result", "done_at", "done_by_id"])


@transaction.atomic
def task_complete(*, task: InternalTask, actor: Any, result: str) -> InternalTask:
    """Close an open task as done, with what came of it (required)."""
    return _close(
        task=task,
        actor=actor,
        status=InternalTask.Status.DONE,
        text=result,
        field="result",
        note=_("Interne taak afgehandeld: %(title)s — %(text)s"),
    )


@transaction.atomic
def task_cancel(*, task: InternalTask, actor: Any, reason: str) -> InternalTask:
    """Close an open task without doing it, saying why (required); the reason is kept as the result."""
    return _close(
        task=task,
        actor=actor,
        status=InternalTask.Status.CANCELLED,
        text=reason,
        field="reason",
        note=_("Interne taak geannuleerd: %(title)s — %(text)s"),
    )


@transaction.atomic
def task_record_view(*, task: InternalTask, actor: Any, request: Any = None) -> None:
    """Audit a look at a task that carries a citizen's personal data."""
    fields = _personal_fields(task)
    if fields:
        _audit(task, actor=actor, action=AuditEntry.Action.VIEW, fields=fields, request=request)


def task_list_record_view(*, tasks: list[InternalTask], actor: Any, request: Any = None) -> None:
    """Audit a list that shows citizens' names and phone numbers (the callback list): one line
    naming the tasks on the page, rather than one line per row on a page agents reload all day."""
    shown = [task for task in tasks if _personal_fields(task)]
    if not shown:
        return
    audit_record(
        actor=actor,
        action=AuditEntry.Action.VIEW,
        object_type=InternalTask._meta.label_lower,
        object_id="list",
        object_repr=_("Lijst met taken %(ids)s") % {"ids": ", ".join(str(task.pk) for task in shown)},
        fields=sorted({field for task in shown for field in _personal_fields(task)}),
        request=request,
    )


# --- The team's e-mail (a background job after commit) ---------------------------------------


def _enqueue_team_mail(task_id: int) -> None:
    from loket.cases.tasks import internal_task_mail_job

    internal_task_mail_job(task_id)


def task_mail_team(*, task_id: int, last_try: bool = False) -> bool:
    """Tell the team's mailbox that a task arrived (``cases.team_mail``). Raises when the mail
    server fails (the job retries). The mail holds no personal data: the link leads to the task
    behind the login."""
    task = InternalTask.objects.select_related("team").filter(pk=task_id).first()
    if task is None or task.status != InternalTask.Status.OPEN:
        return False
    due = timezone.localtime(task.due_at).strftime("%d/%m/%Y %H:%M")
    subject = _("Nieuwe taak voor %(team)s: %(title)s") % {"team": task.team.name, "title": task.title}
    body = _("Soort: %(kind)s\nUiterlijk af op: %(due)s\n\nOpenen (na aanmelden): %(link)s\n") % {
        "kind": task.get_kind_display(),
        "due": due,
        "link": team_mail_link("cases:task-detail", task.pk),
    }
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, team_mail_to(team=task.team))
    return team_mail_send(message, about=f"task {task.pk}", last_try=last_try)


# --- Reads ---------------------------------------------------------------------------------


def tasks_visible_to(*, user: Any) -> QuerySet[InternalTask]:
    """The tasks ``user`` may see: all for city-wide staff, their district's teams' for district
    roles, none for citizens and anonymous visitors."""
    tasks = InternalTask.objects.all()
    try:
        district_id = district_scope(user)
    except PermissionError:
        return tasks.none()
    if district_id is None:
        return tasks
    return tasks.filter(team__district_id=district_id)


def task_list(
    *,
    user: Any,
    kind: str | None = None,
    status: str | None = InternalTask.Status.OPEN,
    team: Team | None = None,
    overdue: bool | None = None,
    assignee: Any = None,
) -> QuerySet[InternalTask]:
    """Visible tasks, filtered, earliest due first. ``overdue``: open and past the due time."""
    tasks = tasks_visible_to(user=user).select_related("team", "assignee", "citizen", "case", "service")
    if kind:
        tasks = tasks.filter(kind=kind)
    if status:
        tasks = tasks.filter(status=status)
    if team is not None:
        tasks = tasks.filter(team=team)
    if assignee is not None:
        tasks = tasks.filter(assignee=assignee)
    if overdue is not None:
        late = {"status": InternalTask.Status.OPEN, "due_at__lt": timezone.now()}
        tasks = tasks.filter(**late) if overdue else tasks.exclude(**late)
    return tasks.order_by("due_at", "id")


def task_get(*, user: Any, task_id: int) -> InternalTask:
    """One task with its context, or 404 when it does not exist or ``user`` may not see it."""
    task = (
        tasks_visible_to(user=user)
        .select_related("team", "assignee", "citizen", "case", "service", "created_by", "done_by")
        .filter(pk=task_id)
        .first()
    )
    if task is None:
        raise Http404(_("Geen taak met nummer %(id)s.") % {"id": task_id})
    return task


def task_teams_visible_to(*, user: Any) -> QuerySet[Team]:
    """The teams whose tasks ``user`` may see, by name (none for citizens)."""
    teams = Team.objects.order_by("name")
    try:
        district_id = district_scope(user)
    except PermissionError:
        return teams.none()
    return teams if district_id is None else teams.filter(district_id=district_id)


def task_colleagues(*, task: InternalTask) -> list[Any]:
    """Who may take ``task``: the active staff of its team and, for a district team, that
    district's staff and coordinators (they often belong to no team)."""
    from loket.accounts.models import User

    condition = Q(team_id=task.team_id)
    if task.team.district_id is not None:
        condition |= Q(role__in=[Role.DISTRICT_STAFF, Role.COORDINATOR], district_id=task.team.district_id)
    people = User.objects.filter(condition, is_active=True).exclude(role=Role.CITIZEN)
    return list(people.order_by("first_name", "last_name", "username")[:200])


@dataclass(frozen=True)
class TaskCounts:
    open: int
    overdue: int


def task_counts(*, user: Any, team: Team) -> TaskCounts:
    """How many visible tasks of ``team`` are open and how many of those are overdue."""
    counts = (
        tasks_visible_to(user=user)
        .filter(team=team, status=InternalTask.Status.OPEN)
        .aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_at__lt=timezone.now())))
    )
    return TaskCounts(open=counts["open"], overdue=counts["overdue"])
