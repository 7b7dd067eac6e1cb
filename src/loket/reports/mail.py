"""Mails to a report's followers by e-mail, through a small outbox.

A mail is a ``ReportMail`` row written with the change that causes it; a job sends it after
commit and retries with a growing delay (like the notifications app). A failing mail server
never rolls back or loses the report: the row stays ``queued`` and finally ``failed``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from loket.inserts import insert
from loket.notifications.rendering import message_render
from loket.reports import links, texts
from loket.reports.models import Follower, Report, ReportMail
from loket.reports.workflow import DONE, REPORT_WORKFLOW

log = logging.getLogger(__name__)

RETRIES = 5
RETRY_DELAY_SECONDS = 60
RETRY_BACKOFF = 2
MAX_ATTEMPTS = RETRIES + 1


class DeliveryFailed(Exception):
    """One try failed; the job is retried."""


def _enqueue(mail_id: int) -> None:
    from loket.reports.tasks import report_mail_job

    report_mail_job(mail_id)


def _queue(*, report: Report, to: str, subject: str, body: str, context: Mapping[str, Any]) -> ReportMail:
    rendered = message_render(subject=subject, body=body, context=context)
    mail = insert(ReportMail(report=report, to_address=to, subject=rendered.subject, body=rendered.body))
    transaction.on_commit(partial(_enqueue, mail.pk), robust=True)
    return mail


def report_context(report: Report) -> dict[str, Any]:
    case = report.case
    return {
        "reference": case.reference,
        "title": case.title,
        "team": case.team.name if case.team_id and case.team else "",
        "public_url": links.absolute(links.public_path(report)),
    }


def mail_welcome(*, follower: Follower) -> ReportMail:
    report = follower.report
    context = {
        **report_context(report),
        "reporter": follower.kind == Follower.Kind.REPORTER,
        "unfollow_url": links.absolute(links.unfollow_path(report, follower.email)),
    }
    return _queue(
        report=report,
        to=follower.email,
        subject=texts.FOLLOWER_WELCOME_SUBJECT,
        body=texts.FOLLOWER_WELCOME_BODY,
        context=context,
    )


def mail_follow_confirm(*, follower: Follower) -> ReportMail:
    """The confirmation link to an address typed on a report's page: the one mail it gets until
    the link is used."""
    report = follower.report
    context = {
        **report_context(report),
        "confirm_url": links.absolute(links.follow_confirm_path(report, follower.email)),
        "valid_until": timezone.localtime() + dt.timedelta(days=links.FOLLOW_CONFIRM_DAYS),
    }
    return _queue(
        report=report,
        to=follower.email,
        subject=texts.FOLLOW_CONFIRM_SUBJECT,
        body=texts.FOLLOW_CONFIRM_BODY,
        context=context,
    )


# Who may answer "is het opgelost?" (and so reopen the report): its reporter, and the reporters
# of the reports merged into it, not whoever follows it.
REPORTER_KINDS = frozenset({Follower.Kind.REPORTER, Follower.Kind.MERGED})


def _to_each(
    *,
    report: Report,
    followers: Iterable[Follower],
    subject: str,
    body: str,
    context: Mapping[str, Any],
    reporter_context: Mapping[str, Any] | None = None,
) -> list[ReportMail]:
    """One mail per confirmed follower, each with its own unfollow link; ``reporter_context``
    goes only into the reporter's mail."""
    mails = []
    with transaction.atomic():
        for follower in followers:
            if follower.confirmed_at is None:
                continue  # an unconfirmed address hears nothing (it had its confirmation link)
            unfollow = links.absolute(links.unfollow_path(report, follower.email))
            extra = (reporter_context or {}) if follower.kind in REPORTER_KINDS else {}
            mails.append(
                _queue(
                    report=report,
                    to=follower.email,
                    subject=subject,
                    body=body,
                    context={**context, **extra, "unfollow_url": unfollow},
                )
            )
    return mails


def mail_status(*, report: Report, to_status: str, message: str, followers: Iterable[Follower]) -> list[ReportMail]:
    """One mail per follower about a new public status. When done, it is the one mail that says
    so; the reporter's asks "is het opgelost?" with the links to answer (only the reporter may
    reopen the report, so the other followers do not get them)."""
    context: dict[str, Any] = {
        **report_context(report),
        "status_label": REPORT_WORKFLOW.label(to_status),
        "message": message,
    }
    question: dict[str, Any] = {}
    if to_status == DONE and report.reopen_until is not None:
        question = {
            "fixed_url": links.absolute(links.feedback_path(report, "ja")),
            "not_fixed_url": links.absolute(links.feedback_path(report, "nee")),
            "reopen_until": timezone.localtime(report.reopen_until),
        }
    return _to_each(
        report=report,
        followers=followers,
        subject=texts.FOLLOWER_STATUS_SUBJECT,
        body=texts.FOLLOWER_STATUS_BODY,
        context=context,
        reporter_context=question,
    )


def mail_reopened(*, report: Report, to_status: str, message: str, followers: Iterable[Follower]) -> list[ReportMail]:
    """One mail per follower: the closed report is taken up again (with the city's public text)."""
    context = {**report_context(report), "status_label": REPORT_WORKFLOW.label(to_status), "message": message}
    return _to_each(
        report=report,
        followers=followers,
        subject=texts.FOLLOWER_REOPENED_SUBJECT,
        body=texts.FOLLOWER_REOPENED_BODY,
        context=context,
    )


def _error_text(exc: Exception) -> str:
    return f"{timezone.now():%Y-%m-%d %H:%M} {type(exc).__name__}: {exc}"[:300]


def report_mail_deliver(*, mail_id: int) -> bool:
    """Try to send once. True when sent (or nothing to do), False when finally failed; raises
    ``DeliveryFailed`` after a failed try that may be retried."""
    mail = ReportMail.objects.filter(pk=mail_id).first()
    if mail is None or mail.status != ReportMail.Status.QUEUED:
        return True
    attempts = mail.attempts + 1
    try:
        EmailMessage(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to_address]).send()
    except Exception as exc:
        final = attempts >= MAX_ATTEMPTS
        ReportMail.objects.filter(pk=mail.pk).update(
            attempts=attempts,
            last_error=_error_text(exc),
            status=ReportMail.Status.FAILED if final else ReportMail.Status.QUEUED,
        )
        log.warning("report mail %s not delivered (try %s of %s): %s", mail.pk, attempts, MAX_ATTEMPTS, exc)
        if final:
            return False
        raise DeliveryFailed(str(exc)) from exc
    ReportMail.objects.filter(pk=mail.pk).update(
        status=ReportMail.Status.SENT, attempts=attempts, sent_at=timezone.now()
    )
    return True
