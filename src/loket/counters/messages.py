"""Messages to citizens about their appointment: the calendar file, the confirmation, reminders.

Mail goes out from Huey jobs after the booking is committed. A failing mail server never undoes a
booking: the error is kept on the appointment (``confirmation_error``, ``reminder_error``) for
staff to see, the confirmation job raises so Huey retries it, a reminder is tried again next run.
"""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime, timedelta
from email.mime.base import MIMEBase
from email.mime.image import MIMEImage
from email.mime.text import MIMEText
from typing import Any

import icalendar
import segno
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from loket.counters import links
from loket.counters.models import Appointment, CounterSettings

log = logging.getLogger(__name__)

ICS_PRODID = "-//Stad Antwerpen//Loket//NL"
QR_CID = "qr-aanmelden@loket"
DEFAULT_REMINDER_HOURS = CounterSettings._meta.get_field("reminder_hours").get_default()
_ERROR_LENGTH = 300


def _documents(appointment: Appointment) -> list[str]:
    return [line.strip() for line in appointment.service.documents.splitlines() if line.strip()]


def appointment_ics(*, appointment: Appointment, method: str = "PUBLISH", base_url: str | None = None) -> bytes:
    """The appointment as an RFC 5545 calendar (one VEVENT, times in UTC); cancelled → CANCEL."""
    location = appointment.location
    cancelled = appointment.status == Appointment.Status.CANCELLED
    manage_url = links.appointment_manage_url(appointment, base_url=base_url)
    description = [_("Referentie: %(reference)s") % {"reference": appointment.reference or "—"}]
    if documents := _documents(appointment):
        description += ["", _("Wat brengt u mee?"), *[f"- {line}" for line in documents]]
    description += ["", _("Afspraak bekijken, verplaatsen of annuleren:"), manage_url]

    calendar = icalendar.Calendar()
    calendar.add("prodid", ICS_PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else method)
    event = icalendar.Event()
    event.add("uid", f"{appointment.reference or f'hold-{appointment.pk}'}@loket")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", appointment.start.astimezone(UTC))
    event.add("dtend", appointment.end.astimezone(UTC))
    event.add("summary", _("Afspraak: %(service)s") % {"service": appointment.service.name})
    event.add("location", f"{location.name}, {location.address}")
    event.add("description", "\n".join(description))
    event.add("url", manage_url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("sequence", 1 if cancelled else 0)
    organizer = icalendar.vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = icalendar.vText(_("Stad Antwerpen"))
    event.add("organizer", organizer)
    if location.lat is not None and location.lon is not None:
        event.add("geo", (location.lat, location.lon))
    if not cancelled:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Afspraak: %(service)s") % {"service": appointment.service.name})
        alarm.add("trigger", timedelta(hours=-1))
        event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


def appointment_qr(appointment: Appointment, *, base_url: str | None = None) -> segno.QRCode:
    """A QR code with the absolute check-in link (shown at the kiosk or the desk)."""
    return segno.make(links.appointment_check_in_url(appointment, base_url=base_url), error="m", micro=False)


def appointment_qr_svg(appointment: Appointment, *, base_url: str | None = None) -> str:
    return str(appointment_qr(appointment, base_url=base_url).svg_inline(scale=5, title=_("QR-code om aan te melden")))


def _qr_png(appointment: Appointment) -> bytes:
    out = io.BytesIO()
    appointment_qr(appointment).save(out, kind="png", scale=6, border=2)
    return out.getvalue()


def _context(appointment: Appointment) -> dict[str, Any]:
    start = timezone.localtime(appointment.start)
    return {
        "appointment": appointment,
        "location": appointment.location,
        "service": appointment.service,
        "day": date_format(start, "l j F Y"),
        "time": date_format(start, "H:i"),
        "documents": _documents(appointment),
        "manage_url": links.appointment_manage_url(appointment),
        "ics_url": links.appointment_ics_url(appointment),
        "check_in_url": links.appointment_check_in_url(appointment),
        "qr_cid": QR_CID,
    }


def _message(appointment: Appointment, *, kind: str, subject: str) -> EmailMultiAlternatives:
    context = _context(appointment)
    text = render_to_string(f"counters/email/{kind}.txt", context)
    html = render_to_string(f"counters/email/{kind}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [appointment.email])
    message.attach_alternative(html, "text/html")
    ics = MIMEText(appointment_ics(appointment=appointment).decode(), "calendar", "utf-8")
    ics.set_param("method", "PUBLISH")
    ics.add_header("Content-Disposition", "attachment", filename=f"afspraak-{appointment.reference}.ics")
    qr: MIMEBase = MIMEImage(_qr_png(appointment), "png")
    qr.add_header("Content-ID", f"<{QR_CID}>")
    qr.add_header("Content-Disposition", "inline", filename="aanmelden-qr.png")
    message.attach(ics)
    message.attach(qr)
    return message


def _subject(appointment: Appointment, template: str) -> str:
    start = timezone.localtime(appointment.start)
    return template % {
        "reference": appointment.reference,
        "day": date_format(start, "l j F"),
        "time": date_format(start, "H:i"),
    }


def _error_text(exc: Exception) -> str:
    return f"{timezone.now():%Y-%m-%d %H:%M} {type(exc).__name__}: {exc}"[:_ERROR_LENGTH]


def appointment_confirmation_send(*, appointment_id: int) -> None:
    """Mail the confirmation (text + HTML, the .ics, a QR code, the manage link) once.

    Raises when the mail server refuses, after noting the error, so that the job is retried.
    """
    appointment = Appointment.objects.select_related("location", "service").get(pk=appointment_id)
    if appointment.confirmation_sent_at or not appointment.email or not appointment.reference:
        return
    if appointment.status not in (Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN):
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _subject(appointment, _("Uw afspraak %(reference)s op %(day)s om %(time)s"))
        message = _message(appointment, kind="confirmation", subject=subject)
        try:
            message.send()
        except Exception as exc:
            Appointment.objects.filter(pk=appointment.pk).update(confirmation_error=_error_text(exc))
            log.warning("confirmation of appointment %s not sent: %s", appointment.pk, exc)
            raise
    Appointment.objects.filter(pk=appointment.pk).update(confirmation_sent_at=timezone.now(), confirmation_error="")


def _reminder_hours(appointment: Appointment) -> int:
    try:
        return appointment.location.counter_settings.reminder_hours
    except CounterSettings.DoesNotExist:
        return int(DEFAULT_REMINDER_HOURS)


def appointment_reminders_due(*, now: datetime) -> list[Appointment]:
    """Booked, not yet reminded appointments that start within their location's reminder time.

    An appointment booked when it was already that close gets no reminder: the confirmation
    has just told the citizen.
    """
    longest = max([int(DEFAULT_REMINDER_HOURS), *CounterSettings.objects.values_list("reminder_hours", flat=True)])
    candidates = (
        Appointment.objects.filter(
            status=Appointment.Status.BOOKED,
            reminder_sent_at__isnull=True,
            start__gt=now,
            start__lte=now + timedelta(hours=longest),
        )
        .exclude(Q(email="") | Q(reference__isnull=True))
        .select_related("location__counter_settings", "service")
    )
    due = []
    for appointment in candidates:
        window = timedelta(hours=_reminder_hours(appointment))
        if appointment.start - window <= now and appointment.created_at < appointment.start - window:
            due.append(appointment)
    return due


def appointment_reminders_send(*, now: datetime | None = None) -> int:
    """Send each due reminder once; returns how many went out.

    Each appointment is claimed first (a conditional update), so two workers never both send it;
    a failed send gives the claim back and notes the error, to be tried again next run.
    """
    now = now or timezone.now()
    sent = 0
    for appointment in appointment_reminders_due(now=now):
        claimed = Appointment.objects.filter(pk=appointment.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not claimed:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _subject(appointment, _("Herinnering: uw afspraak op %(day)s om %(time)s"))
            try:
                _message(appointment, kind="reminder", subject=subject).send()
            except Exception as exc:
                Appointment.objects.filter(pk=appointment.pk).update(
                    reminder_sent_at=None, reminder_error=_error_text(exc)
                )
                log.warning("reminder of appointment %s not sent: %s", appointment.pk, exc)
                continue
        if appointment.reminder_error:
            Appointment.objects.filter(pk=appointment.pk).update(reminder_error="")
        sent += 1
    return sent
