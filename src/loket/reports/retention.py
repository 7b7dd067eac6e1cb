"""Personal-data retention of the reports app (decision 0012): e-mail addresses that have no use
any more are deleted by a nightly job (``tasks.reports_retention_nightly``).

- **Unconfirmed followers** whose confirmation link has expired (``links.FOLLOW_CONFIRM_DAYS``
  after the last confirmation mail, or after the row was written when none went out) plus a day
  of margin: the address's owner never agreed to be kept.
- **Followers of a closed report**, ``LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS`` after the case
  closed and once its reopen window has ended: they are told nothing more.
- **The outbox** (``ReportMail``: address and body): a sent mail ``LOKET_REPORT_MAIL_KEEP_DAYS``
  after it was sent, a failed one ``LOKET_REPORT_MAIL_FAILED_KEEP_DAYS`` after it was written
  (longer: staff need time to see what was not delivered). A queued mail, which includes one
  waiting for its next try, is never deleted.

Rows go in batches of ids, each batch locked and checked again in its own short transaction, so
a follower that confirms while the job runs stays. No audit line is written per row: these rows
were never audited when written, and the line would copy the address (``object_repr``) into the
append-only trail that is never deleted; the job logs and returns the counts instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from loket.reports import links
from loket.reports.models import Follower, ReportMail

log = logging.getLogger(__name__)

BATCH = 1000
# After the confirmation link expired: a day for clocks, a mail read at midnight and a slow job.
CONFIRM_MARGIN = dt.timedelta(days=1)


def _days(name: str) -> dt.timedelta:
    days = int(getattr(settings, name))
    if days < 1:
        raise ValueError(f"{name} must be at least 1 day")
    return dt.timedelta(days=days)


def _delete_in_batches(rows: QuerySet[Any]) -> int:
    """Delete what ``rows`` selects, ``BATCH`` ids at a time; each batch is locked and filtered
    again in its own transaction, so a row that changed since it was read is kept."""
    model = rows.model
    deleted = 0
    while ids := list(rows.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            locked = list(rows.select_for_update(of=("self",)).filter(pk__in=ids).values_list("pk", flat=True))
            count, _per_model = model._default_manager.filter(pk__in=locked).delete()
        deleted += count
    return deleted


def followers_unconfirmed_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the followers that never confirmed and whose confirmation link has expired."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=links.FOLLOW_CONFIRM_DAYS) - CONFIRM_MARGIN
    expired = Follower.objects.filter(confirmed_at__isnull=True).filter(
        Q(confirmation_sent_at__lt=cutoff) | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    return _delete_in_batches(expired)


def followers_of_closed_reports_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the followers of reports closed longer than ``LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS``
    whose reopen window has ended. The case is the truth: a reopened report keeps its followers."""
    moment = now or timezone.now()
    cutoff = moment - _days("LOKET_REPORT_FOLLOWER_CLOSED_KEEP_DAYS")
    done_with = Follower.objects.filter(report__case__closed_at__lt=cutoff).filter(
        Q(report__reopen_until__isnull=True) | Q(report__reopen_until__lt=moment)
    )
    return _delete_in_batches(done_with)


def report_mails_purge(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete sent mails older than ``LOKET_REPORT_MAIL_KEEP_DAYS`` and failed ones older than
    ``LOKET_REPORT_MAIL_FAILED_KEEP_DAYS``; returns (sent, failed). Queued mails always stay."""
    moment = now or timezone.now()
    sent_cutoff = moment - _days("LOKET_REPORT_MAIL_KEEP_DAYS")
    failed_cutoff = moment - _days("LOKET_REPORT_MAIL_FAILED_KEEP_DAYS")
    sent = ReportMail.objects.filter(status=ReportMail.Status.SENT).filter(
        Q(sent_at__lt=sent_cutoff) | Q(sent_at__isnull=True, created_at__lt=sent_cutoff)
    )
    failed = ReportMail.objects.filter(status=ReportMail.Status.FAILED, created_at__lt=failed_cutoff)
    return _delete_in_batches(sent), _delete_in_batches(failed)


def reports_retention_run(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Everything above, once; returns and logs how many rows of each kind went."""
    moment = now or timezone.now()
    sent, failed = report_mails_purge(now=moment)
    counts = {
        "followers_unconfirmed": followers_unconfirmed_purge(now=moment),
        "followers_of_closed_reports": followers_of_closed_reports_purge(now=moment),
        "mails_sent": sent,
        "mails_failed": failed,
    }
    log.info("reports retention: deleted %s", ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return counts
