"""How the cleanup commands (``requests_cleanup``, ``attachments_cleanup``, ``consultations_cleanup``,
``correspondence_cleanup``) tell the outcome of an orphan sweep, so they all read the same; the
last three are an ``OrphanSweepCommand`` that names its app's ``StoredFiles`` and their owner."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from loket.cases.orphans import OrphanReport, StoredFiles


def orphan_report_write(command: BaseCommand, report: OrphanReport, *, owner: str) -> None:
    """Write what was removed and what was skipped and why; raise ``CommandError`` when a file failed.

    ``owner`` names what keeps a file in use, in Dutch ("een concept", "een bijlage van een zaak").
    """
    verb = "zou verwijderen" if report.dry_run else "verwijderd"
    hours = int(report.grace.total_seconds() // 3600)
    command.stdout.write(f"    {report.checked} bestanden bekeken, {len(report.removed)} {verb}")
    for name in report.removed:
        command.stdout.write(f"    - {name}")
    command.stdout.write(f"    overgeslagen: {report.referenced} in gebruik door {owner}")
    command.stdout.write(
        f"    overgeslagen: {report.young} jonger dan {hours} uur (misschien een upload die nog bezig is)"
    )
    if report.failed:
        for name in report.failed:
            command.stderr.write(f"    niet gelukt (zie het logboek): {name}")
        raise CommandError(f"{len(report.failed)} bestanden konden niet verwijderd worden.")


class OrphanSweepCommand(BaseCommand):
    """A command that runs one app's orphan sweep, with ``--dry-run``; a subclass sets ``help``,
    ``files`` (the app's ``StoredFiles``) and ``owner`` (what keeps a file in use, in Dutch)."""

    files: StoredFiles
    owner: str

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Toon wat weg zou gaan, verwijder niets.")

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = options["dry_run"]
        if dry_run:
            self.stdout.write("Proefdraai: er wordt niets verwijderd.")
        self.stdout.write(f"[1/1] Bestanden onder {self.files.prefix}/ waar geen {self.owner} naar verwijst …")
        orphan_report_write(self, self.files.orphans_remove(dry_run=dry_run), owner=f"een {self.owner}")
        self.stdout.write(self.style.SUCCESS("Klaar."))
