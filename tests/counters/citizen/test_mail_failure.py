from __future__ import annotations

import pytest
from django.core import mail
from huey.contrib.djhuey import HUEY

from loket.counters.booking import appointment_book
from loket.counters.messages import appointment_confirmation_send
from loket.counters.models import Appointment

from .conftest import FAILING_BACKEND, MONDAY, TUESDAY, at


@pytest.fixture
def empty_schedule():
    HUEY.flush()
    yield
    HUEY.flush()


def test_a_failing_mail_server_keeps_the_booking_notes_the_error_and_schedules_a_retry(
    db, location, service, settings, django_capture_on_commit_callbacks, empty_schedule
):
    settings.EMAIL_BACKEND = FAILING_BACKEND

    with django_capture_on_commit_callbacks(execute=True):
        appointment = appointment_book(
            location=location,
            service=service,
            start=at(TUESDAY, 10),
            channel="online",
            name="An Peeters",
            email="an@example.org",
            now=at(MONDAY, 7),
        )

    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.reference
    assert appointment.confirmation_sent_at is None
    assert "smtp server unreachable" in appointment.confirmation_error
    retries = HUEY.scheduled()
    assert [task.name for task in retries] == ["appointment_confirmation_job"]
    assert retries[0].args == (appointment.pk,)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    appointment_confirmation_send(appointment_id=appointment.pk)  # what the retry does

    appointment.refresh_from_db()
    assert len(mail.outbox) == 1
    assert appointment.confirmation_sent_at is not None
    assert appointment.confirmation_error == ""


def test_sending_raises_on_failure_so_that_the_job_is_retried(db, make_appointment, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    appointment = make_appointment(at(TUESDAY, 10))

    with pytest.raises(ConnectionRefusedError):
        appointment_confirmation_send(appointment_id=appointment.pk)

    appointment.refresh_from_db()
    assert appointment.confirmation_sent_at is None
    assert appointment.confirmation_error
