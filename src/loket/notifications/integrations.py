"""The case engine's status hook (tell the citizen of a public status) and the start-page section.

Registered on ``loket.cases.hooks.case_status_changed`` in ``NotificationsConfig.ready``; runs
after the status change has committed. The workflow decides which statuses are news for the
citizen (``Workflow.notify_statuses``); the template follows the status: a pausing status asks
for information, a closed status says the case is done, any other is a plain status change.
"""

from __future__ import annotations

import logging
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.accounts.hooks import StartLink, StartSection
from loket.cases.models import CaseEvent
from loket.cases.workflows import UnknownKind, Workflow, workflow_for
from loket.notifications.selectors import notification_failed_list
from loket.notifications.services import notification_send

log = logging.getLogger(__name__)

KEY_STATUS_CHANGED = "case_status_changed"
KEY_INFORMATION_REQUESTED = "case_information_requested"
KEY_CLOSED = "case_closed"


def template_key_for(*, workflow: Workflow, status: str) -> str:
    if workflow.pauses(status):
        return KEY_INFORMATION_REQUESTED
    if workflow.is_closed(status):
        return KEY_CLOSED
    return KEY_STATUS_CHANGED


def case_context(*, case: Any, workflow: Workflow, from_status: str, to_status: str) -> dict[str, Any]:
    """What a case message may say: reference, title, kind and status labels, the public text."""
    event = (
        CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.STATUS, to_status=to_status, public=True)
        .order_by("-id")
        .only("text")
        .first()
    )
    return {
        "reference": case.reference,
        "title": case.title,
        "kind_label": str(workflow.label_text),
        "status_label": workflow.label(to_status),
        "previous_status_label": workflow.label(from_status),
        "message": event.text if event else "",
        "service_name": case.service.name if case.service_id else "",
        "deadline": None if workflow.is_closed(to_status) else case.deadline,
    }


def case_status_notify(*, case: Any, from_status: str, to_status: str, actor: Any) -> None:
    """Notify the case's citizen of a public status; never raises (the case change stands)."""
    if not case.citizen_id:
        return
    if actor is not None and getattr(actor, "pk", None) == case.citizen_id:
        return  # the citizen made the change themselves (e.g. withdrew their request)
    try:
        workflow = workflow_for(case.kind)
    except UnknownKind:
        return
    if not workflow.notifies(to_status) or to_status in workflow.announced_by_app:
        return
    try:
        notification_send(
            recipient=case.citizen,
            template_key=template_key_for(workflow=workflow, status=to_status),
            context=case_context(case=case, workflow=workflow, from_status=from_status, to_status=to_status),
            case=case,
        )
    except Exception:
        log.exception("no notification for case %s (%s → %s)", case.reference, from_status, to_status)


def failed_start_section(user: Any) -> StartSection | None:
    """Case workers see on their start page how many messages (in their scope) were not delivered."""
    if not rules.CASE_WORKERS.allows(user):
        return None
    failed = notification_failed_list(user=user).count()
    if not failed:
        return None
    link = StartLink(_("Niet bezorgde berichten aan burgers"), reverse("notifications:failed"), str(failed))
    return StartSection(title=_("Berichten aan burgers"), links=[link])
