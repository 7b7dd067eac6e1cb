"""The periodic deadline check: warn the helpdesk before a breach, escalate to its lead after it.

Each question's four moments (warning and due time, for the first response and for the answer)
are stored when it is asked and moved when its clock resumes, so the check needs no business-time
arithmetic: per alert, one conditional ``UPDATE`` stamps every question whose moment has come and
whose stamp is still empty, with the run's own time. The stamp makes each alert go out exactly
once (a second run, or a concurrent one, finds it set: the row lock of the UPDATE decides) and
tells the run which rows are its own. A paused clock fires only the moments that came before the
pause. The stamps are the record of the alerts (the helpdesk's pages show them with the clock):
no row per alert is written, so a backlog after an outage stays a few set-based statements. The
mails (one digest per run and audience) go out after commit, from a job that retries.
"""

from __future__ import annotations

import datetime as dt
import logging
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial, reduce
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Case as Switch
from django.db.models import Count, F, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext, override

from loket.accounts.models import Role, User
from loket.helpdesk.models import QuestionSla
from loket.helpdesk.selectors import helpdesk_team

log = logging.getLogger(__name__)
MAIL_LIST_LIMIT = 50


@dataclass(frozen=True)
class Alert:
    key: str
    target: str  # "response" or "answer"
    escalation: bool
    moment: str
    due: str
    done: str
    stamp: str
    warned_stamp: str  # an escalation also stamps the warning: it says all the warning would

    def pending(self, now: dt.datetime) -> Q:
        return Q(
            Q(closed_at__isnull=True),
            Q(**{f"{self.done}__isnull": True, f"{self.stamp}__isnull": True, f"{self.moment}__lte": now}),
            Q(paused_since__isnull=True) | Q(**{f"{self.moment}__lte": F("paused_since")}),
        )


def _alert(target: str, escalation: bool) -> Alert:
    done = "first_response_at" if target == "response" else "answered_at"
    due = f"{target}_due"
    return Alert(
        key=f"{target}_{'escalation' if escalation else 'warning'}",
        target=target,
        escalation=escalation,
        moment=due if escalation else f"{target}_warn_at",
        due=due,
        done=done,
        stamp=f"{target}_{'escalated' if escalation else 'warned'}_at",
        warned_stamp=f"{target}_warned_at",
    )


# Escalations first: a question already past its due moment gets the escalation, not both.
ALERTS: tuple[Alert, ...] = tuple(
    _alert(target, escalation) for escalation in (True, False) for target in ("response", "answer")
)


def _flagged(alert: Alert, stamp: dt.datetime) -> Q:
    flagged = Q(**{alert.stamp: stamp})
    if not alert.escalation:  # stamped by the escalation of this run: that alert covers it
        flagged &= ~Q(**{f"{alert.target}_escalated_at": stamp})
    return flagged


def _due_now(stamp: dt.datetime) -> dict[str, Q]:
    """Per alert, the questions that get it in this run. A question past its due moment gets the
    escalation and not also a late warning: the escalation says all the warning would."""
    due = {alert.key: alert.pending(stamp) for alert in ALERTS}
    for target in ("response", "answer"):
        due[f"{target}_warning"] &= ~due[f"{target}_escalation"]
    return due


def questions_check_deadlines(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Stamp every alert that is due at ``now``, in one UPDATE (each question is written once, whatever
    it gets); mail them after commit. Returns the number of questions per alert (``response_warning``,
    ``answer_escalation``, …)."""
    stamp = now or timezone.now()
    due = _due_now(stamp)
    # The plain OR of the four conditions, each arm one partial index's range: SQLite walks the four
    # (MULTI-INDEX OR); PostgreSQL, which cannot see that few unstamped moments have come, scans the
    # table (about 0.2 s per 100,000 questions). The finer per-alert conditions are in the CASEs.
    anything = reduce(operator.or_, (alert.pending(stamp) for alert in ALERTS))
    with transaction.atomic():
        counts = QuestionSla.objects.filter(anything).aggregate(
            **{key: Count("pk", filter=condition) for key, condition in due.items()}
        )
        if any(counts.values()):
            values: dict[str, Any] = {}
            for alert in ALERTS:
                gets = due[alert.key]
                if not alert.escalation:  # an escalation stamps a warning that never went out, too
                    gets |= due[f"{alert.target}_escalation"] & Q(**{f"{alert.stamp}__isnull": True})
                values[alert.stamp] = Switch(When(gets, then=Value(stamp)), default=F(alert.stamp))
            QuestionSla.objects.filter(anything).update(**values)
        for escalation in (False, True):
            if any(counts[alert.key] for alert in ALERTS if alert.escalation == escalation):
                transaction.on_commit(partial(_enqueue_mail, stamp.isoformat(), escalation))
    return counts


def _enqueue_mail(stamp: str, escalation: bool) -> None:
    from loket.helpdesk.tasks import helpdesk_alert_mail_job

    helpdesk_alert_mail_job(stamp, escalation)


# --- the mails --------------------------------------------------------------------------------------


def _rows(alerts: Sequence[Alert], stamp: dt.datetime) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for alert in alerts:
        slas = (
            QuestionSla.objects.filter(_flagged(alert, stamp))
            .select_related("case__requesting_district", "case__assignee")
            .order_by(alert.due, "case_id")
        )
        for sla in slas[:MAIL_LIST_LIMIT]:
            case = sla.case
            rows.append(
                {
                    "alert": alert.key,
                    "reference": case.reference,
                    "title": case.title,
                    "district": case.requesting_district.name if case.requesting_district else "",
                    "due": timezone.localtime(getattr(sla, alert.due)),
                    "assignee": case.assignee,
                    "url": settings.LOKET_BASE_URL + reverse("helpdesk:handle", kwargs={"reference": case.reference}),
                }
            )
    return rows


def _addresses(users: object) -> list[str]:
    return sorted({u.email for u in users if u.email})  # type: ignore[attr-defined]


def _warning_recipients(rows: list[dict[str, object]]) -> list[str]:
    team = helpdesk_team()
    addresses = set(_addresses(row["assignee"] for row in rows if row["assignee"] is not None))
    if team is not None and team.email:
        addresses.add(team.email)
    if not addresses:
        addresses.update(_addresses(User.objects.filter(is_active=True, role=Role.HELPDESK)))
    return sorted(addresses)


def _escalation_recipients() -> list[str]:
    """The helpdesk's lead: the staff service's managers; the team's mailbox when there are none."""
    addresses = _addresses(User.objects.filter(is_active=True, role=Role.MANAGER))
    team = helpdesk_team()
    if not addresses and team is not None and team.email:
        addresses = [team.email]
    return addresses


def _subject(*, escalation: bool, count: int) -> str:
    if escalation:
        text = ngettext(
            "Helpdesk: escalatie, %(count)s vraag over de termijn",
            "Helpdesk: escalatie, %(count)s vragen over de termijn",
            count,
        )
    else:
        text = ngettext(
            "Helpdesk: %(count)s vraag nadert de termijn", "Helpdesk: %(count)s vragen naderen de termijn", count
        )
    return text % {"count": count}


def helpdesk_alert_mail_send(*, stamp: dt.datetime, escalation: bool) -> bool:
    """Send the digest of the run stamped ``stamp``: its warnings to the helpdesk, or its
    escalations to the helpdesk's lead. Returns whether a mail went out."""
    alerts = [alert for alert in ALERTS if alert.escalation == escalation]
    total = sum(QuestionSla.objects.filter(_flagged(alert, stamp)).count() for alert in alerts)
    if not total:
        return False
    with override(settings.LANGUAGE_CODE):
        rows = _rows(alerts, stamp)
        recipients = _escalation_recipients() if escalation else _warning_recipients(rows)
        if not recipients:
            log.warning("helpdesk alerts of %s: nobody to mail", stamp.isoformat())
            return False
        context = {"rows": rows, "total": total, "escalation": escalation, "more": total - len(rows)}
        body = render_to_string("helpdesk/mail/alerts.txt", context)
        EmailMessage(subject=_subject(escalation=escalation, count=total), body=body, to=recipients).send()
    return True
