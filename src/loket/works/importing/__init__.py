"""Importing works from a file (GIPOD's GeoJSON or a CSV): idempotent by (source, external id).

Every record becomes one of: created, updated (something changed), unchanged, or skipped with
the reason (a required field missing, an invalid geometry, an end before the start, outside
the city, …). The whole import is one transaction; a dry run does all the work and rolls back.
Subscribers near a newly created work get a notice (``notices.notices_queue_for_works``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from loket.organisation.models import District
from loket.works.importing.readers import ImportFileError, RawRecord, read_records
from loket.works.importing.records import Skip, WorkRecord, parse_record
from loket.works.models import Diversion, Hindrance, Work
from loket.works.notices import notices_queue_for_works
from loket.works.services import work_locate, work_place

__all__ = ["ImportFileError", "ImportResult", "works_import", "works_import_file"]

BATCH = 500


@dataclass
class ImportResult:
    total: int = 0
    created_ids: list[int] = field(default_factory=list)
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where in the file, why)
    dry_run: bool = False
    notices: int = 0  # notices queued for subscribers near the new works

    @property
    def created(self) -> int:
        return len(self.created_ids)


def works_import_file(
    *, path: str, source: str = "gipod", dry_run: bool = False, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Import a .geojson/.json or .csv file; ImportFileError when the file cannot be read."""
    _format, records = read_records(path)
    return works_import(records=records, source=source, dry_run=dry_run, progress=progress)


@transaction.atomic
def works_import(
    *,
    records: Sequence[RawRecord],
    source: str = "gipod",
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    result = ImportResult(total=len(records), dry_run=dry_run)
    seen: dict[str, str] = {}
    for first in range(0, len(records), BATCH):
        batch = records[first : first + BATCH]
        parsed: list[tuple[RawRecord, WorkRecord, dict[str, Any], District]] = []
        for raw in batch:
            try:
                record = parse_record(raw.data)
                if record.external_id in seen:
                    raise Skip(f"id {record.external_id!r} komt al voor in {seen[record.external_id]}")
                seen[record.external_id] = raw.label
                geometry, district = work_locate(geometry=record.geometry)
                if district is None:
                    raise Skip("ligt buiten de stad (het midden van de geometrie ligt in geen enkel district)")
                parsed.append((raw, record, geometry, district))
            except Skip as skip:
                identifier = raw.data.get("id") or raw.data.get("external_id") or raw.data.get("gipodId")
                label = f"{raw.label} (id {identifier})" if identifier not in (None, "") else raw.label
                result.skipped.append((label, str(skip)))
        existing = _existing(source, [record.external_id for _raw, record, _g, _d in parsed])
        for _raw, record, geometry, district in parsed:
            work = existing.get(record.external_id)
            if work is None:
                result.created_ids.append(_create(source, record, geometry, district).pk)
            elif _same(work, record, geometry, district):
                result.unchanged += 1
            else:
                _update(work, record, geometry, district)
                result.updated += 1
        if progress is not None:
            progress(first + len(batch), len(records))
    if dry_run:
        transaction.set_rollback(True)
    elif result.created_ids:
        # In this transaction: the notices exist exactly when the works do; the mails go after commit.
        result.notices = notices_queue_for_works(work_ids=result.created_ids)
    return result


def _existing(source: str, external_ids: list[str]) -> dict[str, Work]:
    works = Work.objects.filter(source=source, external_id__in=external_ids).prefetch_related(
        Prefetch("hindrances", queryset=Hindrance.objects.order_by("id")),
        Prefetch("diversions", queryset=Diversion.objects.order_by("id")),
    )
    return {work.external_id: work for work in works}


def _create(source: str, record: WorkRecord, geometry: dict[str, Any], district: District) -> Work:
    work = Work(source=source, external_id=record.external_id, **record.fields)
    work_place(work=work, geometry=geometry, district=district)
    work.save()
    _replace_children(work, record)
    return work


def _update(work: Work, record: WorkRecord, geometry: dict[str, Any], district: District) -> None:
    for name, value in record.fields.items():
        setattr(work, name, value)
    work_place(work=work, geometry=geometry, district=district)
    work.save()
    if _hindrance_rows(work) != record.hindrances or _diversion_rows(work) != record.diversions:
        Hindrance.objects.filter(work=work).delete()
        Diversion.objects.filter(work=work).delete()
        _replace_children(work, record)


def _replace_children(work: Work, record: WorkRecord) -> None:
    Hindrance.objects.bulk_create([Hindrance(work=work, **values) for values in record.hindrances])
    Diversion.objects.bulk_create([Diversion(work=work, **values) for values in record.diversions])


def _hindrance_rows(work: Work) -> list[dict[str, Any]]:
    return [
        {
            "severe": hindrance.severe,
            "description": hindrance.description,
            "start_date": hindrance.start_date,
            "end_date": hindrance.end_date,
            "consequences": hindrance.consequences,
        }
        for hindrance in work.hindrances.all()  # type: ignore[attr-defined]
    ]


def _diversion_rows(work: Work) -> list[dict[str, Any]]:
    return [
        {"description": diversion.description, "modes": diversion.modes, "geometry": diversion.geometry}
        for diversion in work.diversions.all()  # type: ignore[attr-defined]
    ]


def _same(work: Work, record: WorkRecord, geometry: dict[str, Any], district: District) -> bool:
    return (
        all(getattr(work, name) == value for name, value in record.fields.items())
        and work.geometry == geometry
        and work.district_id == district.pk  # type: ignore[attr-defined]
        and _hindrance_rows(work) == record.hindrances
        and _diversion_rows(work) == record.diversions
    )
