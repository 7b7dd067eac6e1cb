"""The workflow of a report (kind "report", references MLD-…), declared by the reports app.

It replaces the case engine's placeholder: a report can be marked a duplicate at any open
step (a handler merges it), and a report that was done can go back to "in behandeling" when
its reporter says it is not fixed (``services.report_feedback``, within 14 days).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from loket.cases.workflows import Workflow, workflow_register

RECEIVED = "received"
IN_PROGRESS = "in_progress"
PLANNED = "planned"
DONE = "done"
FORWARDED = "forwarded"
DUPLICATE = "duplicate"
REJECTED = "rejected"

OPEN_STATUSES = (RECEIVED, IN_PROGRESS, PLANNED)
CLOSED_STATUSES = frozenset({DONE, FORWARDED, DUPLICATE, REJECTED})

REPORT_WORKFLOW = Workflow(
    kind="report",
    prefix="MLD",
    label_text=_("melding"),
    initial=RECEIVED,
    statuses={
        RECEIVED: _("ontvangen"),
        IN_PROGRESS: _("in behandeling"),
        PLANNED: _("ingepland"),
        DONE: _("opgelost"),
        FORWARDED: _("niet voor ons (doorgestuurd)"),
        DUPLICATE: _("dubbele melding"),
        REJECTED: _("afgewezen"),
    },
    transitions={
        RECEIVED: frozenset({IN_PROGRESS, PLANNED, DONE, FORWARDED, DUPLICATE, REJECTED}),
        IN_PROGRESS: frozenset({PLANNED, DONE, FORWARDED, DUPLICATE, REJECTED}),
        PLANNED: frozenset({IN_PROGRESS, DONE, DUPLICATE}),
        DONE: frozenset({IN_PROGRESS}),
    },
    closed=CLOSED_STATUSES,
    # "in behandeling" is an internal step (as in the engine's placeholder): the citizen hears of
    # the plan, the outcome and a refusal.
    notify_statuses=frozenset({PLANNED, DONE, FORWARDED, DUPLICATE, REJECTED}),
    # "opgelost" is one message that says so and asks "is het opgelost?" with the links to answer,
    # sent by the reports app (``reports.integrations``), not the notifications app's "afgerond".
    announced_by_app=frozenset({DONE}),
    default_handling_days=10,
)

# What followers by e-mail hear of (besides a reopening, a closed report taken up again).
FOLLOWER_STATUSES = REPORT_WORKFLOW.notify_statuses


def register() -> None:
    workflow_register(REPORT_WORKFLOW, replace=True)
