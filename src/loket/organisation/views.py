"""Public pages: districts, locations (counters) and "in which district do I live"."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from loket.accounts import rules
from loket.organisation import selectors
from loket.organisation.forms import WhichDistrictForm
from loket.organisation.hooks import district_sections, location_sections
from loket.organisation.maps import district_map
from loket.organisation.models import District, Location, OpeningException


def _locations() -> QuerySet[Location]:
    upcoming = OpeningException.objects.filter(date__gte=timezone.localdate())
    return Location.objects.select_related("district").prefetch_related(
        "opening_hours", Prefetch("exceptions", queryset=upcoming)
    )


def _status(location: Location) -> dict[str, Any]:
    """Today's hours, whether it is open now and, if not, when it opens next."""
    now = timezone.localtime()
    is_open = selectors.location_is_open(location=location, at=now)
    return {
        "today": selectors.location_day_hours(location=location, day=now.date()),
        "open_now": is_open,
        "next_opening": None if is_open else selectors.location_next_opening(location=location, after=now),
    }


@rules.allow(rules.PUBLIC)
def district_list(request: HttpRequest) -> HttpResponse:
    districts = District.objects.valid_on(timezone.localdate()).select_related("district_house")
    return render(request, "organisation/district_list.html", {"districts": districts})


@rules.allow(rules.PUBLIC)
def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = get_object_or_404(District.objects.select_related("district_house"), slug=slug)
    house_id = district.district_house_id or 0  # no house: 0 matches no row
    house = _locations().filter(pk=house_id).first()
    context = {
        "district": district,
        "valid_today": district.is_valid_on(timezone.localdate()),
        "house": house,
        "house_week": selectors.location_weekly_hours(location=house) if house else [],
        "house_status": _status(house) if house else None,
        "locations": _locations().filter(district=district).exclude(pk=house_id),
        "sections": district_sections(district=district),
        "teams": district.teams.order_by("name"),  # type: ignore[attr-defined]
    }
    return render(request, "organisation/district_detail.html", context)


@rules.allow(rules.PUBLIC)
def location_list(request: HttpRequest) -> HttpResponse:
    groups = []
    locations = list(_locations().order_by("name"))
    for kind, label in Location.Kind.choices:
        members = [(location, _status(location)) for location in locations if location.kind == kind]
        if members:
            groups.append((label, members))
    return render(request, "organisation/location_list.html", {"groups": groups})


@rules.allow(rules.PUBLIC)
def location_detail(request: HttpRequest, slug: str) -> HttpResponse:
    location = get_object_or_404(_locations(), slug=slug)
    context = {
        "location": location,
        "week": selectors.location_weekly_hours(location=location),
        "status": _status(location),
        "closures": selectors.location_upcoming_closures(location=location, start=timezone.localdate(), days=60),
        "sections": location_sections(location=location),
    }
    return render(request, "organisation/location_detail.html", context)


@rules.allow(rules.PUBLIC)
def which_district(request: HttpRequest) -> HttpResponse:
    form = WhichDistrictForm(request.GET or None)
    outcome: str | None = None  # "found", "outside" or "not_found"
    district = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["has_point"]:
            district = selectors.district_locate_point(lat=data["lat"], lon=data["lon"])
            outcome = "found" if district else "outside"
        elif data.get("address"):
            located = selectors.address_locate(address=data["address"])
            district = located.district
            outcome = "found" if district else "outside" if located.found else "not_found"
        else:
            district = selectors.district_for_postcode(postcode=data["postcode"])
            outcome = "found" if district else "outside"
    districts = selectors.district_list_valid()
    context = {"form": form, "outcome": outcome, "district": district, "map": district_map(districts=districts)}
    return render(request, "organisation/which_district.html", context, status=400 if form.errors else 200)
