"""Background jobs of the correspondence: the daily reminder run, mailing one reminder, and nightly
removing stored letter files that no row names (``cleanup``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from loket.notifications.delivery import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS

# Huey's crontab is in UTC; after the consultations' cleanup (02:55), before the accounts' job (03:17).
LETTER_CLEANUP_SCHEDULE = crontab(hour="3", minute="5")


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF)
def reminder_deliver_job(reminder_id: int) -> bool:
    from loket.correspondence.reminders import reminder_deliver

    return reminder_deliver(reminder_id=reminder_id)


@db_periodic_task(crontab(hour="7", minute="0"))
def letters_remind_job() -> dict[str, int]:
    from loket.correspondence.services import letters_remind

    return letters_remind()


@db_periodic_task(LETTER_CLEANUP_SCHEDULE)
def letter_cleanup_job() -> dict[str, int]:
    from loket.correspondence.cleanup import LETTER_FILES

    return LETTER_FILES.orphans_remove().counts()
