"""How the cleanup commands (``requests_cleanup``, ``attachments_cleanup``, ``consultations_cleanup``,
``correspondence_cleanup``) tell the outcome of an orphan sweep, so they all read the same."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from loket.cases.orphans import OrphanReport


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
