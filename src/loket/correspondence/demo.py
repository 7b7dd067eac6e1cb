"""Demo letters between Berchem, Deurne and the city: one awaiting a reply, one late, one answered.

Idempotent: a letter is recognised by its subject; nothing is written when it is there already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from loket.accounts.models import User
from loket.correspondence.models import Letter
from loket.correspondence.services import letter_register

ORDER = 70

# subject, sender, recipients, days ago, reply days (None: no reply expected), answered by (subject)
LETTERS: list[tuple[str, str, list[str], int, int | None, str | None]] = [
    (
        "Vraag om advies over de heraanleg van het Kiel-plein",
        "district_executive:berchem",
        ["city_service:stad-mobiliteit"],
        3,
        20,
        None,
    ),
    (
        "Bezwaar tegen de timing van de rioleringswerken in de Turnhoutsebaan",
        "district_council:deurne",
        ["city_college", "city_service:stad-water"],
        40,
        15,
        None,
    ),
    (
        "Subsidiereglement voor buurtfeesten 2027",
        "city_college",
        ["district_executive:berchem", "district_coordinator:berchem"],
        25,
        10,
        "Antwoord: subsidiereglement voor buurtfeesten 2027",
    ),
]


def load(log: Callable[[str], None] = print) -> None:
    helpdesk = User.objects.filter(username="helpdesk").first()
    if helpdesk is None:
        log("correspondentie: overgeslagen, de demogebruiker 'helpdesk' ontbreekt (laad eerst accounts)")
        return
    today = timezone.localdate()
    created = 0
    for subject, sender, recipients, days_ago, reply_days, reply_subject in LETTERS:
        letter = Letter.objects.filter(subject=subject).first()
        if letter is None:
            letter = letter_register(
                actor=helpdesk,
                sender=sender,
                recipients=recipients,
                subject=subject,
                letter_date=today - dt.timedelta(days=days_ago),
                body=f"Geachte,\n\n{subject}.\n\nMet vriendelijke groeten.",
                reply_expected=reply_days is not None,
                reply_days=reply_days,
            )
            created += 1
        if reply_subject and not Letter.objects.filter(subject=reply_subject).exists():
            letter_register(
                actor=helpdesk,
                sender=recipients[0],
                recipients=[sender],
                subject=reply_subject,
                letter_date=today - dt.timedelta(days=max(days_ago - 7, 0)),
                body="Geachte,\n\nHet districtscollege gaat akkoord met het ontwerp.\n\nMet vriendelijke groeten.",
                in_reply_to=letter,
            )
            created += 1
    log(f"correspondentie: {created} brieven aangemaakt, {len(LETTERS) + 1 - created} waren er al")
