"""What a meeting produces for its participants: the invitation (.ics), the agenda and the
minutes (PDF), and the invitation mail."""

from __future__ import annotations

from datetime import UTC

import icalendar
from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role, User
from loket.consultations import selectors
from loket.consultations.models import Meeting
from loket.printing import Document

ICS_PRODID = "-//Stad Antwerpen//Loket overleg//NL"


def _when(meeting: Meeting) -> str:
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    return f"{formats.date_format(start, 'l j F Y')} {start:%H:%M}-{end:%H:%M}"


def meeting_url(meeting: Meeting) -> str:
    return settings.LOKET_BASE_URL.rstrip("/") + reverse("consultations:meeting-detail", args=[meeting.pk])


def meeting_ics(meeting: Meeting) -> bytes:
    """The meeting as an RFC 5545 invitation; a cancelled meeting as a CANCEL with a higher SEQUENCE."""
    cancelled = meeting.status == Meeting.Status.CANCELLED
    calendar = icalendar.Calendar()
    calendar.add("prodid", ICS_PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = icalendar.Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    lines = [meeting.series.name, "", _("Agenda:")]
    lines += [f"{item.position}. {item.title}" for item in selectors.agenda(meeting=meeting)] or [
        _("(nog op te maken)")
    ]
    lines += ["", meeting_url(meeting)]
    event.add("description", "\n".join(lines))
    event.add("url", meeting_url(meeting))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organizer = icalendar.vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = icalendar.vText(_("Helpdesk Binnengemeentelijke Decentralisatie"))
    event.add("organizer", organizer)
    for address in invitation_addresses(meeting):
        attendee = icalendar.vCalAddress(f"mailto:{address}")
        attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()


def invitation_addresses(meeting: Meeting) -> list[str]:
    """The participating districts' mailboxes and coordinators, and guests given as addresses."""
    districts = list(meeting.districts.all())
    addresses = {d.email for d in districts if d.email}
    coordinators = User.objects.filter(
        role=Role.COORDINATOR, district__in=districts, is_active=True, email__contains="@"
    ).values_list("email", flat=True)
    addresses.update(coordinators)
    addresses.update(line.strip() for line in meeting.guests.splitlines() if "@" in line and " " not in line.strip())
    return sorted(addresses)


def meeting_invitation_send(*, meeting_id: int, sequence: int) -> bool:
    """Mail the invitation (or its update or cancellation); skipped when a newer one replaced it."""
    meeting = Meeting.objects.select_related("series").filter(pk=meeting_id).first()
    if meeting is None or meeting.sequence != sequence:
        return False
    addresses = invitation_addresses(meeting)
    if not addresses:
        return False
    if meeting.status == Meeting.Status.CANCELLED:
        subject = _("Geannuleerd: %(title)s") % {"title": meeting.title}
    elif meeting.sequence:
        subject = _("Gewijzigd: %(title)s") % {"title": meeting.title}
    else:
        subject = _("Uitnodiging: %(title)s") % {"title": meeting.title}
    body = f"{meeting.title}\n{_when(meeting)}\n{meeting.place}\n\n{meeting_url(meeting)}\n"
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
    message.attach("overleg.ics", meeting_ics(meeting), "text/calendar; method=REQUEST; charset=utf-8")
    message.send()
    return True


def _header(pdf: Document, meeting: Meeting, title: str) -> None:
    pdf.heading(title, size=14)
    pdf.paragraph(meeting.series.name, bold=True)
    pdf.paragraph(_when(meeting))
    pdf.paragraph(meeting.place)
    pdf.paragraph(_("Deelnemers: %(who)s") % {"who": ", ".join(d.name for d in meeting.districts.all())})
    pdf.ln(4)


def agenda_pdf(meeting: Meeting) -> bytes:
    pdf = Document(title=_("Agenda %(title)s") % {"title": meeting.title}, footer_text=meeting.title)
    _header(pdf, meeting, _("Agenda: %(title)s") % {"title": meeting.title})
    for item in selectors.agenda(meeting=meeting):
        pdf.paragraph(f"{item.position}. {item.title}", bold=True, size=11)
        who = item.district.name if item.district else _("stad")
        pdf.paragraph(_("Voorgesteld door: %(who)s") % {"who": who}, size=9)
        if item.description:
            pdf.paragraph(item.description)
        pdf.ln(2)
    carried = selectors.actions_carried(meeting=meeting)
    if carried:
        pdf.heading(_("Opvolging actiepunten"))
        for action in carried:
            pdf.paragraph(f"- {action.title} ({action.owner_name}, {formats.date_format(action.due_date, 'j F Y')})")
    return pdf.render()


def minutes_pdf(meeting: Meeting) -> bytes:
    pdf = Document(title=_("Verslag %(title)s") % {"title": meeting.title}, footer_text=meeting.title)
    _header(pdf, meeting, _("Verslag: %(title)s") % {"title": meeting.title})
    for item in selectors.agenda(meeting=meeting):
        pdf.paragraph(f"{item.position}. {item.title}", bold=True, size=11)
        pdf.paragraph(item.minutes or _("Geen verslag."))
        if item.decision:
            pdf.paragraph(_("Beslissing: %(decision)s") % {"decision": item.decision}, bold=True)
        pdf.ln(2)
    carried = selectors.actions_carried(meeting=meeting)
    new = list(meeting.actions.all())
    if carried or new:
        pdf.heading(_("Actiepunten"))
        for action in [*carried, *new]:
            state = action.get_status_display()
            due = formats.date_format(action.due_date, "j F Y")
            pdf.paragraph(f"- {action.title} ({action.owner_name}, {due}): {state}")
    return pdf.render()
