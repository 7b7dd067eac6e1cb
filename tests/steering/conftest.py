"""A hand-made period of cases and contact moments (10 March 2026), counted by hand in the tests.

Cases on 10 March (Brussels):          service    channel  location_district  district  → counts in
  1  identity card, online, Berchem    eid        online   berchem            -         berchem
  2  identity card, online             eid        online   -                  berchem   berchem
  3  identity card by phone            eid        phone    deurne             berchem   deurne (where it is)
  4  driving licence at the counter    rijbewijs  counter  berchem            -         berchem
  5  an e-mail about nothing listed    -          email    -                  -         no district
  6  late evening 23:30                eid        online   deurne             -         deurne
Outside the day: 11 March 00:10 in Brussels (still 10 March in UTC) and 12 March.

Contact moments on 10 March:         service    channel  citizen's district  location  → counts in
  a  a Berchem citizen calls         eid        phone    berchem             -         berchem
  b  a Berchem citizen in Deurne     eid        counter  berchem             deurne    berchem (where they live)
  c  an anonymous visitor in Deurne  rijbewijs  counter  -                   deurne    deurne
  d  an anonymous chat               -          chat     -                   -         no district
Outside the day: one on 9 March.
"""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from loket.accounts.models import Role, User
from loket.cases.models import Case
from loket.catalogue.models import Level, Service, Topic
from loket.citizens.models import Citizen, ContactMoment
from loket.organisation.models import District, Location

BRUSSELS = ZoneInfo("Europe/Brussels")
DAY = dt.date(2026, 3, 10)
_numbers = itertools.count(1)


def at(hhmm: str, day: dt.date = DAY) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BRUSSELS)


def make_case(when: dt.datetime, channel: str, service=None, location_district=None, district=None) -> Case:
    case = Case.objects.create(
        reference=f"TST-2026-{next(_numbers):06d}",
        kind="request",
        title="Testzaak",
        status="received",
        channel=channel,
        service=service,
        topic=service.topic if service else None,
        location_district=location_district,
        district=district,
    )
    Case.objects.filter(pk=case.pk).update(created_at=when)  # created_at is set on insert
    return case


def make_moment(when: dt.datetime, channel: str, service=None, citizen=None, location=None) -> ContactMoment:
    return ContactMoment.objects.create(
        at=when,
        channel=channel,
        service=service,
        topic=service.topic if service else None,
        citizen=citizen,
        location=location,
        outcome=ContactMoment.Outcome.ANSWERED,
    )


@pytest.fixture
def services(antwerp):
    identity = Topic.objects.create(slug="identiteit", name="Identiteit", level=Level.CITY)
    traffic = Topic.objects.create(slug="verkeer", name="Verkeer", level=Level.CITY)
    return {
        "eid": Service.objects.create(slug="eid", name="Identiteitskaart", topic=identity),
        "rijbewijs": Service.objects.create(slug="rijbewijs", name="Rijbewijs", topic=traffic),
    }


@pytest.fixture
def districts(antwerp) -> dict[str, District]:
    return {d.slug: d for d in District.objects.filter(slug__in=["berchem", "deurne"])}


@pytest.fixture
def period(services, districts):
    eid, licence = services["eid"], services["rijbewijs"]
    berchem, deurne = districts["berchem"], districts["deurne"]
    make_case(at("09:00"), "online", eid, location_district=berchem)
    make_case(at("10:00"), "online", eid, district=berchem)
    make_case(at("11:00"), "phone", eid, location_district=deurne, district=berchem)
    make_case(at("12:00"), "counter", licence, location_district=berchem)
    make_case(at("13:00"), "email")
    make_case(at("23:30"), "online", eid, location_district=deurne)
    make_case(at("00:10", DAY + dt.timedelta(days=1)), "online", eid, location_district=berchem)
    make_case(at("09:00", DAY + dt.timedelta(days=2)), "online", eid, location_district=berchem)

    user = User.objects.create_user(username="burger-berchem", password=None, role=Role.CITIZEN)
    citizen = Citizen.objects.create(user=user, district=berchem)
    deurne_house = Location.objects.filter(district=deurne).order_by("pk").first()
    make_moment(at("09:30"), "phone", eid, citizen=citizen)
    make_moment(at("10:30"), "counter", eid, citizen=citizen, location=deurne_house)
    make_moment(at("11:30"), "counter", licence, location=deurne_house)
    make_moment(at("12:30"), "chat")
    make_moment(at("12:30", DAY - dt.timedelta(days=1)), "phone", eid, citizen=citizen)
    return {**services, **districts}


@pytest.fixture
def manager_client(client, make_user):
    client.force_login(make_user(Role.MANAGER))
    return client
