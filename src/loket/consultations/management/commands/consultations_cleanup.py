"""Remove stored agenda documents that no agenda item names any more. Safe to run again."""

from __future__ import annotations

from loket.cases.management.orphans import OrphanSweepCommand
from loket.consultations.cleanup import DOCUMENT_FILES


class Command(OrphanSweepCommand):
    help = (
        "Verwijdert bestanden onder consultations/ waar geen document bij een agendapunt naar verwijst en die "
        "ouder zijn dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )
    files = DOCUMENT_FILES
    owner = "document bij een agendapunt"
