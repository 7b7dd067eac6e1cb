"""Background jobs of the reports: send one mail to a follower (retried with a growing delay), and
the nightly retention run that deletes addresses with no use left (``retention``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from loket.reports.mail import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS

# Huey's crontab is in UTC: 02:35 UTC is at night in Brussels, after the requests' cleanup.
RETENTION_SCHEDULE = crontab(hour="2", minute="35")


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF)
def report_mail_job(mail_id: int) -> bool:
    from loket.reports.mail import report_mail_deliver

    return report_mail_deliver(mail_id=mail_id)


@db_periodic_task(RETENTION_SCHEDULE)
def reports_retention_nightly() -> dict[str, int]:
    """Data minimisation: expired unconfirmed followers, followers of long-closed reports and old
    outbox mails are deleted every night."""
    from loket.reports.retention import reports_retention_run

    return reports_retention_run()
