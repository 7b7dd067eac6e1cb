"""What counters adds to the base apps' pages, through the hooks they offer."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from loket.catalogue.hooks import ServiceAction
from loket.catalogue.models import Service
from loket.counters.models import Desk


def book_appointment_action(service: Service) -> ServiceAction | None:
    """'Maak een afspraak' on the page of a service that a bookable desk serves by appointment."""
    if service.counter not in (Service.Counter.APPOINTMENT, Service.Counter.BOTH):
        return None
    if not Desk.objects.filter(services=service, bookable=True).exists():
        return None
    url = f"{reverse('counters:book')}?{urlencode({'service': service.slug})}"
    return ServiceAction(channel="counter", label=_("Maak een afspraak"), url=url)
