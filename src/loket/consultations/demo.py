"""Demo consultation: the monthly meeting of the district chairs with the mayor and aldermen —
last month's (held, with minutes and an open action point) and next month's (with proposals).

Idempotent: the series by slug, meetings by title.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from django.utils import timezone

from loket.accounts.models import User
from loket.consultations import services
from loket.consultations.models import AgendaItem, Meeting, MeetingSeries
from loket.organisation.models import District, Team

ORDER = 75
SERIES = "overleg-districtsvoorzitters"
PLACE = "Stadhuis, Grote Markt 1, 2000 Antwerpen"


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def load(log: Callable[[str], None] = print) -> None:
    helpdesk = User.objects.filter(username="helpdesk").first()
    if helpdesk is None or not District.objects.exists():
        log("overleg: overgeslagen, de demogebruiker 'helpdesk' of de districten ontbreken")
        return
    series, _created = MeetingSeries.objects.get_or_create(
        slug=SERIES,
        defaults={
            "name": "Overleg districtsvoorzitters met het college",
            "description": "Maandelijks overleg van de tien districtsvoorzitters met burgemeester en schepenen.",
            "organiser": Team.objects.filter(slug="stad-helpdesk").first(),
            "default_place": PLACE,
        },
    )
    series.districts.set(District.objects.all())
    today = timezone.localdate()
    made = 0
    if not Meeting.objects.filter(series=series, title="Overleg districtsvoorzitters (vorige maand)").exists():
        past = Meeting.objects.create(
            series=series,
            title="Overleg districtsvoorzitters (vorige maand)",
            starts_at=_at(today - dt.timedelta(days=28), 14),
            ends_at=_at(today - dt.timedelta(days=28), 16),
            place=PLACE,
            status=Meeting.Status.HELD,
            uid=f"{uuid.uuid4()}@loket.antwerpen.be",
            created_by=helpdesk,
        )
        past.districts.set(District.objects.all())
        item = AgendaItem.objects.create(
            meeting=past,
            title="Verdeling van de middelen voor buurtparticipatie",
            district=District.objects.filter(slug="berchem").first(),
            status=AgendaItem.Status.ACCEPTED,
            position=1,
            minutes="De districten vragen een verdeelsleutel op basis van inwonersaantal.",
            decision="De stad werkt een voorstel van verdeelsleutel uit.",
        )
        services.action_add(
            meeting=past,
            item=item,
            title="Voorstel van verdeelsleutel voor buurtparticipatie bezorgen",
            owner_name="Stad: Helpdesk BGD",
            due_date=today + dt.timedelta(days=10),
            actor=helpdesk,
        )
        made += 1
    if not Meeting.objects.filter(series=series, title="Overleg districtsvoorzitters (komende maand)").exists():
        coming = services.meeting_plan(
            series=series,
            title="Overleg districtsvoorzitters (komende maand)",
            starts_at=_at(today + dt.timedelta(days=21), 14),
            ends_at=_at(today + dt.timedelta(days=21), 16),
            proposals_until=_at(today + dt.timedelta(days=14), 12),
            actor=helpdesk,
        )
        services.item_propose(meeting=coming, title="Evaluatie van de winterdienst in de districten", actor=helpdesk)
        made += 1
    log(f"overleg: {made} overleggen aangemaakt, {2 - made} waren er al")
