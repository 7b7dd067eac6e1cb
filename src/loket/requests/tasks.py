"""Background jobs of the e-loket: the nightly cleanup of expired drafts and stray draft files."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

# Huey's crontab is in UTC: 02:15 UTC is a quarter past three or four at night in Brussels.
CLEANUP_SCHEDULE = crontab(hour="2", minute="15")


@db_periodic_task(CLEANUP_SCHEDULE)
def requests_cleanup_job() -> dict[str, int]:
    from loket.requests.cleanup import DRAFT_FILES, drafts_expire

    expired = drafts_expire()
    orphans = DRAFT_FILES.orphans_remove()
    return {"drafts_expired": expired.drafts, "draft_files_deleted": expired.files, **orphans.counts()}
