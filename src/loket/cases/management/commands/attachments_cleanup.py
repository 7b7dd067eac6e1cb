"""Remove stored attachment files that no case attachment names any more. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from loket.cases.attachments import ATTACHMENTS_PREFIX, attachment_orphans_remove
from loket.cases.management.orphans import orphan_report_write


class Command(BaseCommand):
    help = (
        "Verwijdert bestanden onder attachments/ waar geen bijlage van een zaak naar verwijst en die ouder zijn "
        "dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Toon wat weg zou gaan, verwijder niets.")

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        if dry_run:
            self.stdout.write("Proefdraai: er wordt niets verwijderd.")
        self.stdout.write(f"[1/1] Bestanden onder {ATTACHMENTS_PREFIX}/ waar geen bijlage naar verwijst …")
        report = attachment_orphans_remove(dry_run=dry_run)
        orphan_report_write(self, report, owner="een bijlage van een zaak")
        self.stdout.write(self.style.SUCCESS("Klaar."))
