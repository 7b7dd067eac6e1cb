"""Remove stored letter files (PDFs and attachments) that no letter names any more. Safe to run again."""

from __future__ import annotations

from loket.cases.management.orphans import OrphanSweepCommand
from loket.correspondence.cleanup import LETTER_FILES


class Command(OrphanSweepCommand):
    help = (
        "Verwijdert bestanden onder letters/ waar geen brief of bijlage bij een brief naar verwijst en die "
        "ouder zijn dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )
    files = LETTER_FILES
    owner = "brief of bijlage bij een brief"
