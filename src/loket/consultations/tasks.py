"""Background jobs of the consultations: mail a meeting's invitation, update or cancellation, and
nightly remove stored agenda documents that no row names (``cleanup``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from loket.notifications.delivery import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS

# Huey's crontab is in UTC; after the works' retention (02:45), before the accounts' job (03:17).
DOCUMENT_CLEANUP_SCHEDULE = crontab(hour="2", minute="55")


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF)
def meeting_invitation_job(meeting_id: int, sequence: int) -> bool:
    from loket.consultations.documents import meeting_invitation_send

    return meeting_invitation_send(meeting_id=meeting_id, sequence=sequence)


@db_periodic_task(DOCUMENT_CLEANUP_SCHEDULE)
def document_cleanup_job() -> dict[str, int]:
    from loket.consultations.cleanup import DOCUMENT_FILES

    return DOCUMENT_FILES.orphans_remove().counts()
