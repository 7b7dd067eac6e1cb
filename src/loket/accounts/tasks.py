"""Background jobs of the accounts app."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from loket.accounts.services import login_attempts_purge


@db_task(retries=3, retry_delay=60)
def login_attempts_purge_job() -> int:
    return login_attempts_purge()


@db_periodic_task(crontab(hour="3", minute="17"))
def login_attempts_purge_nightly() -> int:
    """Data minimisation: old login attempts (usernames, IP addresses) are deleted every night."""
    return login_attempts_purge()
