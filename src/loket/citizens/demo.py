"""Demo citizens: a profile for the demo user ``citizen`` (Berchem) and 20 fictional citizens.

Every national number is valid (computed with its check digits), every phone number fictional.
The fictional citizens cannot log in (unusable password). Idempotent: keyed on usernames.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from loket.accounts.models import Role, User
from loket.citizens.keys import search_key
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.national import national_number_make
from loket.citizens.services import citizen_district

ORDER = 45

# username, first, last, (year, month, day, serial), phone, street, number, postcode, digital help
CITIZENS: list[tuple[str, str, str, tuple[int, int, int, int], str, str, str, str, bool]] = [
    ("citizen", "Jan", "Janssens", (1985, 7, 30, 33), "+3232001001", "Statiestraat", "12", "2600", False),
    ("burger-01", "Fatima", "El Idrissi", (1979, 2, 14, 122), "+32470000101", "Turnhoutsebaan", "80", "2140", False),
    ("burger-02", "Luc", "Vermeulen", (1948, 11, 3, 57), "+3232001002", "Kerkstraat", "4", "2100", True),
    ("burger-03", "Sarah", "De Smet", (2001, 5, 9, 14), "+32470000103", "Groenplaats", "1", "2000", False),
    ("burger-04", "Mohamed", "Benali", (1990, 0, 0, 301), "+32470000104", "Bredabaan", "300", "2170", False),
    ("burger-05", "Marie", "Claes", (1955, 6, 21, 88), "+3232001005", "Bisschoppenhoflaan", "50", "2100", True),
    ("burger-06", "Tom", "Wouters", (1987, 9, 30, 205), "+32470000106", "Boomsesteenweg", "12", "2610", False),
    ("burger-07", "Emma", "Jacobs", (2004, 1, 17, 42), "+32470000107", "Abdijstraat", "20", "2020", False),
    ("burger-08", "Yusuf", "Kaya", (1972, 12, 5, 11), "+3232001008", "Lange Lobroekstraat", "7", "2060", False),
    ("burger-09", "Lotte", "Mertens", (1999, 4, 1, 66), "+32470000109", "Ringlaan", "33", "2180", False),
    ("burger-10", "Pieter", "Goossens", (1962, 8, 8, 123), "+3232001010", "Hoboken Kioskplaats", "2", "2660", True),
    ("burger-11", "Nora", "Van Damme", (1983, 3, 28, 250), "+32470000111", "Driehoekstraat", "9", "2180", False),
    ("burger-12", "Ahmed", "Amrani", (1995, 10, 12, 77), "+32470000112", "Statiestraat", "40", "2600", False),
    ("burger-13", "Ilse", "Peeters", (1970, 7, 7, 90), "+3232001013", "Grotesteenweg", "150", "2600", False),
    ("burger-14", "Kevin", "Hermans", (2002, 2, 2, 5), "+32470000114", "Schijnpoortweg", "60", "2060", False),
    ("burger-15", "Ana", "Silva", (1988, 6, 15, 404), "+32470000115", "Merksemsesteenweg", "10", "2100", False),
    ("burger-16", "Jef", "Van Looy", (1940, 1, 1, 3), "+3232001016", "Oudaan", "5", "2000", True),
    ("burger-17", "Hanne", "Maes", (1993, 11, 20, 166), "+32470000117", "Ekersestraat", "15", "2180", False),
    ("burger-18", "Olga", "Kowalski", (1981, 5, 5, 212), "+32470000118", "Kapelsestraat", "3", "2170", False),
    ("burger-19", "Bram", "De Wit", (2006, 9, 9, 21), "+32470000119", "Sint-Bernardsesteenweg", "400", "2660", False),
    ("burger-20", "Ines", "Dubois", (1976, 4, 30, 310), "+3232001020", "Berchemstadionstraat", "1", "2600", False),
]

# (username, days ago, channel, outcome, seconds, notes)
MOMENTS = [
    ("citizen", 12, "phone", "answered", 180, "Vraag over de openingsuren van het districtshuis."),
    ("citizen", 3, "counter", "request_started", 600, "Aanvraag parkeerkaart gestart aan de balie."),
    ("burger-02", 5, "phone", "callback", 240, "Wil teruggebeld worden over een premie."),
    ("burger-05", 2, "counter", "answered", 420, "Hulp bij het e-loket."),
    ("burger-10", 1, "phone", "appointment_booked", 300, "Afspraak voor een identiteitskaart gemaakt."),
    ("burger-16", 8, "email", "handed_over", 0, "Vraag doorgegeven aan de backoffice burgerzaken."),
]


def load(*, log: Callable[[str], None]) -> None:
    created = 0
    unusable = make_password(None)
    for username, first, last, born, phone, street, number, postcode, help_ in CITIZENS:
        year, month, day, serial = born
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create(
                username=username,
                first_name=first,
                last_name=last,
                role=Role.CITIZEN,
                password=unusable,
                email=f"{username}@demo.invalid",
                is_demo=True,
            )
        _citizen, was_created = Citizen.objects.update_or_create(
            user=user,
            defaults={
                "national_number": national_number_make(year=year, month=month, day=day, serial=serial),
                "phone": phone,
                "street": street,
                "number": number,
                "postcode": postcode,
                "district": citizen_district(street=street, number=number, postcode=postcode),
                "needs_digital_help": help_,
                "first_name_key": search_key(user.first_name),
                "last_name_key": search_key(user.last_name),
                "email_key": (user.email or "").lower(),
            },
        )
        created += was_created
    citizens = {
        c.user.username: c
        for c in Citizen.objects.select_related("user").filter(user__username__in=[row[0] for row in MOMENTS])
    }
    staff = User.objects.filter(username="agent").first()
    today = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    moments = 0
    for username, days_ago, channel, outcome, seconds, notes in MOMENTS:
        _moment, was_created = ContactMoment.objects.get_or_create(
            citizen=citizens[username],
            notes=notes,
            defaults={
                "channel": channel,
                "outcome": outcome,
                "duration_seconds": seconds,
                "staff": staff,
                "at": today - dt.timedelta(days=days_ago),
            },
        )
        moments += was_created
    log(f"burgers: {created} profielen aangemaakt ({len(CITIZENS)} in totaal), {moments} contactmomenten")
