"""Background jobs of the helpdesk: the periodic deadline check and the alert mails it causes."""

from __future__ import annotations

import datetime as dt

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_periodic_task(crontab(minute="*/5"))
def helpdesk_deadline_check_job() -> dict[str, int]:
    from loket.helpdesk.deadlines import questions_check_deadlines

    return questions_check_deadlines()


@db_task(retries=5, retry_delay=120)
def helpdesk_alert_mail_job(stamp: str, escalation: bool) -> bool:
    """One digest of one check run (known by its stamp); a failing mail server retries it."""
    from loket.helpdesk.deadlines import helpdesk_alert_mail_send

    return helpdesk_alert_mail_send(stamp=dt.datetime.fromisoformat(stamp), escalation=escalation)
