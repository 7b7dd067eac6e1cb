"""Open311 GeoReport v2 endpoints: plain Django views that translate HTTP (form-encoded POST,
query strings) into the Open311 selectors and services, in JSON or XML by the path's suffix."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from loket.accounts import rules
from loket.open311 import selectors
from loket.open311.render import Nested, errors, render
from loket.open311.services import api_key_valid, service_request_create
from loket.reports.selectors import category_get

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-30T00:00:00+01:00"
CONTACT = "Stad Antwerpen, Loket — open311@antwerpen.be"
FIELD_NAMES = {"lat": "lat/long", "location": "lat/long or address_string", "attributes": "attribute",
               "category": "service_code"}  # fmt: skip


@rules.allow(rules.PUBLIC)
@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:services", kwargs={"fmt": "xml"})).rsplit("services", 1)[0]
    data = {
        "changeset": CHANGESET,
        "contact": CONTACT,
        "key_service": "Vraag een api_key aan bij open311@antwerpen.be.",
        "endpoints": Nested(
            "endpoint",
            [
                {
                    "specification": SPECIFICATION,
                    "url": base.rstrip("/"),
                    "changeset": CHANGESET,
                    "type": "production",
                    "formats": Nested("format", ["text/xml", "application/json"]),
                }
            ],
        ),
    }
    return render(fmt, root="discovery", item=None, data=data)


@rules.allow(rules.PUBLIC)
@require_GET
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    return render(fmt, root="services", item="service", data=selectors.services())


@rules.allow(rules.PUBLIC)
@require_GET
def service_definition(request: HttpRequest, service_code: str, fmt: str) -> HttpResponse:
    category = category_get(service_code)
    if category is None:
        return errors(fmt, 404, [f"service_code '{service_code}' not found"])
    return render(fmt, root="service_definition", item=None, data=selectors.service_definition(category))


def _float(value: str | None, name: str, problems: list[str]) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        problems.append(f"{name}: not a number: '{value}'")
        return None


def _attributes(request: HttpRequest) -> dict[str, Any]:
    """``attribute[code]=v`` (one value) and ``attribute[code][]=v`` (several) from the form."""
    answers: dict[str, Any] = {}
    for key in request.POST:
        if not (key.startswith("attribute[") and key.endswith("]")):
            continue
        if key.endswith("[]"):
            answers[key[len("attribute[") : -3]] = request.POST.getlist(key)
        else:
            values = request.POST.getlist(key)
            answers[key[len("attribute[") : -1]] = values if len(values) > 1 else values[0]
    return answers


def _validation_descriptions(exc: ValidationError) -> list[str]:
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    return [
        f"{FIELD_NAMES.get(field, field)}: {message}"
        for field, field_errors in exc.message_dict.items()
        for message in field_errors
    ]


@csrf_exempt
@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def service_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _post_request(request, fmt)
    return _get_requests(request, fmt)


def _post_request(request: HttpRequest, fmt: str) -> HttpResponse:
    form = request.POST
    if not api_key_valid(form.get("api_key")):
        return errors(fmt, 403, ["api_key: missing or invalid"])
    service_code = form.get("service_code", "").strip()
    if not service_code:
        return errors(fmt, 400, ["service_code: required"])
    category = category_get(service_code)
    if category is None:
        return errors(fmt, 404, [f"service_code '{service_code}' not found"])
    problems: list[str] = []
    lat = _float(form.get("lat"), "lat", problems)
    lon = _float(form.get("long"), "long", problems)
    address = (form.get("address_string") or form.get("address_id") or "").strip()
    if not problems and (lat is None or lon is None) and not address:
        problems.append("lat/long or address_string: required (lat and long together, or an address)")
    if problems:
        return errors(fmt, 400, problems)
    try:
        report = service_request_create(
            service_code=service_code,
            lat=lat,
            lon=lon,
            address=address,
            description=(form.get("description") or "").strip()[:4000] or category.name_nl,
            email=form.get("email", ""),
            media_url=form.get("media_url", ""),
            attributes=_attributes(request),
        )
    except ValidationError as exc:
        return errors(fmt, 400, _validation_descriptions(exc))
    data = [
        {
            "service_request_id": report.case.reference,
            "service_notice": selectors.service_notice(report.category),
            "account_id": None,
        }
    ]
    return render(fmt, root="service_requests", item="request", data=data, status=201)


def _moment(value: str | None, name: str, problems: list[str]) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = parse_datetime(value.replace(" ", "+"))  # a "+" not encoded arrives as a space
    except ValueError:
        moment = None
    if moment is None:
        problems.append(f"{name}: not a w3c datetime (e.g. 2026-11-30T08:15:30+01:00): '{value}'")
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _get_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    query = request.GET
    ids = [part.strip() for part in query.get("service_request_id", "").split(",") if part.strip()]
    if ids:  # the specification: service_request_id overrides every other argument
        return render(fmt, root="service_requests", item="request", data=_dicts(selectors.requests_by_ids(ids)))
    problems: list[str] = []
    start = _moment(query.get("start_date"), "start_date", problems)
    end = _moment(query.get("end_date"), "end_date", problems)
    status = query.get("status", "").strip().lower()
    if status and status not in ("open", "closed"):
        problems.append(f"status: must be open or closed, not '{status}'")
    if start and end:
        if start > end:
            problems.append("start_date: must be before end_date")
        elif end - start > dt.timedelta(days=selectors.MAX_SPAN_DAYS):
            problems.append(f"start_date/end_date: may not span more than {selectors.MAX_SPAN_DAYS} days")
    if problems:
        return errors(fmt, 400, problems)
    if start and not end:
        end = min(timezone.now(), start + dt.timedelta(days=selectors.MAX_SPAN_DAYS))
    reports = selectors.requests_search(
        service_code=query.get("service_code", "").strip() or None, start=start, end=end, status=status or None
    )
    return render(fmt, root="service_requests", item="request", data=_dicts(reports))


def _dicts(reports: Any) -> list[dict[str, Any]]:
    return selectors.requests_dicts(list(reports))


@rules.allow(rules.PUBLIC)
@require_GET
def service_request(request: HttpRequest, service_request_id: str, fmt: str) -> HttpResponse:
    report = selectors.request_get(service_request_id)
    if report is None:
        return errors(fmt, 404, [f"service_request_id '{service_request_id}' not found"])
    return render(fmt, root="service_requests", item="request", data=_dicts([report]))


@rules.allow(rules.PUBLIC)
@require_GET
def token(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """Requests are created synchronously; a token is the report's public follow token."""
    report = selectors.request_by_token(token)
    if report is None:
        return errors(fmt, 404, [f"token '{token}' not found"])
    data = [{"service_request_id": report.case.reference, "token": token}]
    return render(fmt, root="service_requests", item="request", data=data)
