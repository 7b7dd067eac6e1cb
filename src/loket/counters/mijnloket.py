"""The citizen's appointments in Mijn loket (``citizens.hooks.register_mijnloket_section``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.citizens.hooks import MijnLoketItem, MijnLoketSection
from loket.counters.links import appointment_manage_path
from loket.counters.models import Appointment

UPCOMING_LIMIT = 20
PAST_LIMIT = 10


def appointments_section(user: Any) -> MijnLoketSection | None:
    """Upcoming appointments (with the link to change or cancel them), then the last few past ones.

    Only appointments linked to the citizen's user count, as in the timeline: the e-mail address
    on an unlinked booking was never verified.
    """
    if not getattr(user, "is_authenticated", False) or user.role != Role.CITIZEN:
        return None
    now = timezone.now()
    mine = Appointment.objects.filter(citizen_id=user.pk).exclude(status=Appointment.Status.HELD)
    mine = mine.select_related("service", "location")
    upcoming = mine.filter(
        end__gte=now, status__in=[Appointment.Status.BOOKED, Appointment.Status.CHECKED_IN]
    ).order_by("start", "id")[:UPCOMING_LIMIT]
    past = mine.filter(end__lt=now).order_by("-start", "-id")[:PAST_LIMIT]
    labels = {key: str(label) for key, label in Appointment.Status.choices}
    items = [
        MijnLoketItem(
            title=_("%(service)s in %(location)s") % {"service": a.service.name, "location": a.location.name},
            status=labels.get(a.status, a.status),
            when=timezone.localtime(a.start),
            reference=a.reference or "",
            url=appointment_manage_path(a) if a.status == Appointment.Status.BOOKED else "",
            url_label=_("Bekijk, verplaats of annuleer"),
        )
        for a in [*upcoming, *past]
    ]
    return MijnLoketSection(
        slug="afspraken",
        title=_("Mijn afspraken"),
        items=tuple(items),
        empty=_("U hebt geen afspraken."),
        action_label=_("Maak een afspraak"),
        action_url=reverse("counters:book"),
    )
