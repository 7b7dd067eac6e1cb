"""Import works on the public domain from a GIPOD-style GeoJSON file or a CSV. Safe to run again."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from loket.works.importing import ImportFileError, works_import_file

HELP = """Importeert werken op het openbaar domein uit een bestand. Opnieuw draaien kan altijd: een werk
wordt herkend aan (bron, id) en enkel bijgewerkt als er iets veranderde. Werken die niet in het
bestand staan, blijven ongemoeid.

GeoJSON (.geojson of .json): een FeatureCollection zoals GIPOD ze publiceert. Per feature een
geometrie (Point, LineString, Polygon of hun Multi-vorm, WGS84 [lengtegraad, breedtegraad]) en
properties: id (of gipodId, of het id van de feature), title, description, kind (works,
groundworks, event, occupation of werken/grondwerken/evenement/andere inname), status (planned,
in_progress, done, cancelled of gepland/in uitvoering/afgerond/geannuleerd), groundwork_category
(1-3), start en end (JJJJ-MM-DD of een ISO-tijdstip), owner, contractor, contact_name,
contact_phone, contact_email (of contact: {name, phone, email}), url, address; hindrances: een
lijst van {severe, description, start, end, consequences: {vervoerswijze: gevolg}} met
vervoerswijzen pedestrians, cyclists, cars, trucks, public_transport en gevolgen none, slowed,
narrowed, one_way, closed; diversions: een lijst van {description, modes, geometry}.

CSV (.csv, UTF-8, scheidingsteken komma of puntkomma, eerste regel de kolomnamen): dezelfde namen
als kolommen (verplicht: id of external_id, title, start, end, owner, geometry). De kolom geometry
bevat WKT ("POLYGON ((4.40 51.21, ...))") of GeoJSON. Eén hinder per regel met severe_hindrance
(ja/nee), hindrance_description, hindrance_consequences ("cars:closed; cyclists:narrowed"),
hindrance_start, hindrance_end; één omleiding met diversion en diversion_modes ("cars trucks").

Overgeslagen (met de reden): een verplicht veld ontbreekt, een ongeldige geometrie of datum, een
einddatum voor de begindatum, een onbekende soort of status, het midden buiten de stad, een id dat
twee keer voorkomt.

Voorbeelden: src/loket/works/data/example-works.geojson en example-works.csv."""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        from argparse import RawDescriptionHelpFormatter

        kwargs["formatter_class"] = RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Het bestand: .geojson, .json of .csv.")
        parser.add_argument(
            "--source", default="gipod", help="De bron van de id's in het bestand (standaard gipod, max. 20 tekens)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Alles nakijken en tellen, niets bewaren.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["source"].strip()
        if not source or len(source) > 20:
            raise CommandError("--source moet 1 tot 20 tekens lang zijn.")
        dry_run = options["dry_run"]
        started = time.monotonic()
        if dry_run:
            self.stdout.write("Proefdraai: er wordt niets bewaard.")
        self.stdout.write(f"Werken inlezen uit {options['file']} (bron {source}) …")
        try:
            result = works_import_file(
                path=options["file"],
                source=source,
                dry_run=dry_run,
                progress=lambda done, total: self.stdout.write(f"    {done}/{total} verwerkt"),
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{result.total} records: {result.created} nieuw, {result.updated} bijgewerkt, "
            f"{result.unchanged} ongewijzigd, {len(result.skipped)} overgeslagen "
            f"(klaar in {time.monotonic() - started:.1f} s)."
        )
        if result.notices:
            self.stdout.write(f"{result.notices} berichten voor abonnees in de buurt van nieuwe werken klaargezet.")
        if result.skipped:
            self.stdout.write("Overgeslagen:")
            for label, reason in result.skipped:
                self.stdout.write(f"    {label}: {reason}")
        if dry_run:
            self.stdout.write("Proefdraai: niets bewaard.")
