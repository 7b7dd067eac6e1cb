"""Clean up the e-loket: expired drafts with their documents, and stray draft files. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from loket.cases.management.orphans import orphan_report_write
from loket.requests.cleanup import DRAFT_FILES, DRAFTS_PREFIX, drafts_expire, expiry_days


class Command(BaseCommand):
    help = (
        "Verwijdert concept-aanvragen die langer dan LOKET_DRAFT_EXPIRY_DAYS dagen niet gewijzigd zijn (met hun "
        "documenten), en bestanden onder drafts/ waar geen concept meer naar verwijst. Opnieuw draaien kan altijd."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Toon wat weg zou gaan, verwijder niets.")
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=None,
            help="Concepten die zoveel dagen niet gewijzigd zijn vervallen (standaard LOKET_DRAFT_EXPIRY_DAYS, 30).",
        )
        parser.add_argument("--skip-drafts", action="store_true", help="Laat de concepten met rust.")
        parser.add_argument("--skip-orphans", action="store_true", help="Laat de losse bestanden met rust.")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["older_than_days"]
        if days is not None and days < 1:
            raise CommandError("--older-than-days moet minstens 1 zijn.")
        dry_run = options["dry_run"]
        verb = "zou verwijderen" if dry_run else "verwijderd"
        if dry_run:
            self.stdout.write("Proefdraai: er wordt niets verwijderd.")

        if options["skip_drafts"]:
            self.stdout.write("[1/2] Concepten overgeslagen (--skip-drafts).")
        else:
            days = expiry_days() if days is None else days
            self.stdout.write(f"[1/2] Concepten die {days} dagen niet gewijzigd zijn …")
            expired = drafts_expire(older_than_days=days, dry_run=dry_run)
            cutoff = timezone.localtime(expired.cutoff)
            self.stdout.write(
                f"    {expired.drafts} concepten {verb} (laatst gewijzigd voor {cutoff:%d-%m-%Y %H:%M}), "
                f"met {expired.files} documenten"
            )

        if options["skip_orphans"]:
            self.stdout.write("[2/2] Losse bestanden overgeslagen (--skip-orphans).")
        else:
            self.stdout.write(f"[2/2] Bestanden onder {DRAFTS_PREFIX}/ waar geen concept naar verwijst …")
            orphan_report_write(self, DRAFT_FILES.orphans_remove(dry_run=dry_run), owner="een concept")
        self.stdout.write(self.style.SUCCESS("Klaar."))
