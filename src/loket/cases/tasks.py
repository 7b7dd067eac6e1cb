"""Background job of the case engine: tell a team by e-mail that an internal task arrived.

Enqueued after the task's transaction commits and retried with a growing delay (1, 2, 4, 8, 16
minutes): a failing mail server never undoes or holds up the task itself.
"""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task(retries=5, retry_delay=60, retry_backoff=2)
def internal_task_mail_job(task_id: int) -> bool:
    from loket.cases.internal_tasks import task_mail_team

    return task_mail_team(task_id=task_id)
