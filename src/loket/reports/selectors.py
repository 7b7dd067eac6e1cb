"""Reads on reports: duplicates nearby, the public view (no personal data), lists and scoping."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.scoping import filter_by_district
from loket.cases.models import CaseEvent
from loket.organisation.generations import GenerationCache
from loket.reports.models import DEFAULT_DUPLICATE_RADIUS_M, Category, Follower, Report
from loket.reports.workflow import CLOSED_STATUSES, REPORT_WORKFLOW

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = 111_320.0


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


# code → the active category (or None); every report and Open311 request reads it.
_categories: GenerationCache[str, Category | None] = GenerationCache(max_entries=1_000)


def category_get(code: str) -> Category | None:
    """The active category with ``code``, or None. Kept per process while the routing generation
    is unchanged (a write to a category changes it): the instance is shared, do not modify it."""
    return _categories.get(code, lambda: Category.objects.filter(code=code, active=True).first())


def category_list(*, active_only: bool = True) -> list[Category]:
    categories = Category.objects.all()
    return list(categories.filter(active=True) if active_only else categories)


@functools.cache
def _box_sql() -> str:
    """The bounding-box read of ``duplicates_near``: one index range scan on (category, lat) of
    the open reports' partial index, longitude checked in the index. Plain SQL because the ORM's
    overhead is most of the time of this hot, tiny query."""
    table = connection.ops.quote_name(Report._meta.db_table)
    return (
        f"SELECT id, lat, lon FROM {table} WHERE category_id = %s AND closed_at IS NULL"  # noqa: S608 (a model's table)
        " AND lat >= %s AND lat <= %s AND lon >= %s AND lon <= %s"
    )


def duplicates_near(
    *, category: Category | int, lat: float, lon: float, exclude: Report | int | None = None
) -> list[Report]:
    """Open reports of ``category`` within its duplicate radius of (lat, lon), nearest first.

    A bounding box on the indexed (category, lat, lon) of open reports narrows the rows to a
    few (read as bare numbers), the exact distance (haversine) decides, and only the reports
    within the radius are loaded; each carries ``distance_m``. The report's ``closed_at`` (the index
    condition) follows the case after commit; the case's own ``closed_at`` is checked too, so a
    report closed in this very transaction is no duplicate.
    """
    if isinstance(category, Category):
        category_id, radius = category.pk, category.duplicate_radius_m or DEFAULT_DUPLICATE_RADIUS_M
    else:
        category_id = int(category)
        radius = (
            Category.objects.filter(pk=category_id).values_list("duplicate_radius_m", flat=True).first()
            or DEFAULT_DUPLICATE_RADIUS_M
        )
    lat, lon = float(lat), float(lon)
    dlat = radius / METRES_PER_DEGREE_LAT
    dlon = radius / (METRES_PER_DEGREE_LAT * max(math.cos(math.radians(lat)), 0.01))
    excluded = exclude.pk if isinstance(exclude, Report) else exclude
    with connection.cursor() as cursor:
        cursor.execute(_box_sql(), [category_id, lat - dlat, lat + dlat, lon - dlon, lon + dlon])
        rows = cursor.fetchall()
    distances = {pk: haversine_m(lat, lon, row_lat, row_lon) for pk, row_lat, row_lon in rows if pk != excluded}
    near = [pk for pk, distance in distances.items() if distance <= radius]
    if not near:
        return []
    related = ("case",) if isinstance(category, Category) else ("case", "category")
    found = list(Report.objects.filter(pk__in=near, case__closed_at__isnull=True).select_related(*related).order_by())
    for report in found:
        report.distance_m = round(distances[report.pk])  # type: ignore[attr-defined]
        if isinstance(category, Category):
            report.category = category
    found.sort(key=lambda r: (distances[r.pk], r.pk))
    return found


def report_status_public(report: Report) -> str:
    """The Open311 status: "open" or "closed"."""
    return "closed" if report.case.status in CLOSED_STATUSES else "open"


def _public_notes(case_ids: Iterable[int]) -> dict[int, str]:
    """The latest public text (status change or note) per case: the city's word to everyone."""
    notes: dict[int, str] = {}
    rows = (
        CaseEvent.objects.filter(case_id__in=list(case_ids), public=True)
        .exclude(text="")
        .exclude(kind=CaseEvent.Kind.MESSAGE)
        .order_by("case_id", "at", "id")
        .values_list("case_id", "text")
    )
    for case_id, text in rows:
        notes[case_id] = text
    return notes


def report_public_dict(report: Report, *, status_notes: str | None = None) -> dict[str, Any]:
    """What anyone may see of a report: no reporter, e-mail, photos or internal notes."""
    case = report.case
    if status_notes is None:
        status_notes = _public_notes([case.pk]).get(case.pk, "")
    category = report.category
    district = case.location_district
    return {
        "id": report.pk,
        "reference": case.reference,
        "token": report.public_token,
        "category": category.code if category else None,
        "category_name": category.name_nl if category else _("nog in te delen"),
        "status": case.status,
        "status_label": REPORT_WORKFLOW.label(case.status),
        "status_public": report_status_public(report),
        "status_notes": status_notes,
        "description": report.description,
        "agency_responsible": case.team.name if case.team is not None else "",
        "address": report.address,
        "lat": report.lat,
        "lon": report.lon,
        "district": district.slug if district else None,
        "district_name": district.name if district else "",
        "media_url": report.media_url,
        "requested_at": report.created_at,
        "updated_at": report.updated_at,
        "expected_at": case.deadline,
        "closed_at": case.closed_at,
        "merged_into": report.merged_into.public_token if report.merged_into_id and report.merged_into else None,
    }


def reports_public_dicts(reports: Sequence[Report]) -> list[dict[str, Any]]:
    notes = _public_notes(report.case_id for report in reports)
    return [report_public_dict(report, status_notes=notes.get(report.case_id, "")) for report in reports]


def _public_base() -> QuerySet[Report]:
    return Report.objects.select_related(
        "case", "case__team", "case__location_district", "category", "merged_into"
    ).order_by("-created_at", "-id")


def report_public_list(
    *,
    category: str | None = None,
    main: str | None = None,
    status: str | None = None,
    district: str | None = None,
    start: dt.date | dt.datetime | None = None,
    end: dt.date | dt.datetime | None = None,
    ids: Sequence[int] | None = None,
) -> QuerySet[Report]:
    """Reports for the public map, list and API. ``status`` is a workflow status or "open"/"closed";
    ``start``/``end`` bound the report date (a date includes that whole day)."""
    reports = _public_base()
    if category:
        reports = reports.filter(category__code=category)
    if main:
        reports = reports.filter(category__main=main)
    if status == "open":
        reports = reports.filter(case__closed_at__isnull=True)
    elif status == "closed":
        reports = reports.filter(case__closed_at__isnull=False)
    elif status:
        reports = reports.filter(case__status=status)
    if district:
        reports = reports.filter(case__location_district__slug=district)
    if start is not None:
        reports = reports.filter(created_at__gte=_moment(start))
    if end is not None:
        reports = reports.filter(created_at__lt=_moment(end, next_day=True))
    if ids is not None:
        reports = reports.filter(pk__in=list(ids))
    return reports


def _moment(value: dt.date | dt.datetime, *, next_day: bool = False) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    day = value + dt.timedelta(days=1) if next_day else value
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def report_by_token(token: str) -> Report:
    report = _public_base().filter(public_token=token).first()
    if report is None:
        raise Http404(_("Deze melding bestaat niet."))
    return report


def follower_exists(*, report: Report, email: str) -> bool:
    """Whether ``email`` asked to follow ``report`` (confirmed or not) and has not stopped."""
    return Follower.objects.filter(report=report, email=email.lower()).exists()


def report_public_get(pk: int) -> Report:
    report = _public_base().filter(pk=pk).first()
    if report is None:
        raise Http404(_("Deze melding bestaat niet."))
    return report


def report_public_updates(report: Report) -> list[dict[str, Any]]:
    """The report's public history: received, each status, the city's public notes."""
    lines = []
    events = report.case.events.filter(
        Q(kind=CaseEvent.Kind.CREATED) | Q(kind=CaseEvent.Kind.STATUS) | Q(kind=CaseEvent.Kind.NOTE, public=True)
    ).order_by("at", "id")
    for event in events:
        if event.kind == CaseEvent.Kind.NOTE:
            lines.append({"at": event.at, "label": _("Bericht van de stad"), "text": event.text})
        else:
            label = REPORT_WORKFLOW.label(event.to_status)
            lines.append({"at": event.at, "label": label, "text": event.text if event.public else ""})
    return lines


def report_visible_to(*, user: Any) -> QuerySet[Report]:
    """Reports a handler may see, scoped like the work queue: district staff see a report when its
    case is their district's (competent or requesting), city-wide roles every report."""
    reports = Report.objects.select_related(
        "case", "case__team", "case__district", "case__location_district", "category", "case__assignee"
    )
    return filter_by_district(user, reports, "case__district", "case__requesting_district")


def report_handler_list(
    *,
    user: Any,
    category: str | None = None,
    status: str | None = None,
    district: str | None = None,
    team: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[Report]:
    """The handler's queue: default every open report, oldest deadline first."""
    reports = report_visible_to(user=user)
    if status in (None, "", "open"):
        reports = reports.filter(case__closed_at__isnull=True)
    elif status == "closed":
        reports = reports.filter(case__closed_at__isnull=False)
    elif status != "all":
        reports = reports.filter(case__status=status)
    if category:
        reports = reports.filter(category__code=category)
    if district:
        reports = reports.filter(Q(case__district__slug=district) | Q(case__location_district__slug=district))
    if team:
        reports = reports.filter(case__team__slug=team)
    if start is not None:
        reports = reports.filter(created_at__gte=_moment(start))
    if end is not None:
        reports = reports.filter(created_at__lt=_moment(end, next_day=True))
    return reports.order_by("case__deadline", "case_id")


def report_for_case(case: Any) -> Report | None:
    return Report.objects.select_related("category", "case").filter(case=case).first()
