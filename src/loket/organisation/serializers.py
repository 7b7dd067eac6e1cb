"""Shapes of the organisation API: query parameters in, districts, locations and teams out."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from loket.organisation import selectors
from loket.organisation.models import District, Location, Team


# --- query parameters ----------------------------------------------------------------------
class DateQuery(serializers.Serializer):
    date = serializers.DateField(required=False, help_text="JJJJ-MM-DD; standaard vandaag.")


class LocateQuery(DateQuery):
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90)
    lon = serializers.FloatField(required=False, min_value=-180, max_value=180)
    postcode = serializers.RegexField(r"^\d{4}$", required=False, max_length=4)
    address = serializers.CharField(required=False, max_length=200, trim_whitespace=True)

    def _finite(self, value: float) -> float:
        if not math.isfinite(value):
            raise serializers.ValidationError(_("Geef een eindig getal."))
        return value

    validate_lat = _finite
    validate_lon = _finite

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("lat" in attrs) != ("lon" in attrs):
            raise serializers.ValidationError(_("Geef zowel lat als lon."))
        if "lat" not in attrs and not attrs.get("postcode") and not attrs.get("address"):
            raise serializers.ValidationError(_("Geef lat en lon, een postcode of een adres."))
        return attrs


class LocationQuery(serializers.Serializer):
    district = serializers.SlugField(required=False)
    kind = serializers.ChoiceField(choices=Location.Kind.choices, required=False)


class TeamQuery(serializers.Serializer):
    district = serializers.SlugField(required=False)
    level = serializers.ChoiceField(choices=Team.Level.choices, required=False)


# --- districts -----------------------------------------------------------------------------
class LocatedDistrictSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class LocateResultSerializer(serializers.Serializer):
    district = LocatedDistrictSerializer()
    method = serializers.ChoiceField(choices=["point", "postcode", "address"])


class DistrictHouseSerializer(serializers.ModelSerializer):
    address = serializers.CharField(read_only=True)

    class Meta:
        model = Location
        fields = ["id", "slug", "name", "address"]


class DistrictSerializer(serializers.ModelSerializer):
    district_house = DistrictHouseSerializer(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = District
        fields = ["slug", "name", "postcodes", "valid_from", "valid_until", "district_house", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, district: District) -> str:
        path = reverse("organisation-api:district-detail", kwargs={"slug": district.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class DistrictDetailSerializer(DistrictSerializer):
    boundary = serializers.JSONField(help_text="GeoJSON-geometrie (WGS84, lon/lat).")

    class Meta(DistrictSerializer.Meta):
        fields = [*DistrictSerializer.Meta.fields, "coordinator_name", "email", "phone", "website", "boundary"]


# --- locations -----------------------------------------------------------------------------
class WeeklyHoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 = maandag … 6 = zondag")
    opens = serializers.TimeField(format="%H:%M")
    closes = serializers.TimeField(format="%H:%M")
    by_appointment_only = serializers.BooleanField()


class SpecialDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    closed = serializers.BooleanField()
    periods = serializers.ListField(child=serializers.ListField(child=serializers.TimeField(format="%H:%M")))
    reason = serializers.CharField(allow_null=True)


class LocationSerializer(serializers.ModelSerializer):
    district: serializers.SlugRelatedField[District] = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    address = serializers.CharField(read_only=True)
    opening_hours = WeeklyHoursSerializer(many=True, read_only=True)
    open_now = serializers.SerializerMethodField()

    class Meta:
        model = Location
        fields = ["id", "slug", "name", "kind", "district", "address", "lat", "lon", "opening_hours", "open_now"]

    def get_open_now(self, location: Location) -> bool:
        return selectors.location_is_open(location=location, at=timezone.now())


class LocationDetailSerializer(LocationSerializer):
    special_days = serializers.SerializerMethodField(help_text="Feestdagen en uitzonderingen, de komende 60 dagen.")

    class Meta(LocationSerializer.Meta):
        fields = [*LocationSerializer.Meta.fields, "phone", "email", "regional", "accessible", "note", "special_days"]

    @extend_schema_field(SpecialDaySerializer(many=True))
    def get_special_days(self, location: Location) -> list[dict[str, Any]]:
        today = timezone.localdate()
        return [
            {
                "date": day,
                "closed": hours.is_closed,
                "periods": [[opens.strftime("%H:%M"), closes.strftime("%H:%M")] for opens, closes in hours.periods],
                "reason": hours.closed_reason or hours.note,
            }
            for day, hours in selectors.location_upcoming_closures(location=location, start=today, days=60)
        ]


class TeamSerializer(serializers.ModelSerializer):
    district: serializers.SlugRelatedField[District] = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Team
        fields = ["slug", "name", "level", "district", "email", "is_specialists"]


def parse_day(value: dt.date | None) -> dt.date:
    return value or timezone.localdate()
