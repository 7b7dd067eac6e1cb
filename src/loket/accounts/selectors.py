"""What each role sees on its start page: plain reads, scoped by the case engine's selectors.

Statuses, kinds and channels are stored as codes (``in_progress``); the pages show the Dutch
labels that each kind's workflow declares (``cases.workflows``) and the channel choices.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.expressions import Col
from rest_framework.authtoken.models import Token

from loket.accounts.models import Role, User
from loket.cases.models import Case, Channel
from loket.cases.selectors import case_list_for_user
from loket.cases.workflows import UnknownKind, workflow_for, workflow_kinds

START_LIST_LIMIT = 50


_TOKEN_USER: dict[str, tuple[str, list[tuple[Any, list[Any]]]]] = {}


def _token_user_query() -> tuple[str, list[tuple[Any, list[Any]]]]:
    """The statement and, per column, the field with its converters, for this database vendor."""
    if connection.vendor not in _TOKEN_USER:
        quote = connection.ops.quote_name
        table = User._meta.db_table
        fields = User._meta.concrete_fields
        columns = ", ".join(f"u.{quote(field.attname)}" for field in fields)
        sql = (
            f"SELECT {columns} FROM {quote(table)} u JOIN {quote(Token._meta.db_table)} t "  # noqa: S608 (model names)
            f"ON t.{quote('user_id')} = u.{quote('id')} WHERE t.{quote('key')} = %s"
        )
        columns_of = [Col(table, field) for field in fields]
        converters = [
            (column, connection.ops.get_db_converters(column) + field.get_db_converters(connection))
            for column, field in zip(columns_of, fields, strict=True)
        ]
        _TOKEN_USER[connection.vendor] = (sql, converters)
    return _TOKEN_USER[connection.vendor]


def user_for_api_token(*, key: str) -> User | None:
    """The user who holds API token ``key``, or None: one indexed query without the ORM's
    per-request compilation (the hot path of every API call)."""
    sql, converters = _token_user_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [key])
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for value, (column, functions) in zip(row, converters, strict=True):
        for function in functions:
            value = function(value, column, connection)
        values.append(value)
    return User.from_db(connection.alias, [field.attname for field in User._meta.concrete_fields], values)


def status_label(*, kind: str, status: str) -> str:
    """The Dutch label of ``status`` in the workflow of ``kind``; the code itself if either is unknown."""
    try:
        return workflow_for(kind).label(status)
    except UnknownKind:
        return status


def kind_label(kind: str) -> str:
    try:
        return str(workflow_for(kind).label_text)
    except UnknownKind:
        return kind


def any_status_label(status: str) -> str:
    """The label of a status code counted over all kinds: the kinds' labels, joined if they differ."""
    labels: list[str] = []
    for kind in workflow_kinds():
        workflow = workflow_for(kind)
        if status in workflow.statuses and workflow.label(status) not in labels:
            labels.append(workflow.label(status))
    return " / ".join(labels) or status


def channel_label(channel: str) -> str:
    return str(Channel(channel).label) if channel in Channel.values else channel


LABELS = {"status": any_status_label, "kind": kind_label, "channel": channel_label}


def count_by(cases: QuerySet[Case], field: str) -> list[dict[str, Any]]:
    """``[{"value": code, "label": Dutch label, "count": n}]`` for ``field``, largest group first."""
    rows = cases.order_by().values(field).annotate(count=Count("id")).order_by("-count", field)
    label = LABELS.get(field)
    return [
        {
            "value": row[field],
            "label": label(row[field]) if label and row[field] is not None else row[field],
            "count": row["count"],
        }
        for row in rows
    ]


def with_status_labels(cases: Iterable[Case]) -> list[Case]:
    """The cases as a list, each with ``status_label`` set for display."""
    listed = list(cases)
    for case in listed:
        case.status_label = status_label(kind=case.kind, status=case.status)  # type: ignore[attr-defined]
    return listed


def start_page_data(*, user: User) -> dict[str, Any]:
    """The context of ``user``'s start page; which template shows it follows from the role."""
    role = user.role
    if role == Role.CITIZEN:
        return {"cases": with_status_labels(case_list_for_user(user=user, order="-created_at")[:START_LIST_LIMIT])}
    visible = case_list_for_user(user=user)
    open_cases = visible.filter(closed_at__isnull=True)
    if role in (Role.AGENT, Role.CLERK):
        return {
            "status_counts": count_by(visible, "status"),
            "open_cases": with_status_labels(open_cases[:START_LIST_LIMIT]),
        }
    if role == Role.BACKOFFICE:
        team_cases = open_cases.filter(team_id=user.team_id) if user.team_id else open_cases.none()
        return {"team": user.team, "open_cases": with_status_labels(team_cases[:START_LIST_LIMIT])}
    if role in (Role.DISTRICT_STAFF, Role.COORDINATOR):
        return {"district": user.district, "open_cases": with_status_labels(open_cases[:START_LIST_LIMIT])}
    if role == Role.HELPDESK:
        return {"open_questions": with_status_labels(open_cases.filter(kind="question")[:START_LIST_LIMIT])}
    if role == Role.MANAGER:
        return {
            "total": visible.count(),
            "open_total": open_cases.count(),
            "by_kind": count_by(visible, "kind"),
            "by_status": count_by(visible, "status"),
            "by_channel": count_by(visible, "channel"),
            "by_district": count_by(visible, "district__name"),
        }
    return {}
