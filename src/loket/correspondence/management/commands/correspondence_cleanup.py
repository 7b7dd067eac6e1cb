"""Remove stored letter files (PDFs and attachments) that no letter names any more. Safe to run again."""

from __future__ import annotations

from loket.cases.management.orphans import OrphanSweepCommand
from loket.cases.orphans import OrphanReport
from loket.correspondence.cleanup import LETTERS_PREFIX, letter_orphans_remove


class Command(OrphanSweepCommand):
    help = (
        "Verwijdert bestanden onder letters/ waar geen brief of bijlage bij een brief naar verwijst en die "
        "ouder zijn dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )
    prefix = LETTERS_PREFIX
    owner = "brief of bijlage bij een brief"

    def sweep(self, *, dry_run: bool) -> OrphanReport:
        return letter_orphans_remove(dry_run=dry_run)
