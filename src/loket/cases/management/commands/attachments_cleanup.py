"""Remove stored attachment files that no case attachment names any more. Safe to run again."""

from __future__ import annotations

from loket.cases.attachments import ATTACHMENT_FILES
from loket.cases.management.orphans import OrphanSweepCommand


class Command(OrphanSweepCommand):
    help = (
        "Verwijdert bestanden onder attachments/ waar geen bijlage van een zaak naar verwijst en die ouder zijn "
        "dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )
    files = ATTACHMENT_FILES
    owner = "bijlage van een zaak"
