"""Remove stored letter files (PDFs and attachments) that no letter names any more. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from loket.cases.management.orphans import orphan_report_write
from loket.correspondence.cleanup import LETTERS_PREFIX, letter_orphans_remove


class Command(BaseCommand):
    help = (
        "Verwijdert bestanden onder letters/ waar geen brief of bijlage bij een brief naar verwijst en die "
        "ouder zijn dan 24 uur (een opslag die terugrolde of halverwege stopte). Opnieuw draaien kan altijd."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Toon wat weg zou gaan, verwijder niets.")

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        if dry_run:
            self.stdout.write("Proefdraai: er wordt niets verwijderd.")
        self.stdout.write(f"[1/1] Bestanden onder {LETTERS_PREFIX}/ waar geen brief of bijlage naar verwijst …")
        report = letter_orphans_remove(dry_run=dry_run)
        orphan_report_write(self, report, owner="een brief of een bijlage bij een brief")
        self.stdout.write(self.style.SUCCESS("Klaar."))
