"""Background job of the reports: send one mail to a follower, retried with a growing delay."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from loket.reports.mail import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF)
def report_mail_job(mail_id: int) -> bool:
    from loket.reports.mail import report_mail_deliver

    return report_mail_deliver(mail_id=mail_id)
