"""Human-readable case references: ``<PREFIX>-<YEAR>-<6 digits>``, without duplicates or gaps.

The counter row for (prefix, year) is locked and raised inside the SAME transaction that
inserts the case. If that transaction rolls back, the raise rolls back with it, so no number
is ever lost; a concurrent writer waits for the lock and so never gets the same number.

- PostgreSQL: ``SELECT … FOR UPDATE`` takes a row lock. The row for a new year is created with
  ``INSERT … ON CONFLICT DO NOTHING`` (``bulk_create(ignore_conflicts=True)``), which waits for a
  concurrent inserter and then does nothing, so two first writers of a year never collide.
- SQLite: ``FOR UPDATE`` does not exist, but the settings open every transaction with
  ``BEGIN IMMEDIATE``: writers are serialized at BEGIN and the read-then-write is safe.
"""

from __future__ import annotations

from django.db import connection

from loket.cases.models import ReferenceCounter

DIGITS = 6


def reference_format(*, prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:0{DIGITS}d}"


def _locked_counter(*, prefix: str, year: int) -> ReferenceCounter | None:
    return ReferenceCounter.objects.select_for_update().filter(prefix=prefix, year=year).first()


def reference_next(*, prefix: str, year: int) -> str:
    """Issue the next reference for ``prefix`` in ``year``; call inside the case's transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError("reference_next must run inside the transaction that inserts the case")
    counter = _locked_counter(prefix=prefix, year=year)
    if counter is None:
        ReferenceCounter.objects.bulk_create(
            [ReferenceCounter(prefix=prefix, year=year, last=0)], ignore_conflicts=True
        )
        counter = _locked_counter(prefix=prefix, year=year)
        assert counter is not None
    counter.last += 1
    if counter.last >= 10**DIGITS:
        raise OverflowError(f"reference counter {prefix}-{year} is exhausted")
    counter.save(update_fields=["last"])
    return reference_format(prefix=prefix, year=year, number=counter.last)
