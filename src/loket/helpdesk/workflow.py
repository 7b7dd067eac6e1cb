"""The workflow of a question, as the helpdesk works it (replaces the case engine's first sketch).

Compared with the engine's declaration, the helpdesk may ask back before it assigns, a reply to
an unassigned question goes back to 'nieuw', and a question waiting for the asker may be
answered at once (the asker replied by phone).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from loket.cases.workflows import Workflow, workflow_register

NEW = "new"
ASSIGNED = "assigned"
ANSWERED = "answered"
WAITING = "waiting_for_asker"
CLOSED = "closed"

QUESTION_WORKFLOW = Workflow(
    kind="question",
    prefix="VRG",
    label_text=_("vraag"),
    initial=NEW,
    statuses={
        NEW: _("nieuw"),
        ASSIGNED: _("toegewezen"),
        ANSWERED: _("beantwoord"),
        WAITING: _("wacht op de vraagsteller"),
        CLOSED: _("afgesloten"),
    },
    transitions={
        NEW: frozenset({ASSIGNED, ANSWERED, WAITING, CLOSED}),
        ASSIGNED: frozenset({ANSWERED, WAITING, CLOSED}),
        WAITING: frozenset({NEW, ASSIGNED, ANSWERED, CLOSED}),
        ANSWERED: frozenset({ASSIGNED, CLOSED}),
    },
    closed=frozenset({CLOSED}),
    pausing=frozenset({WAITING}),
    notify_statuses=frozenset({ANSWERED, WAITING, CLOSED}),
    default_handling_days=10,  # as the engine declared it; question_ask sets the deadline from the clock
)


def question_workflow_register() -> None:
    workflow_register(QUESTION_WORKFLOW, replace=True)
