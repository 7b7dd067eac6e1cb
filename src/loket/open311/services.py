"""Writes of the Open311 app: API keys, and a service request filed as a report."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models.expressions import Col
from django.utils import timezone

from loket.open311.models import ApiKey
from loket.reports.models import Report
from loket.reports.services import report_submit

DEMO_API_KEY = "demo-open311-key"
LAST_USED_PRECISION = dt.timedelta(hours=1)


def api_key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@transaction.atomic
def api_key_create(*, name: str, contact: str = "") -> tuple[ApiKey, str]:
    """A new key for a client: (the stored key, the raw key to hand over once)."""
    raw = secrets.token_urlsafe(24)
    key = ApiKey.objects.create(name=name, contact=contact, prefix=raw[:8], key_hash=api_key_hash(raw))
    return key, raw


def _active_key(key_hash: str) -> tuple[int, dt.datetime | None] | None:
    """(id, last used) of the active key with ``key_hash``: a fixed statement, as every POST asks."""
    table = connection.ops.quote_name(ApiKey._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, last_used_at FROM {table} WHERE key_hash = %s AND active", [key_hash])  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        return None
    column = Col(ApiKey._meta.db_table, ApiKey._meta.get_field("last_used_at"))
    last_used = row[1]
    for convert in connection.ops.get_db_converters(column):  # SQLite keeps datetimes as text
        last_used = convert(last_used, column, connection)
    return int(row[0]), last_used


def api_key_valid(raw: str | None) -> bool:
    """Whether ``raw`` is an active key (or, in demo mode only, the public demo key)."""
    if not raw:
        return False
    if raw == DEMO_API_KEY and getattr(settings, "DEMO_MODE", False):
        return True
    found = _active_key(api_key_hash(raw))
    if found is None:
        return False
    pk, last_used_at = found
    now = timezone.now()
    if last_used_at is None or now - last_used_at > LAST_USED_PRECISION:
        # At most one write per key per hour: every worker writing the same row would queue on its lock.
        ApiKey.objects.filter(pk=pk).update(last_used_at=now)
    return True


def service_request_create(
    *,
    service_code: str,
    lat: float | None,
    lon: float | None,
    address: str,
    description: str,
    email: str = "",
    media_url: str = "",
    attributes: dict[str, Any] | None = None,
) -> Report:
    """File an Open311 service request as a report (channel "api", no account).

    Names, phone, device and account ids that clients may send are not stored: a report keeps
    only the e-mail address used to follow it. Raises ``ValidationError`` like ``report_submit``.
    """
    return report_submit(
        category_code=service_code,
        description=description,
        lat=lat,
        lon=lon,
        address=address,
        email=email,
        channel="api",
        attributes=attributes,
        media_url=media_url,
    )
