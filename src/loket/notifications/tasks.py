"""Background job of the notifications: deliver one message, retried with a growing delay."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from loket.notifications.delivery import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF)
def notification_deliver_job(notification_id: int) -> bool:
    from loket.notifications.delivery import notification_deliver

    return notification_deliver(notification_id=notification_id)
