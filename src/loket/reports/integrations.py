"""How reports plug into the base apps: the case status hook (keep the report in step, tell
followers of public statuses and reopenings, ask "is het opgelost?") and the section on the case
page (reports nearby, merge)."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.cases.models import CaseEvent
from loket.notifications.integrations import KEY_STATUS_CHANGED, case_context
from loket.notifications.services import notification_send
from loket.organisation.hooks import PageSection
from loket.reports import links, mail, texts
from loket.reports.models import Report
from loket.reports.workflow import DONE, FOLLOWER_STATUSES, REPORT_WORKFLOW

log = logging.getLogger(__name__)


def _public_text(case: Any, to_status: str) -> str:
    event = (
        CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.STATUS, to_status=to_status, public=True)
        .order_by("-id")
        .only("text")
        .first()
    )
    return event.text if event else ""


def report_status_changed(*, case: Any, from_status: str, to_status: str, actor: Any) -> None:
    """After a report's case changed status (committed): mirror closed_at on the report, open the
    14-day reopen window when done, and tell whoever follows it: a public status, "opgelost" as one
    message that asks "is het opgelost?", or that a closed report was reopened.
    Never raises: the status change stands whatever happens to the messages."""
    if case.kind != "report":
        return
    report = Report.objects.select_related("case", "case__team", "reporter").filter(case_id=case.pk).first()
    if report is None:
        return
    from loket.reports.services import reopen_until_for

    closed_at = report.case.closed_at
    report.closed_at = closed_at
    report.reopen_until = reopen_until_for(closed_at) if closed_at is not None and to_status == DONE else None
    report.updated_at = timezone.now()
    Report.objects.filter(pk=report.pk).update(
        closed_at=report.closed_at, reopen_until=report.reopen_until, updated_at=report.updated_at
    )
    reopened = REPORT_WORKFLOW.is_closed(from_status) and not REPORT_WORKFLOW.is_closed(to_status)
    if not reopened and to_status not in FOLLOWER_STATUSES:
        return
    message = _public_text(case, to_status)
    try:
        followers = [f for f in report.followers.filter(confirmed_at__isnull=False) if not _is_actor(f.email, actor)]
        reporter_told = report.reporter_id is not None and report.reporter_id != getattr(actor, "pk", None)
        if reopened:
            mail.mail_reopened(report=report, to_status=to_status, message=message, followers=followers)
            if reporter_told and not REPORT_WORKFLOW.notifies(to_status):
                _tell_reporter_reopened(report=report, from_status=from_status, to_status=to_status)
        else:
            mail.mail_status(report=report, to_status=to_status, message=message, followers=followers)
            if to_status == DONE and reporter_told:
                _ask_reporter(report=report, message=message)
    except Exception:
        log.exception("no follower mail for report %s (%s → %s)", case.reference, from_status, to_status)


def _is_actor(email: str, actor: Any) -> bool:
    return bool(email) and email == (getattr(actor, "email", "") or "").lower()


def _ask_reporter(*, report: Report, message: str) -> None:
    """The reporter with an account: "is het opgelost?" through the notifications app."""
    assert report.reopen_until is not None
    notification_send(
        recipient=report.reporter,
        template_key=texts.FIXED_QUESTION_KEY,
        context={
            **mail.report_context(report),
            "status_label": REPORT_WORKFLOW.label(DONE),
            "message": message,
            "fixed_url": links.absolute(links.feedback_path(report, "ja")),
            "not_fixed_url": links.absolute(links.feedback_path(report, "nee")),
            "reopen_until": timezone.localtime(report.reopen_until),
        },
        case=report.case,
    )


def _tell_reporter_reopened(*, report: Report, from_status: str, to_status: str) -> None:
    """The reporter with an account, when someone else reopened their report: the notifications
    app's status message (it stays silent itself, the new status being an internal step)."""
    notification_send(
        recipient=report.reporter,
        template_key=KEY_STATUS_CHANGED,
        context=case_context(case=report.case, workflow=REPORT_WORKFLOW, from_status=from_status, to_status=to_status),
        case=report.case,
    )


def report_case_section(*, case: Any, user: Any) -> PageSection | None:
    """On a report's case page: category (confirm or correct), answers, the public page, reports
    nearby of the same category (to merge) and the reports merged into this one."""
    if case.kind != "report":
        return None
    from loket.reports import selectors
    from loket.reports.attributes import attribute_label
    from loket.reports.forms import category_choices

    report = (
        Report.objects.select_related("category", "merged_into__case")
        .filter(case_id=case.pk)
        .annotate(follower_count=Count("followers", filter=Q(followers__confirmed_at__isnull=False)))
        .first()
    )
    if report is None:
        return None
    nearby: list[Report] = []
    if report.category is not None and report.lat is not None and report.lon is not None and case.closed_at is None:
        near = selectors.duplicates_near(category=report.category, lat=report.lat, lon=report.lon, exclude=report)
        visible = set(
            selectors.report_visible_to(user=user).filter(pk__in=[r.pk for r in near]).values_list("pk", flat=True)
        )
        nearby = [r for r in near if r.pk in visible]
        for other in nearby:
            other.status_label = REPORT_WORKFLOW.label(other.case.status)  # type: ignore[attr-defined]
    answers = (
        [attribute_label(report.category, code, value) for code, value in report.attributes.items()]
        if report.category
        else []
    )
    context = {
        "report": report,
        "answers": answers,
        "nearby": nearby,
        "merged": list(report.duplicates.select_related("case").order_by("created_at")),
        "category_groups": category_choices(selectors.category_list(), blank="")[1:],
        "public_path": links.public_path(report),
    }
    return PageSection(title=_("Melding"), template="reports/_case_section.html", context=context)


def reports_start_section(user: Any) -> Any:
    """ "Meldingen behandelen" on the start page of case workers."""
    from django.urls import reverse

    from loket.accounts import rules
    from loket.accounts.hooks import StartLink, StartSection

    if not rules.CASE_WORKERS.allows(user):
        return None
    links_ = [
        StartLink(_("Meldingen behandelen (kaart en lijst)"), reverse("reports:handler-queue")),
        StartLink(_("Publieke kaart van de meldingen"), reverse("reports:public-list")),
    ]
    return StartSection(title=_("Meldingen"), links=links_)
