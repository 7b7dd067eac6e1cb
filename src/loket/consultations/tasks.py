"""Background job of the consultations: mail a meeting's invitation, update or cancellation."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from loket.notifications.delivery import RETRIES, RETRY_BACKOFF, RETRY_DELAY_SECONDS


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_SECONDS, retry_backoff=RETRY_BACKOFF)
def meeting_invitation_job(meeting_id: int, sequence: int) -> bool:
    from loket.consultations.documents import meeting_invitation_send

    return meeting_invitation_send(meeting_id=meeting_id, sequence=sequence)
