"""Reads of the Open311 app: services, service definitions and service requests in the
specification's shape (field order as in GeoReport v2; no personal data)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.open311.render import Nested
from loket.reports.models import Category, Report
from loket.reports.selectors import category_list, report_public_list, report_status_public, reports_public_dicts

DEFAULT_DAYS = 90
MAX_SPAN_DAYS = 90
MAX_REQUESTS = 1000
POSTCODE = re.compile(r"\b(\d{4})\b")


def w3(value: dt.datetime | dt.date | None) -> str | None:
    """A w3c datetime with its offset, e.g. ``2026-11-30T15:04:05+01:00``."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        # A deadline is a day: the request is expected by the end of it.
        value = timezone.make_aware(dt.datetime.combine(value, dt.time(23, 59, 59)))
    return timezone.localtime(value).isoformat(timespec="seconds")


def service_notice(category: Category | None) -> str:
    if category is None:
        return _("Uw melding wordt eerst ingedeeld en dan aan de bevoegde dienst bezorgd.")
    return _("Behandeltermijn: %(days)s werkdagen.") % {"days": category.working_days}


def service_dict(category: Category) -> dict[str, Any]:
    keywords = ", ".join(word for word in (category.main, category.name_en) if word)
    return {
        "service_code": category.code,
        "service_name": category.name_nl,
        "description": category.description_nl,
        "metadata": bool(category.attributes),
        "type": "realtime",
        "keywords": keywords,
        "group": category.main,
    }


def services() -> list[dict[str, Any]]:
    return [service_dict(category) for category in category_list()]


def service_definition(category: Category) -> dict[str, Any]:
    attributes = []
    for definition in sorted(category.attributes or [], key=lambda d: d.get("order", 0)):
        values = [{"key": v["key"], "name": v["name"]} for v in definition.get("values", [])]
        attributes.append(
            {
                "variable": True,
                "code": definition["code"],
                "datatype": definition.get("datatype", "string"),
                "required": bool(definition.get("required")),
                "datatype_description": definition.get("datatype_description") or None,
                "order": definition.get("order", 0),
                "description": definition.get("description", ""),
                "values": Nested("value", values),
            }
        )
    return {"service_code": category.code, "attributes": Nested("attribute", attributes)}


def _zipcode(address: str) -> str | None:
    found = POSTCODE.search(address or "")
    return found.group(1) if found else None


def request_dict(report: Report, public: dict[str, Any]) -> dict[str, Any]:
    category = report.category
    return {
        "service_request_id": report.case.reference,
        "status": report_status_public(report),
        "status_notes": public["status_notes"] or None,
        "service_name": category.name_nl if category else public["category_name"],
        "service_code": category.code if category else None,
        "description": public["description"],
        "agency_responsible": public["agency_responsible"] or None,
        "service_notice": service_notice(category),
        "requested_datetime": w3(report.created_at),
        "updated_datetime": w3(report.updated_at),
        "expected_datetime": w3(report.case.deadline),
        "address": report.address or None,
        "address_id": None,
        "zipcode": _zipcode(report.address),
        "lat": report.lat,
        "long": report.lon,
        "media_url": report.media_url or None,
    }


def requests_dicts(reports: Sequence[Report]) -> list[dict[str, Any]]:
    reports = list(reports)
    return [request_dict(r, public) for r, public in zip(reports, reports_public_dicts(reports), strict=True)]


def requests_by_ids(ids: Sequence[str]) -> QuerySet[Report]:
    return report_public_list().filter(case__reference__in=list(ids))


def requests_search(
    *,
    service_code: str | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    status: str | None = None,
    limit: int = MAX_REQUESTS,
) -> list[Report]:
    """Newest first, at most ``limit``; without dates the last 90 days."""
    now = timezone.now()
    if end is None:
        end = now
    if start is None:
        start = end - dt.timedelta(days=DEFAULT_DAYS)
    reports = report_public_list(category=service_code or None, status=status or None)
    reports = reports.filter(created_at__gte=start, created_at__lte=end)
    return list(reports[:limit])


def request_get(reference: str) -> Report | None:
    return report_public_list().filter(case__reference=reference).first()


def request_by_token(token: str) -> Report | None:
    return report_public_list().filter(public_token=token).first()
