"""Helpers shared by the internal-task tests (plain functions; the fixtures live in each test file)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from loket.cases.internal_tasks import task_create
from loket.cases.models import InternalTask
from loket.organisation.models import Team


def soon(hours: float = 2) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


def team(slug: str) -> Team:
    return Team.objects.get(slug=slug)


def make_task(*, actor: Any, kind: str = "handover", team_slug: str = "stad-burgerzaken", **extra: Any) -> InternalTask:
    fields: dict[str, Any] = {"title": "Vraag over een adreswijziging", "due_at": soon(), **extra}
    if kind == "callback":
        fields.setdefault("phone", "+32470000101")
    return task_create(kind=kind, team=team(team_slug), actor=actor, **fields)


def make_callback(*, actor: Any, **extra: Any) -> InternalTask:
    extra.setdefault("title", "Terugbellen over de parkeerkaart")
    return make_task(actor=actor, kind="callback", team_slug="stad-contactcenter", **extra)


def make_overdue(task: InternalTask, hours: float = 1) -> InternalTask:
    """The service refuses a due time in the past, so a test moves it back afterwards."""
    InternalTask.objects.filter(pk=task.pk).update(due_at=timezone.now() - dt.timedelta(hours=hours))
    task.refresh_from_db()
    return task
