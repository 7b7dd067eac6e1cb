"""Managers' pages: the counters' figures (and their CSV) and a location manager's screen."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.counters import manage
from loket.counters.figures import CounterFigures, FigureRow, counter_figures
from loket.counters.forms_manage import CounterSettingsForm, DeskForm, FiguresFilterForm, OpeningExceptionForm
from loket.counters.models import Desk
from loket.organisation.models import Location, OpeningException


def _figures_filter(request: HttpRequest) -> tuple[FiguresFilterForm, CounterFigures | None]:
    data = request.GET if "start" in request.GET or "end" in request.GET else FiguresFilterForm.defaults()
    form = FiguresFilterForm(data)
    if not form.is_valid():
        return form, None
    period = form.cleaned_data
    return form, counter_figures(start=period["start"], end=period["end"], location=period["location"])


@rules.allow(rules.MANAGERS)
def figures(request: HttpRequest) -> HttpResponse:
    form, result = _figures_filter(request)
    context: dict[str, Any] = {"form": form, "figures": result}
    if result is not None:
        period = form.cleaned_data
        where = period["location"].slug if period["location"] else ""
        query = urlencode({"start": period["start"].isoformat(), "end": period["end"].isoformat(), "location": where})
        context["csv_url"] = f"{reverse('counters:figures-csv')}?{query}"
    return render(request, "counters/manage/figures.html", context, status=200 if result else 400)


CSV_HEADER = [
    "indeling",
    "sleutel",
    "naam",
    "bezoekers",
    "met afspraak",
    "zonder afspraak",
    "wachttijden gemeten",
    "wachttijd mediaan (min)",
    "wachttijd p90 (min)",
    "bedieningen gemeten",
    "bedieningstijd mediaan (min)",
    "bedieningstijd p90 (min)",
    "niet opgedaagd",
    "afspraken voorbij",
    "niet opgedaagd (%)",
]


def _decimal(value: float | None) -> str:
    """One decimal with a comma, as Excel expects in Belgium; empty when there is no value."""
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _text(value: str) -> str:
    """Names typed by staff never start a formula in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _csv_row(dimension: str, row: FigureRow) -> list[str | int]:
    rate = None if row.no_show_rate is None else row.no_show_rate * 100
    return [
        dimension,
        row.key,
        _text(row.label),
        row.visitors,
        row.appointments,
        row.walk_ins,
        row.waiting.count,
        _decimal(row.waiting.median_minutes),
        _decimal(row.waiting.p90_minutes),
        row.service.count,
        _decimal(row.service.median_minutes),
        _decimal(row.service.p90_minutes),
        row.no_shows,
        row.appointments_due,
        _decimal(rate),
    ]


@rules.allow(rules.MANAGERS)
def figures_csv(request: HttpRequest) -> HttpResponse:
    """The figures as a spreadsheet: no personal data in it, so the download is not audited."""
    form, result = _figures_filter(request)
    if result is None:
        problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    where = result.location.slug if result.location else "alle"
    period = f"{form.cleaned_data['start']:%Y%m%d}-{form.cleaned_data['end']:%Y%m%d}"
    response["Content-Disposition"] = f'attachment; filename="loketten-cijfers-{where}-{period}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerow(_csv_row("totaal", result.total))
    for dimension, rows in (("locatie", result.by_location), ("dienst", result.by_service), ("uur", result.by_hour)):
        for row in rows:
            writer.writerow(_csv_row(dimension, row))
    return response


# --- The location manager's screen -------------------------------------------------------------

Handler = Callable[[HttpRequest, Location, str], "forms.BaseForm | None"]


def _pk(value: str) -> int:
    if not value.isdigit():
        raise Http404
    return int(value)


def _desk_form(location: Location, desk: Desk | None, data: Any = None) -> DeskForm:
    if desk is None:
        return DeskForm(data, location=location, prefix="desk-new")
    initial = {"name": desk.name, "services": list(desk.services.all()), "bookable": desk.bookable}
    return DeskForm(data, location=location, prefix=f"desk-{desk.pk}", initial=initial)


def _save_desk(request: HttpRequest, location: Location, key: str) -> forms.BaseForm | None:
    desk = None if key == "desk-new" else get_object_or_404(Desk, location=location, pk=_pk(key.removeprefix("desk-")))
    form = _desk_form(location, desk, request.POST)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    try:
        if desk is None:
            desk = manage.desk_create(location=location, actor=request.user, request=request, **data)
            messages.success(request, _("Balie %(name)s is toegevoegd.") % {"name": desk.name})
        else:
            manage.desk_update(desk=desk, actor=request.user, request=request, **data)
            messages.success(request, _("Balie %(name)s is opgeslagen.") % {"name": desk.name})
    except ValidationError as error:
        form.add_error(None, error)
        return form
    return None


def _save_settings(request: HttpRequest, location: Location, key: str) -> forms.BaseForm | None:
    form = CounterSettingsForm(request.POST, instance=manage.counter_settings_for(location=location), prefix="settings")
    if not form.is_valid():
        return form
    try:
        manage.counter_settings_update(location=location, values=form.cleaned_data, actor=request.user, request=request)
    except ValidationError as error:
        form.add_error(None, error)
        return form
    messages.success(request, _("De capaciteit is opgeslagen."))
    return None


def _add_exception(request: HttpRequest, location: Location, key: str) -> forms.BaseForm | None:
    form = OpeningExceptionForm(request.POST, prefix="exception")
    if not form.is_valid():
        return form
    data = form.cleaned_data
    try:
        exception = manage.opening_exception_create(
            location=location,
            date=data["date"],
            closed=data["kind"] == OpeningExceptionForm.CLOSED,
            opens=data["opens"],
            closes=data["closes"],
            reason=data["reason"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return form
    day = date_format(exception.date, "l j F Y")
    messages.success(request, _("De uitzondering op %(day)s is toegevoegd.") % {"day": day})
    planned = manage.appointments_open_on(location=location, date=exception.date)
    if planned:
        messages.warning(
            request,
            _("Let op: op %(day)s staan nog %(count)d afspraken gepland. Verwittig die burgers.")
            % {"day": day, "count": planned},
        )
    return None


def _delete_exception(request: HttpRequest, location: Location, key: str) -> forms.BaseForm | None:
    exception = get_object_or_404(OpeningException, location=location, pk=_pk(request.POST.get("exception", "")))
    try:
        manage.opening_exception_delete(exception=exception, actor=request.user, request=request)
    except ValidationError as error:
        form = forms.Form({})
        form.full_clean()
        form.add_error(None, error)
        return form
    messages.success(request, _("De uitzondering is verwijderd."))
    return None


HANDLERS: dict[str, tuple[Handler, str]] = {
    "desk": (_save_desk, "balies"),
    "settings": (_save_settings, "capaciteit"),
    "exception-add": (_add_exception, "uitzonderingen"),
    "exception-delete": (_delete_exception, "uitzonderingen"),
}


@rules.allow(rules.MANAGERS)
def manage_location(request: HttpRequest, location_slug: str) -> HttpResponse:
    location = get_object_or_404(Location.objects.select_related("district"), slug=location_slug)
    failed: dict[str, forms.BaseForm] = {}
    if request.method == "POST":
        key = request.POST.get("form", "")
        handler, anchor = HANDLERS.get("desk" if key.startswith("desk-") else key, (None, ""))
        if handler is None:
            return HttpResponseBadRequest(_("Onbekend formulier."))
        form = handler(request, location, key)
        if form is None:
            return redirect(f"{request.path}#{anchor}")
        failed[key] = form
    return render(request, "counters/manage/location.html", _screen(location, failed), status=400 if failed else 200)


def _screen(location: Location, failed: dict[str, forms.BaseForm]) -> dict[str, Any]:
    desks = list(location.desks.prefetch_related("services"))  # type: ignore[attr-defined]
    settings = manage.counter_settings_for(location=location)
    upcoming = OpeningException.objects.filter(location=location, date__gte=timezone.localdate()).order_by("date")
    return {
        "location": location,
        "desk_forms": [(desk, failed.get(f"desk-{desk.pk}") or _desk_form(location, desk)) for desk in desks],
        "new_desk_form": failed.get("desk-new") or _desk_form(location, None),
        "settings_form": failed.get("settings") or CounterSettingsForm(instance=settings, prefix="settings"),
        "settings_stored": settings.pk is not None,
        "exceptions": upcoming,
        "exception_form": failed.get("exception-add") or OpeningExceptionForm(prefix="exception"),
        "delete_errors": failed["exception-delete"].non_field_errors() if "exception-delete" in failed else [],
    }
