"""Stray stored files: a file under an app's prefix that no row names is removed once it is old.

An app stores an upload first and commits the row that names it after; a transaction that rolls
back, or a worker that dies in between, leaves a file that no row names and that is never served.
``orphan_files_remove`` lists the files under one prefix in the default storage (local disk or S3,
through Django's storage API) and removes those that the app's ``named`` lookup does not know and
that are older than ``grace``. A younger file may be an upload whose row is not committed yet: it
is kept and counted as young. Stored names are random and never reused, so a file that is old and
unreferenced stays that way; a second run finds nothing more to do.

Each app declares its files once as ``StoredFiles`` — the prefix and the model fields that name
them (``requests.cleanup.DRAFT_FILES``, ``cases.attachments.ATTACHMENT_FILES``,
``consultations.cleanup.DOCUMENT_FILES``, ``correspondence.cleanup.LETTER_FILES``) — and its nightly
job and command run ``StoredFiles.orphans_remove``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

logger = logging.getLogger(__name__)

ORPHAN_GRACE = dt.timedelta(hours=24)
BATCH = 500


@dataclass
class OrphanReport:
    prefix: str = ""  # the folder in storage that was looked through
    grace: dt.timedelta = ORPHAN_GRACE  # files younger than this were kept
    checked: int = 0  # files found under the prefix
    removed: list[str] = field(default_factory=list)  # (or, in a dry run, that would be)
    referenced: int = 0  # kept: a row names it
    young: int = 0  # kept: younger than the grace period, may be an upload in flight
    failed: list[str] = field(default_factory=list)  # storage refused to delete or to date it
    dry_run: bool = False

    def counts(self) -> dict[str, int]:
        """What a nightly job returns (and Huey logs)."""
        return {"orphan_files_removed": len(self.removed), "orphan_files_failed": len(self.failed)}


@dataclass(frozen=True)
class StoredFiles:
    """Where an app stores files, and the model fields whose rows name them."""

    prefix: str
    fields: tuple[tuple[type[models.Model], str], ...]

    def named(self, names: list[str]) -> set[str]:
        """The names among ``names`` that a row of one of the fields still holds."""
        found: set[str] = set()
        for model, name_field in self.fields:
            rows = model._default_manager.filter(**{f"{name_field}__in": names}).values_list(name_field, flat=True)
            found.update(str(name) for name in rows)
        return found

    def orphans_remove(
        self, *, dry_run: bool = False, now: dt.datetime | None = None, grace: dt.timedelta = ORPHAN_GRACE
    ) -> OrphanReport:
        """Remove the files under the prefix that no row names and that are older than ``grace``."""
        return orphan_files_remove(prefix=self.prefix, named=self.named, dry_run=dry_run, now=now, grace=grace)


def stored_files(directory: str) -> Iterator[str]:
    """Every file name under ``directory`` in the default storage (local disk or S3), depth first."""
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}"
    for sub in sorted(directories):
        yield from stored_files(f"{directory}/{sub}")


def orphan_files_remove(
    *,
    prefix: str,
    named: Callable[[list[str]], set[str]],
    dry_run: bool = False,
    now: dt.datetime | None = None,
    grace: dt.timedelta = ORPHAN_GRACE,
) -> OrphanReport:
    """Remove the files under ``prefix`` that ``named`` does not return and that are older than ``grace``.

    ``named`` gets a batch of stored names (at most ``BATCH``) and answers the ones a row still names.
    """
    prefix = prefix.strip("/")
    if not prefix:
        raise ValueError("prefix must name a folder: the whole storage is never swept")
    born_before = (now or timezone.now()) - grace
    report = OrphanReport(prefix=prefix, grace=grace, dry_run=dry_run)
    batch: list[str] = []
    for name in stored_files(prefix):
        report.checked += 1
        batch.append(name)
        if len(batch) == BATCH:
            _orphans_handle(batch, named, report, born_before)
            batch = []
    if batch:
        _orphans_handle(batch, named, report, born_before)
    return report


def _orphans_handle(
    names: list[str], named: Callable[[list[str]], set[str]], report: OrphanReport, born_before: dt.datetime
) -> None:
    # The age is read first, the references after: an upload whose row commits in between is young.
    old: list[str] = []
    for name in names:
        try:
            modified = default_storage.get_modified_time(name)
        except FileNotFoundError:  # deleted meanwhile (its row removed or its file replaced)
            report.checked -= 1
            continue
        except Exception:
            logger.warning("could not date stored file %s", name, exc_info=True)
            report.failed.append(name)
            continue
        if timezone.is_naive(modified):
            modified = timezone.make_aware(modified, dt.UTC)
        if modified >= born_before:
            report.young += 1
        else:
            old.append(name)
    kept = named(old) if old else set()
    for name in old:
        if name in kept:
            report.referenced += 1
            continue
        if not report.dry_run:
            try:
                default_storage.delete(name)
            except Exception:
                logger.warning("could not delete orphan file %s", name, exc_info=True)
                report.failed.append(name)
                continue
        report.removed.append(name)
