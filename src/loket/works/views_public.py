"""The public works pages: the list with its map, one work, and "werken in mijn buurt".

Everything works without JavaScript: the forms are plain GET forms, the list is paged on the
server and the map only adds a picture of the same works (and lets a click choose the place).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from loket.accounts import rules
from loket.works import selectors
from loket.works.forms import DEFAULT_RADIUS_M, DEFAULT_WEEKS, NearbyForm, Place, WorkFilterForm
from loket.works.maps import map_context
from loket.works.models import Hindrance, Work

PAGE_SIZE = 20
MAP_LIMIT = 300


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


def _rows(found: list[selectors.WorkNear]) -> list[dict[str, Any]]:
    return [{"work": near.work, "distance": round(near.distance_m)} for near in found]


def _geojson_url(form: WorkFilterForm) -> str:
    """The public download (works-data's ``works:geojson``) with the filters of the page."""
    try:
        url = reverse("works:geojson")
    except NoReverseMatch:
        return ""
    if not form.is_valid():
        return url
    data = form.cleaned_data
    query: dict[str, Any] = {"start": data["start"].isoformat(), "end": data["end"].isoformat()}
    if data["district"] is not None:
        query["district"] = data["district"].slug
    if data["kind"]:
        query["kind"] = data["kind"]
    if data.get("place") is not None:
        query.update(lat=f"{data['place'].lat:.6f}", lon=f"{data['place'].lon:.6f}", radius=data["radius"])
    return f"{url}?{urlencode(query)}"


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD"])
def work_list(request: HttpRequest) -> HttpResponse:
    """Works in a period (today and the coming four weeks unless asked otherwise), filtered by
    district, kind and/or a circle around an address; a list paged on the server and a map."""
    form = WorkFilterForm(request.GET)
    rows: list[dict[str, Any]] | Any = []
    place: Place | None = None
    radius = DEFAULT_RADIUS_M
    on_map: list[Work] = []
    if form.is_valid():
        data = form.cleaned_data
        place, radius = data.get("place"), data["radius"]
        if place is not None:
            found = selectors.work_list_near(
                lat=place.lat, lon=place.lon, radius_m=radius, start=data["start"], end=data["end"]
            )
            found = [
                near
                for near in found
                if (data["district"] is None or near.work.district_id == data["district"].pk)
                and (not data["kind"] or near.work.kind == data["kind"])
            ]
            rows = _rows(found)
            on_map = [near.work for near in found[:MAP_LIMIT]]
        else:
            works = selectors.work_list_public(
                district=data["district"], start=data["start"], end=data["end"], kind=data["kind"] or None
            )
            rows = works
            on_map = list(works[:MAP_LIMIT])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    if not isinstance(rows, list):
        page.object_list = [{"work": work, "distance": None} for work in page.object_list]
    circle = {"lat": place.lat, "lon": place.lon, "radius": radius} if place else None
    context = {
        "form": form,
        "page": page,
        "query": _query_without_page(request),
        "place": place,
        "radius": radius,
        "map": map_context(works=on_map, circle=circle, picker=True),
        "map_count": len(on_map),
        "map_limit": MAP_LIMIT,
        "geojson_url": _geojson_url(form),
    }
    return render(request, "works/list.html", context, status=400 if form.errors else 200)


def _hindrance_rows(hindrance: Hindrance) -> list[tuple[str, str]]:
    """(transport mode, consequence) in the order of the modes, with their Dutch labels."""
    consequences = hindrance.consequences if isinstance(hindrance.consequences, dict) else {}
    labels = dict(Hindrance.Consequence.choices)
    return [
        (str(label), str(labels.get(consequences[mode], consequences[mode])))
        for mode, label in Hindrance.Mode.choices
        if mode in consequences
    ]


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD"])
def work_detail(request: HttpRequest, work_id: int) -> HttpResponse:
    try:
        work = selectors.work_get_public(work_id=work_id)
    except Work.DoesNotExist:
        raise Http404(_("Dit werk bestaat niet of is geannuleerd.")) from None
    modes = dict(Hindrance.Mode.choices)
    hindrances = [{"hindrance": h, "modes": _hindrance_rows(h)} for h in work.hindrances.all()]
    diversions = [
        {"diversion": d, "modes": [str(modes.get(mode, mode)) for mode in (d.modes or [])]}
        for d in work.diversions.all()
    ]
    context = {
        "work": work,
        "hindrances": hindrances,
        "diversions": diversions,
        "map": map_context(works=[work], diversions=[d for d in work.diversions.all() if d.geometry]),
    }
    return render(request, "works/detail.html", context)


def citizen_address(user: Any) -> str:
    """The logged-in citizen's address, if known. Read through the user's reverse relation, so
    this feature app does not import the citizens app."""
    if not getattr(user, "is_authenticated", False):
        return ""
    try:
        citizen = user.citizen
    except (ObjectDoesNotExist, AttributeError):
        return ""
    return str(getattr(citizen, "address", "") or "")


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD"])
def nearby(request: HttpRequest) -> HttpResponse:
    """ "Werken in mijn buurt in de komende weken": works within 500 m of an address in the next
    four weeks, nearest first, with their distance."""
    asked = any(key in request.GET for key in ("address", "lat", "lon"))
    form = NearbyForm(request.GET) if asked else NearbyForm(initial={"address": citizen_address(request.user)})
    today = timezone.localdate()
    end = today + timedelta(weeks=DEFAULT_WEEKS)
    place: Place | None = None
    found: list[selectors.WorkNear] = []
    if asked and form.is_valid():
        place = form.cleaned_data["place"]
        if place is not None:
            found = selectors.work_list_near(
                lat=place.lat, lon=place.lon, radius_m=DEFAULT_RADIUS_M, start=today, end=end
            )
    page = Paginator(_rows(found), PAGE_SIZE).get_page(request.GET.get("pagina"))
    circle = {"lat": place.lat, "lon": place.lon, "radius": DEFAULT_RADIUS_M} if place else None
    context = {
        "form": form,
        "place": place,
        "page": page,
        "total": len(found),
        "query": _query_without_page(request),
        "radius": DEFAULT_RADIUS_M,
        "start": today,
        "end": end,
        "map": map_context(works=[near.work for near in found[:MAP_LIMIT]], circle=circle, picker=True),
    }
    return render(request, "works/nearby.html", context, status=400 if form.errors else 200)
