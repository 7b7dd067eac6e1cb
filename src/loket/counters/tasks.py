"""Background jobs of the counters: confirmations, reminders, no-shows and expired holds.

Jobs are enqueued after commit (a rolled-back booking sends nothing) and retried; a failing
mail server never undoes the booking that caused the mail.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task


@db_task(retries=5, retry_delay=120)
def appointment_confirmation_job(appointment_id: int) -> None:
    from loket.counters.messages import appointment_confirmation_send

    appointment_confirmation_send(appointment_id=appointment_id)


@db_periodic_task(crontab(minute="*/5"))
def appointment_reminders_job() -> int:
    from loket.counters.messages import appointment_reminders_send

    return appointment_reminders_send()


@db_periodic_task(crontab(minute="*"))
def appointment_no_shows_job() -> int:
    from loket.counters.booking import appointment_no_shows_mark

    return appointment_no_shows_mark()


@db_periodic_task(crontab(minute="*"))
def appointment_holds_expire_job() -> int:
    from loket.counters.booking import appointment_holds_expire

    return appointment_holds_expire()
