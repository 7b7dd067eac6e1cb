"""Train the report category suggestion model; each run writes the next version. Safe to re-run."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from loket.reports.suggestion.store import PACKAGED, model_dir, model_write
from loket.reports.suggestion.training import csv_codes, model_train


class Command(BaseCommand):
    help = (
        "Traint de categoriesuggestie op suggestion/examples.csv en op elke melding waarvan een behandelaar de "
        "categorie bevestigde of verbeterde; meet top-1 en top-3 op suggestion/examples_test.csv en schrijft "
        "report-categories-v<N>.json (N = hoogste versie + 1) in REPORTS_SUGGEST_MODEL_DIR (standaard "
        "<VAR_DIR>/models). De nieuwste versie is meteen in gebruik. Opnieuw draaien kan altijd."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Train en meet, maar schrijf niets weg.")
        parser.add_argument(
            "--without-reports", action="store_true", help="Enkel de voorbeelden, geen bevestigde meldingen."
        )
        parser.add_argument(
            "--min-top1",
            type=float,
            default=0.0,
            help="Schrijf het model niet weg als top-1 op het testbestand lager is (0 tot 1; standaard 0).",
        )
        parser.add_argument(
            "--packaged",
            action="store_true",
            help="Schrijf het meegeleverde model (suggestion/model.json), enkel uit de voorbeelden (ontwikkelaars).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        minimum = options["min_top1"]
        if not 0.0 <= minimum <= 1.0:
            raise CommandError("--min-top1 moet tussen 0 en 1 liggen.")
        packaged = options["packaged"]
        with_reports = not (options["without_reports"] or packaged)
        if not with_reports:
            self.stdout.write("Bevestigde meldingen overgeslagen (--without-reports of --packaged).")

        def log(line: str) -> None:
            self.stdout.write(f"    {line}")

        self.stdout.write("[1/3] Voorbeelden verzamelen en trainen …")
        try:
            document, data = model_train(codes=csv_codes() if packaged else None, with_reports=with_reports, log=log)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if data.skipped:
            self.stdout.write("    overgeslagen:")
            for reason, count in sorted(data.skipped.items()):
                self.stdout.write(f"      {count}x {reason}")
        else:
            self.stdout.write("    niets overgeslagen")

        metrics = document["metrics"]
        self.stdout.write(
            f"[2/3] Testbestand ({metrics['test_size']} teksten, nooit in de training): "
            f"top-1 {metrics['top1']:.1%}, top-3 {metrics['top3']:.1%}"
        )
        if metrics["top1"] is not None and metrics["top1"] < minimum:
            raise CommandError(f"Top-1 {metrics['top1']:.1%} ligt onder --min-top1 {minimum:.1%}: niets geschreven.")

        if options["dry_run"]:
            self.stdout.write("[3/3] Proefdraai: niets geschreven.")
            return
        if packaged:
            document = {**document, "version": 0}
            PACKAGED.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
            self.stdout.write(f"[3/3] Meegeleverd model geschreven: {PACKAGED}")
            return
        version, path = model_write(document)
        self.stdout.write(f"[3/3] Versie {version} geschreven: {path} (in {model_dir()}; de nieuwste versie geldt)")
