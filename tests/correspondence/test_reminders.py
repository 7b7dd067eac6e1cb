from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail

from loket.correspondence.models import LetterReminder
from loket.correspondence.services import letters_remind


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the reminder check for a day; the mail job queued after commit runs at once (Huey in tests)."""

    def run(day: dt.date) -> dict[str, int]:
        with django_capture_on_commit_callbacks(execute=True):
            return letters_remind(today=day)

    return run


@pytest.fixture
def letter(register):
    # Monday 2 March + 5 working days: due Monday 9 March.
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        return register(letter_date=dt.date(2026, 3, 2), reply_expected=True, reply_days=5)


def test_no_reminder_while_the_deadline_is_far(remind, letter):
    assert remind(dt.date(2026, 3, 4)) == {"after": 0, "before": 0}
    assert mail.outbox == []


def test_a_reminder_two_working_days_before_the_deadline_goes_to_the_recipients_once(remind, letter):
    # Thursday 5 March: Friday and Monday are the two working days left.
    assert remind(dt.date(2026, 3, 5)) == {"after": 0, "before": 1}
    assert remind(dt.date(2026, 3, 6)) == {"after": 0, "before": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mobiliteit@antwerpen.be"]
    assert letter.reference in mail.outbox[0].subject


def test_an_overdue_reminder_the_day_after_the_deadline_once(remind, letter):
    assert remind(dt.date(2026, 3, 9))["after"] == 0
    assert remind(dt.date(2026, 3, 10)) == {"after": 1, "before": 0}
    assert remind(dt.date(2026, 3, 11)) == {"after": 0, "before": 0}
    assert "overschreden" in mail.outbox[-1].subject


def test_an_answered_letter_gets_no_reminder(remind, letter, register):
    register(sender="city_service:stad-mobiliteit", recipients=["district_executive:berchem"], in_reply_to=letter)
    assert remind(dt.date(2026, 3, 10)) == {"after": 0, "before": 0}


def test_a_failing_mail_server_keeps_the_reminder_queued_for_a_retry(remind, letter, settings):
    settings.EMAIL_BACKEND = "tests.correspondence.test_reminders.FailingBackend"
    remind(dt.date(2026, 3, 10))
    reminder = LetterReminder.objects.get(letter=letter)
    assert reminder.status == LetterReminder.Status.QUEUED
    assert reminder.attempts == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from loket.correspondence.reminders import reminder_deliver

    assert reminder_deliver(reminder_id=reminder.pk) is True
    reminder.refresh_from_db()
    assert reminder.status == LetterReminder.Status.SENT


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
