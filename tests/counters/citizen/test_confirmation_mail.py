from __future__ import annotations

import email

import icalendar
import pytest
from django.core import mail

from loket.counters import links
from loket.counters.booking import appointment_book
from loket.counters.messages import appointment_confirmation_send
from loket.counters.models import Appointment

from .conftest import MONDAY, TUESDAY, at


def _book(location, service, **extra):
    return appointment_book(
        location=location,
        service=service,
        start=at(TUESDAY, 10),
        channel="online",
        name="An Peeters",
        email="an@example.org",
        now=at(MONDAY, 7),
        **extra,
    )


def test_booking_mails_a_confirmation_with_the_calendar_file_qr_code_and_links(
    db, location, service, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = _book(location, service)

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["an@example.org"]
    assert appointment.reference in sent.subject
    assert links.appointment_manage_url(appointment) in sent.body
    assert links.appointment_check_in_url(appointment) in sent.body
    assert "Een recente pasfoto" in sent.body
    html = sent.alternatives[0][0]
    assert links.appointment_manage_url(appointment) in html
    assert 'src="cid:' in html

    parsed = email.message_from_bytes(sent.message().as_bytes())
    parts = {part.get_content_type(): part for part in parsed.walk()}
    calendar = icalendar.Calendar.from_ical(parts["text/calendar"].get_payload(decode=True))
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["uid"]) == f"{appointment.reference}@loket"
    assert event.decoded("dtstart") == at(TUESDAY, 10)
    assert parts["text/calendar"].get_filename() == f"afspraak-{appointment.reference}.ics"
    assert parts["image/png"].get_payload(decode=True).startswith(b"\x89PNG")

    appointment.refresh_from_db()
    assert appointment.confirmation_sent_at is not None
    assert appointment.confirmation_error == ""


def test_the_confirmation_goes_out_only_once(db, location, service, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = _book(location, service)

    appointment_confirmation_send(appointment_id=appointment.pk)

    assert len(mail.outbox) == 1


def test_nothing_is_sent_for_an_appointment_without_email_or_not_booked(db, make_appointment):
    no_email = make_appointment(at(TUESDAY, 10), email="")
    cancelled = make_appointment(at(TUESDAY, 11), status=Appointment.Status.CANCELLED)

    appointment_confirmation_send(appointment_id=no_email.pk)
    appointment_confirmation_send(appointment_id=cancelled.pk)

    assert mail.outbox == []


def test_an_unknown_appointment_raises(db):
    with pytest.raises(Appointment.DoesNotExist):
        appointment_confirmation_send(appointment_id=999_999)
