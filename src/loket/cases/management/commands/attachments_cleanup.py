"""Remove stored attachment files that no case attachment names any more. Safe to run again."""

from __future__ import annotations

from loket.cases.attachments import ATTACHMENTS_PREFIX, attachment_orphans_remove
from loket.cases.management.orphans import OrphanSweepCommand
from loket.cases.orphans import OrphanReport


class Command(OrphanSweepCommand):
    help = (
        "Verwijdert bestanden onder attachments/ waar geen bijlage van een zaak naar verwijst en die ouder zijn "
        "dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )
    prefix = ATTACHMENTS_PREFIX
    owner = "bijlage van een zaak"

    def sweep(self, *, dry_run: bool) -> OrphanReport:
        return attachment_orphans_remove(dry_run=dry_run)
