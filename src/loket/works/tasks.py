"""Background jobs of the works app: the notice outbox, the confirmation mails and retention.

The notice job is enqueued after the commit that queued notices; the periodic job sends what a
lost or failed run left behind (retries with a growing delay, see ``notices.RETRY_DELAYS``). The
nightly retention job deletes subscriptions and notices that have no use left (``retention``).
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

# Every five minutes: the shortest retry delay of a failed notice.
SEND_SCHEDULE = crontab(minute="*/5")
# Huey's crontab is in UTC: 02:45 UTC is at night in Brussels, after the reports' retention.
RETENTION_SCHEDULE = crontab(hour="2", minute="45")


@db_task(retries=2, retry_delay=60)
def work_notices_send_job() -> dict[str, int]:
    from loket.works.notices import notices_send

    result = notices_send()
    return {"mails": result.mails, "sent": result.notices_sent, "failed": result.notices_failed}


@db_periodic_task(SEND_SCHEDULE)
def work_notices_periodic_job() -> dict[str, int]:
    from loket.works.notices import notices_send

    result = notices_send()
    return {"mails": result.mails, "sent": result.notices_sent, "failed": result.notices_failed}


@db_periodic_task(RETENTION_SCHEDULE)
def works_retention_nightly() -> dict[str, int]:
    """Data minimisation: expired unconfirmed and long-cancelled subscriptions and old notices are
    deleted every night."""
    from loket.works.retention import works_retention_run

    return works_retention_run()


@db_task(retries=5, retry_delay=120, retry_backoff=2)
def work_subscription_mail_job(subscription_id: int) -> bool:
    from loket.works.mail import subscription_mail_deliver

    return subscription_mail_deliver(subscription_id=subscription_id)
