"""The report form (/melden/) and its helpers: address search, duplicates nearby, photo position.

The form works without JavaScript (address instead of the map; duplicates shown after the first
submit). With JavaScript the map places the point, the address search centres it, a photo's GPS
position is offered and duplicates appear as soon as category and point are known.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loket.accounts import rules
from loket.organisation.geometry import rings_of
from loket.organisation.selectors import InvalidCoordinates, address_locate, district_locate_point
from loket.reports import links, selectors, services
from loket.reports.forms import ReportForm
from loket.reports.maps import map_context
from loket.reports.photos import photo_position

FIELD_OF_ERROR = {"lat": "address", "lon": "address", "location": "address", "channel": None, "media_url": None}


def suggest_url() -> str:
    """The category suggestion fragment (helper app "suggest"), when it is there."""
    try:
        return reverse("reports:suggest-fragment")
    except NoReverseMatch:
        return ""


def _add_errors(form: ReportForm, exc: ValidationError) -> None:
    for field, messages in exc.message_dict.items():
        target = FIELD_OF_ERROR.get(field, field)
        if target not in form.fields:
            target = None
        for message in messages:
            form.add_error(target, message)


def _render(request: HttpRequest, form: ReportForm, *, duplicates: list[Any] = (), status: int = 200) -> HttpResponse:  # type: ignore[assignment]
    context = {
        "form": form,
        "map": map_context(picker=True),
        "duplicates": duplicates,
        "suggest_url": suggest_url(),
        "is_citizen": request.user.is_authenticated and rules.CITIZEN.allows(request.user),
        "had_photos": bool(request.FILES.getlist("photos")),
    }
    return render(request, "reports/form.html", context, status=status)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    categories = selectors.category_list()
    if request.method != "POST":
        initial = {"category": request.GET.get("categorie", "")}
        return _render(request, ReportForm(initial=initial, categories=categories))
    form = ReportForm(request.POST, request.FILES, categories=categories)
    if not form.is_valid():
        return _render(request, form, status=400)
    data = form.cleaned_data
    category = selectors.category_get(data["category"]) if data["category"] else None
    if category is not None and data["lat"] is not None and data["lon"] is not None and not data["duplicates_seen"]:
        nearby = selectors.duplicates_near(category=category, lat=data["lat"], lon=data["lon"])
        if nearby:
            shown = request.POST.copy()
            shown["duplicates_seen"] = "on"
            again = ReportForm(shown, categories=categories)
            again.is_valid()
            return _render(request, again, duplicates=nearby)
    try:
        report = services.report_submit(
            category_code=data["category"] or None,
            description=data["description"],
            actor=request.user,
            lat=data["lat"],
            lon=data["lon"],
            address=data["address"],
            photos=data["photos"],
            email=data["email"] or "",
            attributes=form.answers(),
        )
    except ValidationError as exc:
        _add_errors(form, exc)
        return _render(request, form, status=400)
    return HttpResponseRedirect(reverse("reports:thanks", kwargs={"token": report.public_token}))


@rules.allow(rules.PUBLIC)
@require_GET
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    report = selectors.report_by_token(token)
    context = {
        "report": report,
        "data": selectors.report_public_dict(report),
        "public_url": links.absolute(links.public_path(report)),
    }
    return render(request, "reports/thanks.html", context)


@rules.allow(rules.PUBLIC)
@require_GET
def duplicates_fragment(request: HttpRequest) -> HttpResponse:
    """htmx: open reports of the chosen category near the chosen point."""
    category = selectors.category_get(request.GET.get("category", ""))
    try:
        lat, lon = float(request.GET.get("lat", "")), float(request.GET.get("lon", ""))
    except ValueError:
        category = None
    duplicates = selectors.duplicates_near(category=category, lat=lat, lon=lon) if category else []
    return render(request, "reports/_duplicates.html", {"duplicates": duplicates})


def _centre(district: Any) -> tuple[float, float] | None:
    rings = rings_of(district.boundary or {})
    if not rings:
        return None
    outer = rings[0]
    return sum(p[1] for p in outer) / len(outer), sum(p[0] for p in outer) / len(outer)


@rules.allow(rules.PUBLIC)
@require_GET
def geocode(request: HttpRequest) -> JsonResponse:
    """The address search of the map: coordinates when the geocoder knows them, else the district."""
    address = request.GET.get("address", "").strip()[:250]
    if not address:
        return JsonResponse({"found": False, "message": _("Vul een adres in.")}, status=400)
    located = address_locate(address=address)
    if not located.found:
        return JsonResponse({"found": False, "message": _("Dit adres vinden we niet.")})
    if located.district is None:
        return JsonResponse({"found": True, "message": _("Dit adres ligt buiten de stad Antwerpen.")})
    if located.lat is not None and located.lon is not None:
        message = _("Gevonden in district %(name)s. Controleer de plaats op de kaart.") % {
            "name": located.district.name
        }
        return JsonResponse({"found": True, "exact": True, "lat": located.lat, "lon": located.lon, "message": message})
    centre = _centre(located.district)
    message = _("Gevonden in district %(name)s. Klik op de kaart op de juiste plaats, of verstuur het adres zo.") % {
        "name": located.district.name
    }
    answer: dict[str, Any] = {"found": True, "exact": False, "message": message, "district": located.district.slug}
    if centre:
        answer.update(lat=centre[0], lon=centre[1])
    return JsonResponse(answer)


@rules.allow(rules.PUBLIC)
@require_POST
def photo_place(request: HttpRequest) -> JsonResponse:
    """The GPS position in an uploaded photo (nothing is stored), to offer it on the map."""
    upload = request.FILES.get("photo")
    if upload is None:
        return JsonResponse({"found": False, "message": _("Geen foto ontvangen.")}, status=400)
    position = photo_position(upload)
    if position is None:
        return JsonResponse({"found": False})
    try:
        inside = district_locate_point(lat=position[0], lon=position[1]) is not None
    except InvalidCoordinates:
        inside = False
    return JsonResponse({"found": True, "lat": position[0], "lon": position[1], "inside": inside})
