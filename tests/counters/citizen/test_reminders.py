from __future__ import annotations

import datetime as dt

from django.core import mail

from loket.counters.messages import appointment_reminders_send
from loket.counters.models import Appointment

from .conftest import FAILING_BACKEND, MONDAY, TUESDAY, at


def test_a_reminder_goes_out_once_when_the_appointment_comes_within_the_reminder_time(db, make_appointment, frozen):
    appointment = make_appointment(at(TUESDAY, 10))  # reminder_hours = 24: due from Monday 10:00

    assert appointment_reminders_send(now=at(MONDAY, 9, 59)) == 0
    assert appointment_reminders_send(now=at(MONDAY, 10)) == 1
    assert appointment_reminders_send(now=at(MONDAY, 10, 5)) == 0
    assert appointment_reminders_send(now=at(TUESDAY, 9)) == 0

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [appointment.email]
    assert mail.outbox[0].subject.startswith("Herinnering")
    appointment.refresh_from_db()
    assert appointment.reminder_sent_at == at(MONDAY, 10)


def test_no_reminder_for_cancelled_past_or_unconfirmed_appointments(db, make_appointment, frozen):
    make_appointment(at(TUESDAY, 10), status=Appointment.Status.CANCELLED)
    make_appointment(at(TUESDAY, 10), status=Appointment.Status.HELD, reference=None)
    make_appointment(at(MONDAY, 9))  # already begun by the time we look

    assert appointment_reminders_send(now=at(MONDAY, 11)) == 0
    assert mail.outbox == []


def test_no_reminder_for_an_appointment_booked_within_the_reminder_time(db, make_appointment, frozen):
    frozen.move_to(at(MONDAY, 11))
    make_appointment(at(TUESDAY, 10))  # booked 23 hours before: the confirmation is enough

    assert appointment_reminders_send(now=at(MONDAY, 12)) == 0


def test_the_reminder_time_is_the_locations_setting(db, location, make_appointment, frozen):
    location.counter_settings.reminder_hours = 48
    location.counter_settings.save()
    make_appointment(at(TUESDAY, 10) + dt.timedelta(days=1))

    assert appointment_reminders_send(now=at(MONDAY, 10)) == 1


def test_one_failing_reminder_does_not_stop_the_others_and_is_tried_again(
    db, make_appointment, frozen, settings, monkeypatch
):
    failing = make_appointment(at(TUESDAY, 10))
    other = make_appointment(at(TUESDAY, 10, 30))
    sent_to: list[str] = []

    from django.core.mail import EmailMultiAlternatives

    original = EmailMultiAlternatives.send

    def send(message, fail_silently=False):
        if message.to == [failing.email]:
            raise ConnectionRefusedError("mailbox unavailable")
        sent_to.extend(message.to)
        return original(message, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", send)

    assert appointment_reminders_send(now=at(MONDAY, 11)) == 1
    assert sent_to == [other.email]
    failing.refresh_from_db()
    assert failing.reminder_sent_at is None
    assert "mailbox unavailable" in failing.reminder_error

    monkeypatch.setattr(EmailMultiAlternatives, "send", original)
    assert appointment_reminders_send(now=at(MONDAY, 11, 5)) == 1
    failing.refresh_from_db()
    assert failing.reminder_sent_at == at(MONDAY, 11, 5)
    assert failing.reminder_error == ""


def test_a_mail_server_that_is_down_sends_nothing_and_loses_nothing(db, make_appointment, frozen, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    appointment = make_appointment(at(TUESDAY, 10))

    assert appointment_reminders_send(now=at(MONDAY, 11)) == 0

    appointment.refresh_from_db()
    assert appointment.reminder_sent_at is None
    assert appointment.reminder_error
