"""Channel advice: the city's channel policy applied to one service and one citizen.

Digital first (the e-loket), the contact centre by phone where the service has a phone
alternative, the counter as last resort. A citizen who cannot work digitally or needs help is
steered to the phone first; a counter-only service gets the counter first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from loket.catalogue.models import Service
from loket.organisation import selectors as organisation
from loket.organisation.calendar import is_working_day, public_holiday_name
from loket.organisation.models import District, Location

ONLINE = "online"
PHONE = "phone"
COUNTER = "counter"

CONTACT_CENTRE_PHONE = "03 22 11 333"
CONTACT_CENTRE_EMAIL = "info@antwerpen.be"
CONTACT_CENTRE_HOURS = (dt.time(9, 0), dt.time(17, 0))


@dataclass(frozen=True)
class LocationAdvice:
    location: Location
    in_citizen_district: bool
    accessible: bool
    open_now: bool
    hours_today: list[tuple[dt.time, dt.time]]
    closed_reason: str | None
    next_opening: dt.datetime | None

    @property
    def open_today(self) -> bool:
        return bool(self.hours_today)


@dataclass(frozen=True)
class ChannelOption:
    channel: str
    title: str
    why: str
    appointment_needed: bool = False
    url: str = ""
    phone: str = ""
    open_now: bool | None = None
    hours_today: list[tuple[dt.time, dt.time]] = field(default_factory=list)
    closed_reason: str | None = None
    next_opening: dt.datetime | None = None
    locations: list[LocationAdvice] = field(default_factory=list)

    @property
    def open_today(self) -> bool | None:
        return None if self.channel == ONLINE else bool(self.hours_today)


def channel_advice(
    *,
    service: Service,
    can_use_digital: bool = True,
    needs_help: bool = False,
    reduced_mobility: bool = False,
    district: District | None = None,
    at: dt.datetime | None = None,
) -> list[ChannelOption]:
    """The channels for ``service``, best first, for a citizen who says what is given here."""
    now = timezone.localtime(at or timezone.now())
    options: dict[str, ChannelOption] = {}
    if service.online:
        options[ONLINE] = _online(service=service, can_use_digital=can_use_digital, reduced_mobility=reduced_mobility)
    if service.by_phone:
        options[PHONE] = _phone(now=now, steered=not can_use_digital or needs_help)
    if service.at_counter:
        options[COUNTER] = _counter(
            service=service, now=now, district=district, reduced_mobility=reduced_mobility, only=len(options) == 0
        )
    if not can_use_digital:
        order = [PHONE, COUNTER, ONLINE]
    elif needs_help:
        order = [PHONE, ONLINE, COUNTER]
    else:
        order = [ONLINE, PHONE, COUNTER]
    return [options[name] for name in order if name in options]


def _online(*, service: Service, can_use_digital: bool, reduced_mobility: bool) -> ChannelOption:
    if not can_use_digital:
        why = _(
            "Kunt u zelf niet digitaal werken? Iemand die u vertrouwt, kan dit voor u online regelen via het e-loket."
        )
    else:
        why = _("Online gaat het snelst: het e-loket is dag en nacht open en u hoeft zich niet te verplaatsen.")
        if reduced_mobility:
            why += " " + _("Zo hoeft u niet naar een loket te komen.")
    return ChannelOption(channel=ONLINE, title=_("Online via het e-loket"), why=why, url=service.online_url)


def _phone_hours(day: dt.date) -> tuple[list[tuple[dt.time, dt.time]], str | None]:
    if is_working_day(day):
        return [CONTACT_CENTRE_HOURS], None
    return [], public_holiday_name(day) or _("weekend")


def _phone(*, now: dt.datetime, steered: bool) -> ChannelOption:
    hours, closed_reason = _phone_hours(now.date())
    open_now = any(opens <= now.time() < closes for opens, closes in hours)
    next_opening = None
    for offset in range(15):
        day = now.date() + dt.timedelta(days=offset)
        day_hours, _reason = _phone_hours(day)
        if day_hours:
            start = timezone.make_aware(dt.datetime.combine(day, day_hours[0][0]))
            if start >= now:
                next_opening = start
                break
    if steered:
        why = _(
            "Het contactcenter helpt u aan de telefoon en regelt de aanvraag met u of voor u, "
            "zonder dat u zich moet verplaatsen."
        )
    else:
        why = _("Lukt het niet online of hebt u een vraag? Het contactcenter helpt u verder aan de telefoon.")
    return ChannelOption(
        channel=PHONE,
        title=_("Telefonisch via het contactcenter"),
        why=why,
        phone=CONTACT_CENTRE_PHONE,
        open_now=open_now,
        hours_today=hours,
        closed_reason=closed_reason,
        next_opening=next_opening,
    )


def _location_advice(*, location: Location, now: dt.datetime, district: District | None) -> LocationAdvice:
    hours = organisation.location_day_hours(location=location, day=now.date())
    return LocationAdvice(
        location=location,
        in_citizen_district=district is not None and location.district_id == district.pk,
        accessible=location.accessible,
        open_now=any(opens <= now.time() < closes for opens, closes in hours.periods),
        hours_today=list(hours.periods),
        closed_reason=hours.closed_reason,
        next_opening=organisation.location_next_opening(location=location, after=now),
    )


def _counter(
    *, service: Service, now: dt.datetime, district: District | None, reduced_mobility: bool, only: bool
) -> ChannelOption:
    locations = service.locations.select_related("district").prefetch_related("opening_hours", "exceptions")
    advice = [_location_advice(location=loc, now=now, district=district) for loc in locations]
    # Citizens with reduced mobility need an accessible building before a nearby one.
    advice.sort(
        key=lambda a: (
            reduced_mobility and not a.accessible,
            not a.in_citizen_district,
            not a.open_today,
            not a.location.regional,
            a.location.name,
        )
    )
    if only:
        why = _("Deze dienst kan alleen aan het loket, omdat u zich ter plaatse moet identificeren of tekenen.")
    else:
        why = _("Het loket is er als laatste mogelijkheid, voor wie het niet online of telefonisch kan regelen.")
    if service.needs_appointment:
        why += " " + _("Maak vooraf een afspraak, online of via 03 22 11 333.")
    if reduced_mobility and service.home_visit:
        why += " " + _("Kunt u om medische redenen niet komen? Vraag dan een huisbezoek aan via het contactcenter.")
    open_now = any(a.open_now for a in advice)
    upcoming = [a.next_opening for a in advice if a.next_opening is not None]
    return ChannelOption(
        channel=COUNTER,
        title=_("Aan het loket"),
        why=why,
        appointment_needed=service.needs_appointment,
        open_now=open_now,
        hours_today=advice[0].hours_today if advice else [],
        closed_reason=advice[0].closed_reason if advice else None,
        next_opening=min(upcoming) if upcoming else None,
        locations=advice,
    )
