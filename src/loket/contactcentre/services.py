"""Writes of the contact centre: what an agent does at the end of a call, each with its contact moment.

A hand-over, an escalation and a callback are internal tasks (``cases.internal_tasks``); the
contact moment that records the call is written in the same transaction, so the timeline never
shows a call without the task it promised, nor a task without the call it came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from loket.cases.internal_tasks import contact_centre_team, specialists_team, task_create
from loket.cases.models import Case, InternalTask
from loket.catalogue.models import Service
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.national import phone_normalise
from loket.citizens.services import contact_moment_register
from loket.contactcentre.selectors import handover_team_default
from loket.organisation.models import Team

HANDOVER_KINDS = (InternalTask.Kind.HANDOVER, InternalTask.Kind.ESCALATION)
# The task's channel is where the question came in; the contact moment uses its own channel names.
TASK_CHANNEL = {"phone": "phone", "counter": "counter", "email": "email", "online": "online", "chat": "online"}


def _team_for(*, kind: str, team: Team | None, service: Service | None, citizen: Citizen | None) -> Team:
    if kind == InternalTask.Kind.ESCALATION:  # always the second line, whatever team was picked
        try:
            return specialists_team()
        except Team.DoesNotExist as exc:
            raise ValidationError({"team": [_("Er is geen centraal team specialisten ingesteld.")]}) from exc
    chosen = team or handover_team_default(service=service, citizen=citizen)
    if chosen is None:
        message = (
            _("Het bevoegde team voor deze dienst is niet gekend: kies een team.")
            if service is not None
            else _("Kies een team of een dienst.")
        )
        raise ValidationError({"team": [message]})
    return chosen


def _case_check(*, case: Case | None, citizen: Citizen | None) -> None:
    if case is not None and citizen is not None and case.citizen_id not in (None, citizen.user_id):
        raise ValidationError({"case": [_("Deze zaak hoort bij een andere burger.")]})


@transaction.atomic
def handover_register(
    *,
    citizen: Citizen | None,
    kind: str,
    title: str,
    due_at: dt.datetime,
    actor: Any,
    description: str = "",
    service: Service | None = None,
    team: Team | None = None,
    case: Case | None = None,
    channel: str = ContactMoment.Channel.PHONE,
    duration_seconds: int = 0,
    request: HttpRequest | None = None,
) -> tuple[InternalTask, ContactMoment]:
    """Hand the caller's question to a back office (``handover``: the chosen team, else the team
    competent for ``service`` where the citizen lives) or to the central specialists
    (``escalation``), and record the call with outcome "handed over"."""
    if kind not in HANDOVER_KINDS:
        raise ValidationError({"kind": [_("Kies doorgeven of escaleren.")]})
    _case_check(case=case, citizen=citizen)
    chosen = _team_for(kind=kind, team=team, service=service, citizen=citizen)
    task = task_create(
        kind=kind,
        title=title,
        team=chosen,
        due_at=due_at,
        actor=actor,
        description=description,
        citizen=citizen.user if citizen is not None else None,
        case=case,
        service=service,
        channel=TASK_CHANNEL.get(channel, "phone"),
    )
    moment = contact_moment_register(
        citizen=citizen,
        channel=channel,
        outcome=ContactMoment.Outcome.HANDED_OVER,
        actor=actor,
        service=task.service,
        case=case,
        duration_seconds=duration_seconds,
        notes=_("Doorgegeven aan %(team)s: %(title)s") % {"team": chosen.name, "title": task.title},
        request=request,
    )
    return task, moment


@transaction.atomic
def callback_register(
    *,
    citizen: Citizen | None,
    phone: str,
    title: str,
    due_at: dt.datetime,
    actor: Any,
    description: str = "",
    service: Service | None = None,
    case: Case | None = None,
    channel: str = ContactMoment.Channel.PHONE,
    duration_seconds: int = 0,
    request: HttpRequest | None = None,
) -> tuple[InternalTask, ContactMoment]:
    """Promise to call back: a callback task for the contact centre's own team, and the call
    recorded with outcome "callback"."""
    _case_check(case=case, citizen=citizen)
    try:
        team = contact_centre_team()
    except Team.DoesNotExist as exc:
        raise ValidationError({"team": [_("Het team van het contactcenter is niet ingesteld.")]}) from exc
    task = task_create(
        kind=InternalTask.Kind.CALLBACK,
        title=title,
        team=team,
        due_at=due_at,
        actor=actor,
        description=description,
        citizen=citizen.user if citizen is not None else None,
        case=case,
        service=service,
        phone=phone_normalise(phone) or phone,  # "+3232001001" on the list; task_create refuses nonsense
        channel=TASK_CHANNEL.get(channel, "phone"),
    )
    moment = contact_moment_register(
        citizen=citizen,
        channel=channel,
        outcome=ContactMoment.Outcome.CALLBACK,
        actor=actor,
        service=task.service,
        case=case,
        duration_seconds=duration_seconds,
        notes=_("Terugbellen: %(title)s") % {"title": task.title},
        request=request,
    )
    return task, moment
