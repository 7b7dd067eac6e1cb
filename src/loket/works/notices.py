"""Notices to area subscribers about new works: who hears of a work, and the outbox that sends them.

``notices_queue_for_works`` is called in the transaction that creates works (the import, the
admin): it writes one ``WorkNotice`` row per active subscription whose circle the work reaches
and asks for the send job after commit. The job (``notices_send``) mails each subscriber one
message listing their new works. A failing mail server never loses a notice and never undoes
the import: the rows are marked ``failed`` with the error and a retry time, and the periodic job
tries again with a growing delay until ``MAX_ATTEMPTS``; a failed row stays for staff to see.
"""

from __future__ import annotations

import bisect
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, PositiveSmallIntegerField, Q, QuerySet, Value
from django.db.models.functions import Least
from django.utils import timezone

from loket.organisation.geometry import METRES_PER_DEGREE_LAT
from loket.works import geometry as geo
from loket.works.models import AreaSubscription, Work, WorkNotice

log = logging.getLogger(__name__)

# Delay before the next try after the 1st, 2nd, … failed try; then the notice stays failed.
RETRY_DELAYS = (
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# How long a job may take to send a claimed notice before another job may try it again.
LEASE = timedelta(minutes=10)
# Notices one run of the job takes on; the rest wait for the next run (the periodic job).
SEND_LIMIT = 2000
_CHUNK = 500
# Rows per INSERT statement (six parameters each: well within SQLite's and PostgreSQL's limits).
_INSERT_ROWS = 1000
# Works that are over, or cancelled, are news to nobody.
_NOT_NEWS = (Work.Status.CANCELLED, Work.Status.DONE)


@dataclass(frozen=True)
class _Circle:
    subscription_id: int
    lat: float
    lon: float
    radius_m: int
    dlat: float  # the radius (and a metre of slack) in degrees of latitude
    dlon: float  # and of longitude at the circle's latitude


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _active_circles() -> list[_Circle]:
    """The active subscriptions as circles, sorted by latitude."""
    rows = (
        AreaSubscription.objects.filter(confirmed_at__isnull=False, cancelled_at__isnull=True)
        .order_by("lat", "id")
        .values_list("id", "lat", "lon", "radius_m")
    )
    return [
        _Circle(
            pk, lat, lon, radius, (radius + 1) / METRES_PER_DEGREE_LAT, (radius + 1) / geo.metres_per_degree_lon(lat)
        )
        for pk, lat, lon, radius in rows
    ]


def _circles_reached(work: Work, circles: list[_Circle], lats: list[float], max_radius_m: int) -> Iterator[_Circle]:
    """The circles that the work's geometry reaches: a latitude band first (bisect), then each
    circle's own box, then the exact distance."""
    slack = (max_radius_m + 1) / METRES_PER_DEGREE_LAT
    low = bisect.bisect_left(lats, work.min_lat - slack)
    high = bisect.bisect_right(lats, work.max_lat + slack)
    min_lat, max_lat, min_lon, max_lon = work.min_lat, work.max_lat, work.min_lon, work.max_lon
    for circle in circles[low:high]:
        if not (min_lat - circle.dlat <= circle.lat <= max_lat + circle.dlat):
            continue
        if not (min_lon - circle.dlon <= circle.lon <= max_lon + circle.dlon):
            continue
        if geo.distance_m(work.geometry, circle.lat, circle.lon) <= circle.radius_m:
            yield circle


def notices_queue_for_works(*, work_ids: list[int]) -> int:
    """Queue a notice for every active subscription whose circle each new work reaches (at most
    one per subscription and work); the send job runs after commit. Returns how many were queued.

    Works that are cancelled, done or already over are skipped: they are news to nobody.
    """
    ids = sorted({int(work_id) for work_id in work_ids})
    if not ids:
        return 0
    circles = _active_circles()
    if not circles:
        return 0
    lats = [circle.lat for circle in circles]
    max_radius_m = max(circle.radius_m for circle in circles)
    today = timezone.localdate()
    new: list[tuple[int, int]] = []
    for chunk in _chunks(ids):
        works = (
            Work.objects.filter(pk__in=chunk, end_date__gte=today)
            .exclude(status__in=_NOT_NEWS)
            .only("id", "geometry", "min_lat", "max_lat", "min_lon", "max_lon")
        )
        existing = set(WorkNotice.objects.filter(work_id__in=chunk).values_list("subscription_id", "work_id"))
        for work in works:
            for circle in _circles_reached(work, circles, lats, max_radius_m):
                if (circle.subscription_id, work.pk) not in existing:
                    new.append((circle.subscription_id, work.pk))
    if not new:
        return 0
    with transaction.atomic():
        _insert(new)
        transaction.on_commit(_enqueue_send, robust=True)
    return len(new)


def _insert(pairs: list[tuple[int, int]]) -> None:
    """Insert queued notices for (subscription, work) pairs; a pair a concurrent import queued
    already is kept once (ON CONFLICT DO NOTHING, on SQLite and PostgreSQL alike).

    Plain SQL because an import may queue tens of thousands of rows inside its transaction, and
    the ORM's ``bulk_create`` spends several times longer preparing them than the database takes.
    """
    quote = connection.ops.quote_name
    columns = ("subscription_id", "work_id", "status", "attempts", "last_error", "created_at")
    table = quote(WorkNotice._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    row = f"({', '.join(['%s'] * len(columns))})"
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    queued = WorkNotice.Status.QUEUED.value
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), _INSERT_ROWS):
            batch = pairs[start : start + _INSERT_ROWS]
            values = ", ".join([row] * len(batch))
            sql = f"INSERT INTO {table} ({names}) VALUES {values} ON CONFLICT DO NOTHING"  # noqa: S608 (model's names)
            cursor.execute(sql, [value for s, w in batch for value in (s, w, queued, 0, "", now)])


def _enqueue_send() -> None:
    from loket.works.tasks import work_notices_send_job

    work_notices_send_job()


# --- Sending -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendResult:
    mails: int = 0
    notices_sent: int = 0
    notices_failed: int = 0


def notices_due(*, now: datetime | None = None) -> QuerySet[WorkNotice]:
    """Notices of active subscriptions that may be (re)tried now, oldest first: new ones, failed
    ones whose retry time has come, and ones being sent whose lease ran out (the job died)."""
    moment = now or timezone.now()
    return (
        WorkNotice.objects.filter(
            status__in=(WorkNotice.Status.QUEUED, WorkNotice.Status.SENDING, WorkNotice.Status.FAILED),
            attempts__lt=MAX_ATTEMPTS,
            subscription__confirmed_at__isnull=False,
            subscription__cancelled_at__isnull=True,
        )
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=moment))
        .order_by("id")
    )


def _claim(notice_id: int, attempts: int) -> bool:
    """Take one notice for this job: counts the try, marks it as being sent and leases it,
    unless another job took it (or staff re-queued it) since it was read."""
    now = timezone.now()
    return bool(
        notices_due(now=now)
        .filter(pk=notice_id, attempts=attempts)
        .update(status=WorkNotice.Status.SENDING, attempts=attempts + 1, next_attempt_at=now + LEASE)
    )


def _error_text(exc: Exception) -> str:
    return f"{timezone.now():%Y-%m-%d %H:%M} {type(exc).__name__}: {exc}"[:300]


def notices_send(*, limit: int = SEND_LIMIT) -> SendResult:
    """Send the due notices: one mail per subscriber listing their new works.

    Each notice is claimed before its mail goes out (a conditional update), so two jobs running
    at once never both send it. A failed mail marks its notices ``failed`` with the error and
    the time of the next try; the notices are never dropped.
    """
    from loket.works.mail import notice_mail

    groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for notice_id, subscription_id, attempts in notices_due().values_list("id", "subscription_id", "attempts")[:limit]:
        groups[subscription_id].append((notice_id, attempts))
    if not groups:
        return SendResult()
    connection = get_connection()
    try:
        connection.open()
    except Exception:  # every mail below tries again and records its own error
        log.warning("mail server not reachable for work notices", exc_info=True)
    mails = sent = failed = 0
    try:
        for rows in groups.values():
            claimed = [notice_id for notice_id, attempts in rows if _claim(notice_id, attempts)]
            if not claimed:
                continue
            notices = list(
                WorkNotice.objects.filter(pk__in=claimed)
                .select_related("subscription", "work")
                .order_by("work__start_date", "id")
            )
            try:
                notice_mail(notices=notices, connection=connection).send()
            except Exception as exc:
                _mark_failed(notices, exc)
                failed += len(notices)
                log.warning("work notice mail to subscription %s not delivered: %s", notices[0].subscription_id, exc)
            else:
                WorkNotice.objects.filter(pk__in=claimed).update(
                    status=WorkNotice.Status.SENT, sent_at=timezone.now(), next_attempt_at=None, last_error=""
                )
                mails += 1
                sent += len(notices)
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide what was sent
            log.warning("closing the mail connection failed", exc_info=True)
    return SendResult(mails=mails, notices_sent=sent, notices_failed=failed)


def notices_retry(*, notices: QuerySet[WorkNotice]) -> int:
    """Put the failed ones of these notices (of active subscriptions) back in the outbox and ask
    the send job to try them now (after commit); how many that were.

    A notice that had used up its tries gets one more, so a server that still refuses leaves it
    failed again rather than starting a new round of automatic retries. Queued, sending and sent
    notices are left alone: the first are on their way, the others must not go twice. The update
    is conditional on "failed", so a job that claims a notice at the same moment wins or loses
    as a whole and the notice goes once.
    """
    with transaction.atomic():
        retried = notices.filter(
            status=WorkNotice.Status.FAILED,
            subscription__confirmed_at__isnull=False,
            subscription__cancelled_at__isnull=True,
        ).update(
            status=WorkNotice.Status.QUEUED,
            attempts=Least(F("attempts"), Value(MAX_ATTEMPTS - 1), output_field=PositiveSmallIntegerField()),
            next_attempt_at=None,
        )
        if retried:
            transaction.on_commit(_enqueue_send, robust=True)
    return retried


def _mark_failed(notices: list[WorkNotice], exc: Exception) -> None:
    now = timezone.now()
    error = _error_text(exc)
    for notice in notices:
        attempts = notice.attempts  # already counted by the claim
        retry_at = now + RETRY_DELAYS[attempts - 1] if attempts < MAX_ATTEMPTS else None
        WorkNotice.objects.filter(pk=notice.pk).update(
            status=WorkNotice.Status.FAILED, last_error=error, next_attempt_at=retry_at
        )
