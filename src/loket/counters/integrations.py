"""What counters adds to the base apps' pages, through the hooks they offer."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.accounts.hooks import StartLink, StartSection
from loket.catalogue.hooks import ServiceAction
from loket.catalogue.models import Service
from loket.citizens.hooks import TimelineItem
from loket.counters.models import Appointment, Desk
from loket.organisation.models import Location


def book_appointment_action(service: Service) -> ServiceAction | None:
    """'Maak een afspraak' on the page of a service that a bookable desk serves by appointment."""
    if service.counter not in (Service.Counter.APPOINTMENT, Service.Counter.BOTH):
        return None
    if not Desk.objects.filter(services=service, bookable=True).exists():
        return None
    url = f"{reverse('counters:book')}?{urlencode({'service': service.slug})}"
    return ServiceAction(channel="counter", label=_("Maak een afspraak"), url=url)


def counter_start_section(user: Any) -> StartSection | None:
    """The counter work a staff member can reach from their start page."""
    links: list[StartLink] = []
    if rules.FRONT_OFFICE.allows(user):
        links.append(StartLink(_("Afspraak maken voor een burger"), reverse("counters:book-for")))
    if rules.COUNTER_STAFF.allows(user):
        desks = Desk.objects.select_related("location").order_by("location__name", "name")
        links += [
            StartLink(
                f"{desk.location.name}: {desk.name}",
                reverse("counters:desk", kwargs={"desk_id": desk.pk}),
                _("open") if desk.is_open else "",
            )
            for desk in desks
        ]
    if rules.MANAGERS.allows(user):
        links.append(StartLink(_("Cijfers van de loketten"), reverse("counters:figures")))
        locations = Location.objects.filter(counter_settings__isnull=False).order_by("name")
        links += [
            StartLink(
                _("Loketbeheer %(location)s") % {"location": location.name},
                reverse("counters:manage-location", kwargs={"location_slug": location.slug}),
            )
            for location in locations
        ]
    return StartSection(title=_("Loketten en afspraken"), links=links) if links else None


def appointment_timeline_source(citizen: Any, *, limit: int) -> list[TimelineItem]:
    """The citizen's appointments for the citizens timeline, newest start first.

    Only appointments linked to the citizen's user (``Appointment.citizen``) count: the e-mail
    address on an unlinked booking is typed by whoever booked and never verified, so matching on
    it could show one person another's appointment (and would scan the table).
    """
    rows = (
        Appointment.objects.filter(citizen_id=citizen.user_id)
        .order_by("-start", "-id")
        .values_list("start", "status", "reference", "service__name", "location__name")[:limit]
    )
    labels = {key: str(label) for key, label in Appointment.Status.choices}
    title = _("Afspraak %(service)s in %(location)s")
    return [
        TimelineItem(
            at=start,
            kind="appointment",
            channel="counter",
            title=title % {"service": service, "location": location},
            status=labels.get(status, status),
            url="",
            reference=reference or "",
        )
        for start, status, reference, service, location in rows
    ]
