from __future__ import annotations

import datetime as dt

from django.utils import timezone

from loket.cases.services import case_create
from loket.catalogue.models import Service
from loket.citizens.hooks import TimelineItem, register_timeline_source, timeline_sources
from loket.citizens.models import ContactMoment
from loket.citizens.selectors import citizen_timeline
from loket.citizens.services import contact_moment_register


def test_the_timeline_merges_contact_moments_cases_and_appointments_newest_first(an, agent):
    from loket.counters.integrations import appointment_timeline_source

    assert appointment_timeline_source in timeline_sources()
    case = case_create(
        kind="request", title="Zaal huren", channel="phone", actor=agent, citizen=an.user, district=an.district
    )
    moment = contact_moment_register(citizen=an, channel="phone", outcome="request_started", actor=agent, case=case)
    ContactMoment.objects.filter(pk=moment.pk).update(at=timezone.now() + dt.timedelta(minutes=5))
    items = citizen_timeline(citizen=an)
    assert [item.kind for item in items] == ["contact", "case"]
    assert items[0].reference == case.reference and items[0].status == "aanvraag gestart"
    assert items[1].title == "Zaal huren" and items[1].url.endswith(case.reference + "/")


def test_the_timeline_shows_the_citizens_linked_appointments(an, agent):
    from loket.counters.models import Appointment, Desk
    from loket.organisation.models import Location

    service = Service.objects.create(slug="t-id", name="Identiteitskaart", topic=_topic())
    location = Location.objects.filter(district=an.district).first()
    desk = Desk.objects.create(location=location, name="Balie 1")
    start = timezone.now() + dt.timedelta(days=2)
    Appointment.objects.create(
        location=location,
        service=service,
        desk=desk,
        start=start,
        end=start + dt.timedelta(minutes=15),
        channel="online",
        status="booked",
        citizen=an.user,
        reference="APT-2026-000001",
    )
    Appointment.objects.create(
        location=location,
        service=service,
        desk=desk,
        start=start,
        end=start + dt.timedelta(minutes=15),
        channel="online",
        status="booked",
        email=an.user.email,
        reference="APT-2026-000002",
    )
    items = citizen_timeline(citizen=an)
    assert [(i.kind, i.reference) for i in items] == [("appointment", "APT-2026-000001")]
    assert items[0].status == "geboekt"


def test_the_timeline_is_cut_at_the_limit(an, agent):
    for _ in range(5):
        contact_moment_register(citizen=an, channel="counter", outcome="answered", actor=agent)
    assert len(citizen_timeline(citizen=an, limit=3)) == 3


def test_another_app_can_add_a_source(an):
    at = timezone.now() - dt.timedelta(days=1)

    def reports(citizen, *, limit):
        return [TimelineItem(at=at, kind="report", channel="online", title="Put in de weg", status="open")]

    register_timeline_source(reports)
    try:
        assert [item.kind for item in citizen_timeline(citizen=an)] == ["report"]
    finally:
        from loket.citizens import hooks

        hooks._sources.remove(reports)


def _topic():
    from loket.catalogue.models import Topic

    return Topic.objects.create(slug="t-burgerzaken", name="Burgerzaken", level="city")
