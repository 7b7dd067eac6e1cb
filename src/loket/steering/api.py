"""The steering endpoints under /api/v1/: the channel mix, for managers.

Query parameters are validated by a serializer (a bad period, grouping or district answers 400
in the API's one error shape); the figures are counts only, so reading them is not audited.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR, query_validated
from loket.organisation.models import District
from loket.steering.forms import default_period
from loket.steering.selectors import GROUPINGS, MixRow, MixTable, PeriodInvalid, channel_mix, period_bounds

app_name = "steering-api"


class ChannelMixQuery(serializers.Serializer):
    to = serializers.DateField(required=False)
    group_by = serializers.ChoiceField(choices=list(GROUPINGS), default="service")
    district = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=District.objects.all(),
        required=False,
        allow_null=True,
        error_messages={"does_not_exist": _("Onbekend district."), "invalid": _("Onbekend district.")},
    )

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields["from"] = serializers.DateField(required=False)  # a keyword in Python, so added here
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = default_period()
        start, end = attrs.get("from") or start, attrs.get("to") or end
        try:
            period_bounds(date_from=start, date_to=end)
        except PeriodInvalid as exc:
            raise serializers.ValidationError({"to": [str(exc)]}) from exc
        return {**attrs, "from": start, "to": end}


class ChannelMixColumnSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Het kanaal: online, phone, counter, email, chat, api of internal.")
    label = serializers.CharField()  # type: ignore[assignment]


class ChannelMixRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Slug van de dienst, het district of het thema; leeg: zonder, of totaal.")
    label = serializers.CharField()  # type: ignore[assignment]
    counts = serializers.DictField(child=serializers.IntegerField(), help_text="Aantal per kanaal.")
    percentages = serializers.DictField(
        child=serializers.FloatField(allow_null=True), help_text="Aandeel van elk kanaal in de rij (0 tot 100)."
    )
    total = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True, help_text="Aandeel van de rij in het totaal (0 tot 100).")


class ChannelMixTableSerializer(serializers.Serializer):
    columns = ChannelMixColumnSerializer(many=True)
    rows = ChannelMixRowSerializer(many=True)
    totals = ChannelMixRowSerializer()


class ChannelMixSerializer(serializers.Serializer):
    to = serializers.DateField()
    group_by = serializers.ChoiceField(choices=list(GROUPINGS))
    district = serializers.CharField(allow_null=True, help_text="Slug van het district, of null voor de hele stad.")
    cases = ChannelMixTableSerializer(help_text="Zaken aangemaakt in de periode.")
    contact_moments = ChannelMixTableSerializer(help_text="Contactmomenten in de periode.")

    def get_fields(self) -> dict[str, serializers.Field]:
        return {"from": serializers.DateField(), **super().get_fields()}  # a keyword in Python, so added here


def _rounded(percent: float | None) -> float | None:
    return None if percent is None else round(percent, 1)


def _row(row: MixRow, keys: list[str]) -> dict[str, Any]:
    cells = row.cells
    return {
        "key": row.key,
        "label": row.label,
        "counts": dict(zip(keys, row.counts, strict=True)),
        "percentages": {key: _rounded(cell.percent) for key, cell in zip(keys, cells, strict=True)},
        "total": row.total,
        "share": _rounded(row.share),
    }


def _table(table: MixTable) -> dict[str, Any]:
    keys = [column.key for column in table.columns]
    return {
        "columns": [{"key": column.key, "label": column.label} for column in table.columns],
        "rows": [_row(row, keys) for row in table.rows],
        "totals": _row(table.totals, keys),
    }


class ChannelMixView(APIView):
    """Cases and contact moments of a period per channel, grouped by service, district or topic.

    A case counts in the district where the matter is, else its competent district; a contact
    moment in the citizen's district, else the location's. Days are whole days in Brussels.
    """

    rule = rules.MANAGERS

    @extend_schema(
        operation_id="steering_channel_mix",
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, description="Eerste dag (standaard 29 dagen voor vandaag)."),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Laatste dag, inbegrepen (standaard vandaag)."),
            OpenApiParameter("group_by", str, enum=list(GROUPINGS), description="Indeling (standaard service)."),
            OpenApiParameter("district", str, description="Slug van een district: enkel dat district."),
        ],
        responses={200: ChannelMixSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = query_validated(ChannelMixQuery, request)
        district = query.get("district")
        mix = channel_mix(date_from=query["from"], date_to=query["to"], group_by=query["group_by"], district=district)
        payload = {
            "from": mix.date_from,
            "to": mix.date_to,
            "group_by": mix.group_by,
            "district": district.slug if district else None,
            "cases": _table(mix.cases),
            "contact_moments": _table(mix.contacts),
        }
        return Response(ChannelMixSerializer(payload).data)


urlpatterns = [path("steering/channel-mix/", ChannelMixView.as_view(), name="channel-mix")]
