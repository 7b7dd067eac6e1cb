"""Reads of works on the public domain: near a point, the public list, one work, GeoJSON.

"Near a point in a period" is answered in two steps: the database finds the works whose
bounding box reaches the search circle's box and whose period overlaps (an index range
scan, see ``Work.Meta.indexes``), then the exact distance to each candidate's geometry
decides (``geometry.distance_m``). Cancelled works are never public.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from loket.organisation.geometry import METRES_PER_DEGREE_LAT
from loket.organisation.models import District
from loket.organisation.selectors import (
    address_locate,
    district_list_valid,
)
from loket.works import geometry as geo
from loket.works.models import Diversion, Hindrance, Work

# Beyond this many grid cells (a radius of several kilometres) the box alone is the better filter.
MAX_CELLS = 400


@dataclass(frozen=True)
class WorkNear:
    work: Work
    distance_m: float


def _visible() -> QuerySet[Work]:
    """Works anyone may see; the bookkeeping times are never public and are left out."""
    return Work.objects.exclude(status=Work.Status.CANCELLED).defer("created_at", "updated_at")


def _public() -> QuerySet[Work]:
    """Visible works with ``severe_hindrance`` and their district, without the district's
    boundary (a large polygon nobody needs to show a work)."""
    severe = Hindrance.objects.filter(work=OuterRef("pk"), severe=True)
    return _visible().select_related("district").defer("district__boundary").annotate(severe_hindrance=Exists(severe))


def _add_details(works: list[Work]) -> None:
    """What ``_public`` adds, for works found without it: the district from the organisation's
    cache of today's districts (a query only for one no longer valid) and ``severe_hindrance``
    from one query on these works. Cheaper than a join that builds a district per row, and than
    the subquery PostgreSQL answers by hashing every severe hindrance of the city."""
    ids = {work.district_id for work in works} - {None}  # type: ignore[attr-defined]
    districts = {district.pk: district for district in district_list_valid() if district.pk in ids} if ids else {}
    if ids - set(districts):
        districts.update(District.objects.defer("boundary").in_bulk(ids - set(districts)))
    pks = [work.pk for work in works]
    severe: set[int] = set()
    for first in range(0, len(pks), 900):  # SQLite's limit on parameters, for a very wide search
        chunk = Hindrance.objects.filter(work__in=pks[first : first + 900], severe=True)
        severe.update(chunk.values_list("work_id", flat=True))
    cache = Work.district.field  # type: ignore[attr-defined]
    for work in works:
        district_id: int | None = work.district_id  # type: ignore[attr-defined]
        cache.set_cached_value(work, None if district_id is None else districts[district_id])
        work.severe_hindrance = work.pk in severe  # type: ignore[attr-defined]


def _overlapping(queryset: QuerySet[Work], start: date | None, end: date | None) -> QuerySet[Work]:
    if start is not None:
        queryset = queryset.filter(end_date__gte=start)
    if end is not None:
        queryset = queryset.filter(start_date__lte=end)
    return queryset


def work_candidates_near(
    *, lat: float, lon: float, radius_m: int, start: date | None = None, end: date | None = None
) -> QuerySet[Work]:
    """The public works whose bounding box reaches the box around the search circle and whose
    period overlaps: a superset of ``work_list_near``, answered from the indexes.

    Works no larger than a grid cell are found by the cells their south-west corner may lie in,
    the few wider ones in the cell WIDE: about a dozen range scans on ``work_grid_period``."""
    # A metre of slack so a work exactly on the circle is not lost to rounding in the box.
    dlat = (radius_m + 1) / METRES_PER_DEGREE_LAT
    dlon = (radius_m + 1) / geo.metres_per_degree_lon(lat)
    south, north, west, east = lat - dlat, lat + dlat, lon - dlon, lon + dlon
    queryset = _visible().filter(min_lat__lte=north, max_lat__gte=south, min_lon__lte=east, max_lon__gte=west)
    cells = geo.grid_cells_reaching(south, north, west, east)
    if len(cells) <= MAX_CELLS:
        queryset = queryset.filter(grid_cell__in=cells)
    return _overlapping(queryset, start, end).order_by()


def work_list_near(
    *,
    lat: float,
    lon: float,
    radius_m: int,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
) -> list[WorkNear]:
    """Works within ``radius_m`` of the point whose period overlaps [start, end] (None: open),
    not cancelled, nearest first (then by start date)."""
    found = []
    for work in work_candidates_near(lat=lat, lon=lon, radius_m=radius_m, start=start, end=end):
        distance = geo.distance_m(work.geometry, lat, lon)
        if distance <= radius_m:
            found.append(WorkNear(work=work, distance_m=distance))
    found.sort(key=lambda near: (near.distance_m, near.work.start_date, near.work.pk))
    found = found[:limit] if limit is not None else found
    _add_details([near.work for near in found])
    return found


def work_list_public(
    *,
    district: District | None = None,
    start: date | None = None,
    end: date | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> QuerySet[Work]:
    """The public works (not cancelled) by start date, filtered; each carries
    ``severe_hindrance`` (whether any of its hindrance is severe)."""
    queryset = _overlapping(_public(), start, end)
    if district is not None:
        queryset = queryset.filter(district=district)
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("start_date", "id")


def work_search(
    *,
    district: District | None = None,
    lat: float | None = None,
    lon: float | None = None,
    radius_m: int = 500,
    start: date | None = None,
    end: date | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> list[Work] | QuerySet[Work]:
    """The public works for the filters of the API and the download. Around a point: a list,
    nearest first, each work carrying ``distance_m``; otherwise ``work_list_public``."""
    if lat is None or lon is None:
        return work_list_public(district=district, start=start, end=end, kind=kind, status=status)
    found = []
    for near in work_list_near(lat=lat, lon=lon, radius_m=radius_m, start=start, end=end):
        work = near.work
        if district is not None and work.district_id != district.pk:  # type: ignore[attr-defined]
            continue
        if (kind and work.kind != kind) or (status and work.status != status):
            continue
        work.distance_m = near.distance_m  # type: ignore[attr-defined]
        found.append(work)
    return found


def address_point(*, address: str) -> tuple[float, float]:
    """(lat, lon) of an address in the city; ValueError with a Dutch message when the address is
    unknown, has no known position (the street table knows only the district) or lies outside."""
    located = address_locate(address=address)
    if not located.found:
        raise ValueError(_("Dit adres vinden we niet. Controleer de straat, het huisnummer en de postcode."))
    if located.district is None:
        raise ValueError(_("Dit adres ligt buiten de stad Antwerpen."))
    if located.lat is None or located.lon is None:
        raise ValueError(_("Van dit adres kennen we de ligging niet precies; geef een punt (lat en lon)."))
    return located.lat, located.lon


def work_get_public(*, work_id: int) -> Work:
    """One public work with its hindrance and diversions; Work.DoesNotExist if cancelled or unknown."""
    return (
        _public()
        .prefetch_related(
            Prefetch("hindrances", queryset=Hindrance.objects.order_by("start_date", "id")),
            Prefetch("diversions", queryset=Diversion.objects.order_by("id")),
        )
        .get(pk=work_id)
    )


def work_page_pattern() -> str:
    """The path of a work's public page with ``{id}`` for its id, reversed once per download."""
    try:
        return reverse("works:detail", args=[987654321]).replace("987654321", "{id}")
    except NoReverseMatch:  # the public pages are not wired
        return ""


def work_public_properties(work: Work, *, page_pattern: str | None = None) -> dict[str, Any]:
    """The fields of a work anyone may see, as JSON-ready values (the GeoJSON properties).

    Contact details are left out of the bulk download: they are on the work's own page.
    """
    pattern = work_page_pattern() if page_pattern is None else page_pattern
    district = work.district
    return {
        "id": work.pk,
        "title": work.title,
        "description": work.description,
        "kind": work.kind,
        "kind_label": str(work.get_kind_display()),  # type: ignore[attr-defined]
        "status": work.status,
        "status_label": str(work.get_status_display()),  # type: ignore[attr-defined]
        "groundwork_category": work.groundwork_category,
        "start_date": work.start_date.isoformat(),
        "end_date": work.end_date.isoformat(),
        "owner": work.owner,
        "contractor": work.contractor,
        "address": work.address,
        "url": work.url,
        "district": district.slug if district is not None else None,
        "district_name": district.name if district is not None else None,
        "severe_hindrance": getattr(work, "severe_hindrance", None),
        "source": work.source,
        "external_id": work.external_id,
        "page": pattern.replace("{id}", str(work.pk)),
    }


def work_feature(work: Work, *, page_pattern: str) -> dict[str, Any]:
    """One work as a GeoJSON Feature with its public fields."""
    return {
        "type": "Feature",
        "id": work.pk,
        "geometry": work.geometry,
        "properties": work_public_properties(work, page_pattern=page_pattern),
    }


def works_geojson_chunks(*, works: Iterable[Work], batch: int = 500) -> Iterator[str]:
    """A GeoJSON FeatureCollection of the works with their public fields, as text a batch of
    features at a time for a streamed download: a query set is read in chunks, so neither its
    rows nor the whole text are held at once."""
    pattern = work_page_pattern()
    rows = works.iterator(chunk_size=batch) if isinstance(works, QuerySet) else iter(works)
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    while chunk := list(itertools.islice(rows, batch)):
        text = ", ".join(json.dumps(work_feature(work, page_pattern=pattern), cls=DjangoJSONEncoder) for work in chunk)
        yield text if first else ", " + text
        first = False
    yield "]}"
