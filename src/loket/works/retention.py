"""Personal-data retention of the works app (decision 0012): subscriptions and notices that have no
use any more are deleted by a nightly job (``tasks.works_retention_nightly``).

- **Unconfirmed subscriptions** whose confirmation link has expired (``mail.CONFIRM_VALID`` after
  the last confirmation mail, as ``subscriptions.confirmation_expired`` reads it) plus a day of
  margin: the address's owner never agreed to be kept.
- **Cancelled subscriptions** (e-mail, address and point), ``LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS``
  after they were ended, with their notices: until then the cancel link still answers
  "opgezegd" and the day's limit of requests per address still counts them.
- **Notices** (which subscriber heard of which work): a sent one ``LOKET_WORK_NOTICE_KEEP_DAYS``
  after it was sent, a failed one that has had all its tries ``LOKET_WORK_NOTICE_FAILED_KEEP_DAYS``
  after it was queued (longer: staff need time to see what was not delivered). A queued notice,
  or a failed one due for another try, is never deleted. Notices are only queued for a work when
  it is created, so a deleted notice never makes the same work news again.

Rows go in batches of ids, each batch locked and checked again in its own short transaction, so
a subscription asked for again while the job runs stays. No audit line per row: these rows were
never audited when written, and the line would copy the address into the append-only trail; the
job logs and returns the counts instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from loket.works.mail import CONFIRM_VALID
from loket.works.models import AreaSubscription, WorkNotice
from loket.works.notices import MAX_ATTEMPTS

log = logging.getLogger(__name__)

BATCH = 1000
# After the confirmation link expired: a day for clocks, a mail read at midnight and a slow job.
CONFIRM_MARGIN = dt.timedelta(days=1)


def _days(name: str) -> dt.timedelta:
    days = int(getattr(settings, name))
    if days < 1:
        raise ValueError(f"{name} must be at least 1 day")
    return dt.timedelta(days=days)


def _delete_in_batches(rows: QuerySet[Any]) -> Counter[str]:
    """Delete what ``rows`` selects, ``BATCH`` ids at a time; each batch is locked and filtered
    again in its own transaction, so a row that changed since it was read is kept. Returns the
    rows deleted per model label (a subscription takes its notices along)."""
    model = rows.model
    deleted: Counter[str] = Counter()
    while ids := list(rows.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            locked = list(rows.select_for_update(of=("self",)).filter(pk__in=ids).values_list("pk", flat=True))
            _total, per_model = model._default_manager.filter(pk__in=locked).delete()
        deleted.update(per_model)
    return deleted


def subscriptions_unconfirmed_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the subscriptions nobody confirmed whose confirmation link has expired."""
    cutoff = (now or timezone.now()) - CONFIRM_VALID - CONFIRM_MARGIN
    expired = AreaSubscription.objects.filter(confirmed_at__isnull=True, cancelled_at__isnull=True).filter(
        Q(confirmation_mailed_at__lt=cutoff) | Q(confirmation_mailed_at__isnull=True, created_at__lt=cutoff)
    )
    return _delete_in_batches(expired)[AreaSubscription._meta.label]


def subscriptions_cancelled_purge(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete the subscriptions cancelled longer than ``LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS``
    ago with their notices; returns (subscriptions, notices)."""
    cutoff = (now or timezone.now()) - _days("LOKET_WORK_SUBSCRIPTION_CANCELLED_KEEP_DAYS")
    deleted = _delete_in_batches(AreaSubscription.objects.filter(cancelled_at__lt=cutoff))
    return deleted[AreaSubscription._meta.label], deleted[WorkNotice._meta.label]


def notices_purge(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete sent notices older than ``LOKET_WORK_NOTICE_KEEP_DAYS`` and failed ones without
    tries left older than ``LOKET_WORK_NOTICE_FAILED_KEEP_DAYS``; returns (sent, failed)."""
    moment = now or timezone.now()
    sent_cutoff = moment - _days("LOKET_WORK_NOTICE_KEEP_DAYS")
    failed_cutoff = moment - _days("LOKET_WORK_NOTICE_FAILED_KEEP_DAYS")
    sent = WorkNotice.objects.filter(status=WorkNotice.Status.SENT).filter(
        Q(sent_at__lt=sent_cutoff) | Q(sent_at__isnull=True, created_at__lt=sent_cutoff)
    )
    # All tries used and no next one set (a notice put back by staff, or being sent, has one).
    failed = WorkNotice.objects.filter(
        status=WorkNotice.Status.FAILED,
        attempts__gte=MAX_ATTEMPTS,
        next_attempt_at__isnull=True,
        created_at__lt=failed_cutoff,
    )
    label = WorkNotice._meta.label
    return _delete_in_batches(sent)[label], _delete_in_batches(failed)[label]


def works_retention_run(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Everything above, once; returns and logs how many rows of each kind went."""
    moment = now or timezone.now()
    cancelled, cancelled_notices = subscriptions_cancelled_purge(now=moment)
    sent, failed = notices_purge(now=moment)
    counts = {
        "subscriptions_unconfirmed": subscriptions_unconfirmed_purge(now=moment),
        "subscriptions_cancelled": cancelled,
        "notices_of_cancelled": cancelled_notices,
        "notices_sent": sent,
        "notices_failed": failed,
    }
    log.info("works retention: deleted %s", ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return counts
