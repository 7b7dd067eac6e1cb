"""The Antwerp demo: the city, its ten districts, district houses and counters, teams, streets.

Idempotent: every row is looked up by its slug (or natural key) and only written when it
differs, so a second run reports everything as unchanged. Coordinator names are fictional.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import models
from django.utils.text import slugify

from loket.organisation.geocoding import normalize
from loket.organisation.models import City, District, Location, OpeningException, OpeningHours, Street, Team

ORDER = 10
DATA_DIR = Path(__file__).resolve().parent / "data"

Log = Callable[[str], None]
Hours = list[tuple[int, str, str, bool]]  # weekday, opens, closes, by appointment only

# --- Opening-hour patterns of the counter network "Loket op maat" ------------------------
REGIONAL_HOURS: Hours = [(day, "08:30", "16:00", False) for day in (0, 1, 2, 4)] + [
    (3, "08:30", "19:00", False),  # late evening on Thursday
    (5, "09:00", "12:00", True),  # Saturday morning, by appointment
]


def two_days(first: int, second: int) -> Hours:
    """A counter open about two days a week: walk-in mornings, afternoons by appointment."""
    hours: Hours = []
    for day in (first, second):
        hours += [(day, "08:30", "12:30", False), (day, "13:30", "16:00", True)]
    return hours


SELF_SERVICE_HOURS: Hours = [(day, "08:00", "20:00", False) for day in range(6)]
BORSBEEK_HOURS: Hours = [(day, "09:00", "12:30", False) for day in (0, 2, 4)]

# --- Districts: slug → coordinator (fictional), phone ---------------------------------------
DISTRICT_CONTACTS = {
    "antwerpen": ("Sofie Verbruggen (fictief, demo)", "03 338 10 00"),
    "berchem": ("Jan De Smedt (fictief, demo)", "03 338 20 00"),
    "berendrecht-zandvliet-lillo": ("Karin Van Dyck (fictief, demo)", "03 338 30 00"),
    "borgerhout": ("Youssef El Amrani (fictief, demo)", "03 338 40 00"),
    "borsbeek": ("Lies Mertens (fictief, demo)", "03 338 50 00"),
    "deurne": ("Pieter Claes (fictief, demo)", "03 338 60 00"),
    "ekeren": ("Hilde Wouters (fictief, demo)", "03 338 70 00"),
    "hoboken": ("Tom Jacobs (fictief, demo)", "03 338 80 00"),
    "merksem": ("Nadia Peeters (fictief, demo)", "03 338 90 00"),
    "wilrijk": ("Bart Maes (fictief, demo)", "03 338 95 00"),
}

# slug, name, kind, district, street, number, postcode, lat, lon, regional, hours
LOCATIONS: list[tuple[str, str, str, str, str, str, str, float, float, bool, Hours]] = [
    ("districtshuis-antwerpen", "Districtshuis Antwerpen (Harmonie)", "district_house", "antwerpen",
     "Harmoniepark", "1", "2018", 51.2002, 4.4098, True, REGIONAL_HOURS),
    ("districtshuis-berchem", "Districtshuis Berchem", "district_house", "berchem",
     "Driekoningenstraat", "126", "2600", 51.1929, 4.4233, False, two_days(1, 3)),
    ("districtshuis-berendrecht-zandvliet-lillo", "Districtshuis Berendrecht-Zandvliet-Lillo", "district_house",
     "berendrecht-zandvliet-lillo", "Dorpsstraat", "1", "2040", 51.3430, 4.3150, False, two_days(0, 3)),
    ("districtshuis-borgerhout", "Districtshuis Borgerhout", "district_house", "borgerhout",
     "Moorkensplein", "1", "2140", 51.2137, 4.4393, False, two_days(1, 4)),
    ("districtshuis-borsbeek", "Districtshuis Borsbeek", "district_house", "borsbeek",
     "Jozef Reusensstraat", "2", "2150", 51.1910, 4.4860, False, BORSBEEK_HOURS),
    ("districtshuis-deurne", "Districtshuis Deurne", "district_house", "deurne",
     "Maurice Dequeeckerplein", "1", "2100", 51.2194, 4.4646, True, REGIONAL_HOURS),
    ("districtshuis-ekeren", "Districtshuis Ekeren", "district_house", "ekeren",
     "Veltwijcklaan", "27", "2180", 51.2812, 4.4339, False, two_days(0, 2)),
    ("districtshuis-hoboken", "Districtshuis Hoboken", "district_house", "hoboken",
     "Kioskplaats", "3", "2660", 51.1758, 4.3480, False, two_days(2, 4)),
    ("districtshuis-merksem", "Districtshuis Merksem", "district_house", "merksem",
     "Bredabaan", "298", "2170", 51.2455, 4.4460, True, REGIONAL_HOURS),
    ("districtshuis-wilrijk", "Districtshuis Wilrijk", "district_house", "wilrijk",
     "Bist", "1", "2610", 51.1685, 4.3946, True, REGIONAL_HOURS),
    ("stadsloket-linkeroever", "Stadsloket Linkeroever", "city_counter", "antwerpen",
     "Frederik van Eedenplein", "12", "2050", 51.2225, 4.3878, False, two_days(0, 3)),
    ("zelfbediening-groenplaats", "Zelfbedieningspunt Groenplaats", "self_service", "antwerpen",
     "Groenplaats", "21", "2000", 51.2190, 4.4010, False, SELF_SERVICE_HOURS),
    ("zelfbediening-permeke", "Zelfbedieningspunt Bibliotheek Permeke", "self_service", "antwerpen",
     "De Coninckplein", "25", "2060", 51.2226, 4.4205, False, SELF_SERVICE_HOURS),
    ("zelfbediening-kiel", "Zelfbedieningspunt Kiel", "self_service", "antwerpen",
     "Abdijstraat", "36", "2020", 51.1930, 4.3940, False, SELF_SERVICE_HOURS),
]  # fmt: skip

# Demo closures entered by staff: slug, date, closed, opens, closes, reason
EXCEPTIONS = [
    ("districtshuis-deurne", "2026-12-24", False, "08:30", "12:00", "Kerstavond: enkel in de voormiddag open"),
    ("districtshuis-deurne", "2026-12-31", False, "08:30", "12:00", "Oudejaarsdag: enkel in de voormiddag open"),
    ("districtshuis-borgerhout", "2027-01-07", True, None, None, "Personeelsopleiding"),
]

# slug, name, email, is_specialists
CITY_TEAMS = [
    ("stad-netheid", "Stad: Netheid", "netheid@antwerpen.be", False),
    ("stad-mobiliteit", "Stad: Mobiliteit", "mobiliteit@antwerpen.be", False),
    ("stad-openbare-verlichting", "Stad: Openbare verlichting", "openbareverlichting@antwerpen.be", False),
    ("stad-water", "Stad: Water en riolering", "water@antwerpen.be", False),
    ("stad-ongedierte", "Stad: Ongediertebestrijding", "ongedierte@antwerpen.be", False),
    ("stad-overlast", "Stad: Overlast", "overlast@antwerpen.be", False),
    ("stad-meldpunt", "Stad: Meldpunt", "meldpunt@antwerpen.be", False),
    ("stad-burgerzaken", "Stad: Burgerzaken (bevolking en identiteitsdocumenten)", "burgerzaken@antwerpen.be", False),
    ("stad-stedenbouw", "Stad: Stedenbouw en ruimtelijke planning", "stedenbouw@antwerpen.be", False),
    ("stad-specialisten", "Stad: Centraal team specialisten (tweede lijn)", "specialisten@antwerpen.be", True),
    ("stad-helpdesk", "Helpdesk Binnengemeentelijke Decentralisatie", "helpdesk.bgd@antwerpen.be", False),
    ("stad-contactcenter", "Stedelijk contactcenter", "info@antwerpen.be", False),
]

# suffix, name
DISTRICT_TEAMS = [
    ("publiek-domein", "Publiek domein"),
    ("groen", "Groen"),
    ("evenementen", "Evenementen"),
    ("burgerzaken", "Burgerlijke stand"),
    ("cultuur-jeugd-sport", "Cultuur, jeugd en sport"),
    ("participatie", "Participatie"),
]


def upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> tuple[Any, str]:
    """Create or update one row; write only when something differs. Returns the row and what happened."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return obj, "updated"


WORDS = {"created": "aangemaakt", "updated": "bijgewerkt", "unchanged": "ongewijzigd"}


def report(log: Log, label: str, outcomes: Counter[str]) -> None:
    log(
        f"{label}: {outcomes['created']} aangemaakt, {outcomes['updated']} bijgewerkt, "
        f"{outcomes['unchanged']} ongewijzigd"
    )


def clock(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def load_districts(city: City, log: Log) -> dict[str, District]:
    geojson = json.loads((DATA_DIR / "districts.geojson").read_text(encoding="utf-8"))
    districts: dict[str, District] = {}
    outcomes: Counter[str] = Counter()
    for feature in geojson["features"]:
        props = feature["properties"]
        slug = slugify(props["naam"])
        coordinator, phone = DISTRICT_CONTACTS[slug]
        district, outcome = upsert(
            District,
            {"slug": slug},
            {
                "city": city,
                "name": props["naam"],
                "postcodes": list(props["postcodes"]),
                "boundary": feature["geometry"],
                "valid_from": dt.date.fromisoformat(props["district_sinds"]),
                "valid_until": None,
                "coordinator_name": coordinator,
                "email": f"district.{slug}@antwerpen.be",
                "phone": phone,
                "website": f"https://www.antwerpen.be/district-{slug}",
            },
        )
        districts[slug] = district
        outcomes[outcome] += 1
    report(log, "districten", outcomes)
    return districts


def load_opening_hours(location: Location, hours: Hours) -> str:
    """Replace the weekly pattern only when it differs from the demo's."""
    wanted = sorted((day, clock(opens), clock(closes), appt) for day, opens, closes, appt in hours)
    current = sorted(
        location.opening_hours.values_list("weekday", "opens", "closes", "by_appointment_only")  # type: ignore[attr-defined]
    )
    if current == wanted:
        return "unchanged"
    location.opening_hours.all().delete()  # type: ignore[attr-defined]
    OpeningHours.objects.bulk_create(
        OpeningHours(location=location, weekday=day, opens=opens, closes=closes, by_appointment_only=appt)
        for day, opens, closes, appt in wanted
    )
    return "created" if not current else "updated"


def load_locations(districts: dict[str, District], log: Log) -> None:
    outcomes: Counter[str] = Counter()
    hour_outcomes: Counter[str] = Counter()
    for slug, name, kind, district_slug, street, number, postcode, lat, lon, regional, hours in LOCATIONS:
        district = districts[district_slug]
        location, outcome = upsert(
            Location,
            {"slug": slug},
            {
                "name": name,
                "kind": kind,
                "district": district,
                "street": street,
                "number": number,
                "postcode": postcode,
                "municipality": "Borsbeek" if postcode == "2150" else "Antwerpen",
                "lat": lat,
                "lon": lon,
                "phone": district.phone if kind != Location.Kind.SELF_SERVICE else "",
                "email": district.email if kind != Location.Kind.SELF_SERVICE else "",
                "regional": regional,
                "note": "Loket op maat: regionaal loket met ruimere openingsuren." if regional else "",
            },
        )
        outcomes[outcome] += 1
        hour_outcomes[load_opening_hours(location, hours)] += 1
        if kind == Location.Kind.DISTRICT_HOUSE and district.district_house_id != location.pk:
            district.district_house = location
            district.save(update_fields=["district_house"])
    report(log, "locaties", outcomes)
    report(log, "weekpatronen openingsuren", hour_outcomes)
    exception_outcomes: Counter[str] = Counter()
    for slug, day, closed, opens, closes, reason in EXCEPTIONS:
        _, outcome = upsert(
            OpeningException,
            {"location": Location.objects.get(slug=slug), "date": dt.date.fromisoformat(day)},
            {
                "closed": closed,
                "opens": clock(opens) if opens else None,
                "closes": clock(closes) if closes else None,
                "reason": reason,
            },
        )
        exception_outcomes[outcome] += 1
    report(log, "uitzonderingen op de openingsuren", exception_outcomes)


def load_teams(districts: dict[str, District], log: Log) -> None:
    outcomes: Counter[str] = Counter()
    for slug, name, email, specialists in CITY_TEAMS:
        _, outcome = upsert(
            Team,
            {"slug": slug},
            {"name": name, "level": Team.Level.CITY, "district": None, "email": email, "is_specialists": specialists},
        )
        outcomes[outcome] += 1
    for district_slug, district in districts.items():
        for suffix, name in DISTRICT_TEAMS:
            _, outcome = upsert(
                Team,
                {"slug": f"{district_slug}-{suffix}"},
                {
                    "name": f"{district.name}: {name}",
                    "level": Team.Level.DISTRICT,
                    "district": district,
                    "email": f"{suffix.replace('-', '')}.{district_slug}@antwerpen.be",
                    "is_specialists": False,
                },
            )
            outcomes[outcome] += 1
    report(log, "teams", outcomes)


def load_streets(districts: dict[str, District], log: Log) -> None:
    """194 rows: compared in memory and written in bulk, so the test fixture stays quick."""
    outcomes: Counter[str] = Counter()
    existing = {(street.normalized, street.postcode): street for street in Street.objects.all()}
    to_create, to_update = [], []
    with (DATA_DIR / "streets-district-antwerpen.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (normalize(row["street"]), row["postcode"])
            values = {
                "name": row["street"],
                "district": districts[slugify(row["district"])],
                "street_id": row["street_id"],
            }
            street = existing.get(key)
            if street is None:
                to_create.append(Street(normalized=key[0], postcode=key[1], **values))
                outcomes["created"] += 1
            elif any(getattr(street, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(street, name, value)
                to_update.append(street)
                outcomes["updated"] += 1
            else:
                outcomes["unchanged"] += 1
    Street.objects.bulk_create(to_create)
    Street.objects.bulk_update(to_update, ["name", "district", "street_id"])
    report(log, "straten", outcomes)


def load(*, log: Log) -> None:
    city, outcome = upsert(
        City, {"slug": "antwerpen"}, {"name": "Antwerpen", "phone": "03 22 11 333", "email": "info@antwerpen.be"}
    )
    log(f"stad Antwerpen: {WORDS[outcome]}")
    districts = load_districts(city, log)
    load_locations(districts, log)
    load_teams(districts, log)
    load_streets(districts, log)
