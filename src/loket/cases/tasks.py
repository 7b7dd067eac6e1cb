"""Background jobs of the case engine: tell a team by e-mail that an internal task arrived, or that
a citizen answered on one of its cases (``cases.team_mail``).

Enqueued after the write's transaction commits and retried with a growing delay (1, 2, 4, 8, 16
minutes): a failing mail server never undoes or holds up the task or the reply itself.

Nightly, ``attachment_cleanup_job`` removes stored attachment files that no row names
(``cases.attachments.ATTACHMENT_FILES``).
"""

from __future__ import annotations

from typing import Any

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from loket.cases.team_mail import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS

# Huey's crontab is in UTC; between the requests' cleanup (02:15) and the reports' retention (02:35).
ATTACHMENT_CLEANUP_SCHEDULE = crontab(hour="2", minute="25")


def _last_try(task: Any) -> bool:
    return task is None or not task.retries


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF, context=True)
def internal_task_mail_job(task_id: int, task: Any = None) -> bool:
    from loket.cases.internal_tasks import task_mail_team

    return task_mail_team(task_id=task_id, last_try=_last_try(task))


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF, context=True)
def citizen_reply_mail_job(event_id: int, task: Any = None) -> bool:
    from loket.cases.messages import reply_mail_team

    return reply_mail_team(event_id=event_id, last_try=_last_try(task))


@db_periodic_task(ATTACHMENT_CLEANUP_SCHEDULE)
def attachment_cleanup_job() -> dict[str, int]:
    from loket.cases.attachments import ATTACHMENT_FILES

    return ATTACHMENT_FILES.orphans_remove().counts()
