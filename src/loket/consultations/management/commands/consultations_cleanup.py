"""Remove stored agenda documents that no agenda item names any more. Safe to run again."""

from __future__ import annotations

from loket.cases.management.orphans import OrphanSweepCommand
from loket.cases.orphans import OrphanReport
from loket.consultations.cleanup import DOCUMENTS_PREFIX, document_orphans_remove


class Command(OrphanSweepCommand):
    help = (
        "Verwijdert bestanden onder consultations/ waar geen document bij een agendapunt naar verwijst en die "
        "ouder zijn dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )
    prefix = DOCUMENTS_PREFIX
    owner = "document bij een agendapunt"

    def sweep(self, *, dry_run: bool) -> OrphanReport:
        return document_orphans_remove(dry_run=dry_run)
