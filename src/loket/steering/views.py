"""Managers' pages: the channel mix as a table, and as a CSV file for a spreadsheet."""

from __future__ import annotations

import csv
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.steering.forms import ChannelMixFilterForm
from loket.steering.selectors import CHANNELS, GROUPINGS, ChannelMix, MixRow, MixTable, channel_mix


def _filtered(request: HttpRequest) -> tuple[ChannelMixFilterForm, ChannelMix | None]:
    form = ChannelMixFilterForm.bound(request.GET)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, channel_mix(
        date_from=data["start"], date_to=data["end"], group_by=data["group_by"], district=data["district"]
    )


def _query(mix: ChannelMix) -> str:
    district = mix.district.slug if mix.district else ""
    period = {"start": mix.date_from.isoformat(), "end": mix.date_to.isoformat()}
    return urlencode({**period, "group_by": mix.group_by, "district": district})


@rules.allow(rules.MANAGERS)
def channel_mix_page(request: HttpRequest) -> HttpResponse:
    form, mix = _filtered(request)
    context: dict[str, Any] = {"form": form, "mix": mix}
    if mix is not None:
        context["csv_url"] = f"{reverse('steering:channel-mix-csv')}?{_query(mix)}"
        context["group_label"] = GROUPINGS[mix.group_by]
        context["tables"] = [
            ("zaken", _("Zaken per kanaal"), mix.cases, _("Geen zaken in deze periode.")),
            ("contactmomenten", _("Contactmomenten per kanaal"), mix.contacts, _("Geen contacten in deze periode.")),
        ]
    return render(request, "steering/channel_mix.html", context, status=200 if mix else 400)


def _text(value: str) -> str:
    """Names typed by staff never start a formula in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _percent(value: float | None) -> str:
    """One decimal with a comma, as Excel expects in Belgium; empty when there is nothing to share."""
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _csv_rows(source: str, table: MixTable, channels: list[str]) -> list[list[str | int]]:
    """One line per row; a channel the source does not have (a chat case) stays empty."""
    index = {column.key: i for i, column in enumerate(table.columns)}

    def line(row: MixRow) -> list[str | int]:
        cells = row.cells
        counts = [row.counts[index[key]] if key in index else "" for key in channels]
        percents = [_percent(cells[index[key]].percent) if key in index else "" for key in channels]
        return [source, row.key, _text(row.label), *counts, row.total, _percent(row.share), *percents]

    return [line(row) for row in table.rows] + [line(table.totals)]


@rules.allow(rules.MANAGERS)
def channel_mix_csv(request: HttpRequest) -> HttpResponse:
    """The channel mix as a spreadsheet: counts only, no personal data, so not audited."""
    form, mix = _filtered(request)
    if mix is None:
        problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    where = mix.district.slug if mix.district else "alle"
    name = f"kanaalmix-{mix.group_by}-{where}-{mix.date_from:%Y%m%d}-{mix.date_to:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    columns = {column.key: column.label for table in (mix.cases, mix.contacts) for column in table.columns}
    channels = [key for key in CHANNELS if key in columns] + [key for key in columns if key not in CHANNELS]
    labels = [columns[key] for key in channels]
    percents = [f"{label} (%)" for label in labels]
    writer.writerow(["bron", "sleutel", "naam", *labels, "totaal", "aandeel (%)", *percents])
    for source, table in (("zaken", mix.cases), ("contactmomenten", mix.contacts)):
        writer.writerows(_csv_rows(source, table, channels))
    return response
