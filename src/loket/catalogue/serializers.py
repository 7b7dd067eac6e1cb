"""API shapes of the catalogue: query parameters in, services, topics and advice out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from loket.catalogue.models import Level, Service


# --- query parameters ---------------------------------------------------------------------
class ServiceListQuery(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    topic = serializers.SlugField(required=False)
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    online = serializers.BooleanField(required=False, allow_null=True, default=None)


class ChannelAdviceQuery(serializers.Serializer):
    digital = serializers.BooleanField(required=False, default=True)
    needs_help = serializers.BooleanField(required=False, default=False)
    reduced_mobility = serializers.BooleanField(required=False, default=False)
    district = serializers.SlugField(required=False)


class CompetenceLookupQuery(serializers.Serializer):
    topic = serializers.SlugField()
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90)
    lon = serializers.FloatField(required=False, min_value=-180, max_value=180)
    district = serializers.SlugField(required=False)
    postcode = serializers.RegexField(r"^\d{4}$", required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("lat" in attrs) != ("lon" in attrs):
            raise serializers.ValidationError({"lat": "Geef zowel lat als lon."})
        return attrs


# --- output -------------------------------------------------------------------------------
class SlugNameSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ChannelsSerializer(serializers.Serializer):
    online = serializers.BooleanField()
    phone = serializers.BooleanField()
    counter = serializers.ChoiceField(choices=Service.Counter.choices)


def channels_of(service: Service) -> dict[str, Any]:
    return {"online": service.online, "phone": service.by_phone, "counter": service.counter}


class ServiceListSerializer(serializers.ModelSerializer):
    topic: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    level = serializers.ChoiceField(choices=Level.choices, source="topic.level", read_only=True)
    channels = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Service
        fields = ["slug", "name", "summary", "topic", "level", "channels", "url"]

    @extend_schema_field(ChannelsSerializer)
    def get_channels(self, service: Service) -> dict[str, Any]:
        return channels_of(service)

    def get_url(self, service: Service) -> str:
        path = reverse("catalogue:service-detail", kwargs={"slug": service.slug})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ServiceLocationSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.CharField()
    address = serializers.CharField()
    district = SlugNameSerializer(allow_null=True)
    accessible = serializers.BooleanField()


class ServiceDetailSerializer(ServiceListSerializer):
    topic_name = serializers.CharField(source="topic.name", read_only=True)
    documents = serializers.SerializerMethodField()
    synonyms = serializers.SerializerMethodField()
    locations = ServiceLocationSerializer(many=True, read_only=True)

    class Meta:
        model = Service
        fields = [
            *ServiceListSerializer.Meta.fields,
            "topic_name",
            "description",
            "online_url",
            "fee",
            "documents",
            "lead_time",
            "appointment_minutes",
            "on_behalf_allowed",
            "home_visit",
            "handling_days",
            "synonyms",
            "locations",
        ]

    def get_documents(self, service: Service) -> list[str]:
        return [line.strip() for line in service.documents.splitlines() if line.strip()]

    def get_synonyms(self, service: Service) -> list[str]:
        return service.synonym_list()


class CompetenceRowSerializer(serializers.Serializer):
    district = SlugNameSerializer(allow_null=True)
    team = SlugNameSerializer()


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)
    description = serializers.CharField()
    legal_basis = serializers.CharField()
    competences = CompetenceRowSerializer(many=True, source="competences.all")


class CompetenceAnswerSerializer(serializers.Serializer):
    topic = SlugNameSerializer()
    level = serializers.ChoiceField(choices=Level.choices)
    district = SlugNameSerializer(allow_null=True)
    team = SlugNameSerializer()


def hours_text(periods: list[tuple[dt.time, dt.time]]) -> list[str]:
    return [f"{opens:%H:%M}-{closes:%H:%M}" for opens, closes in periods]


class HoursField(serializers.ListField):
    child = serializers.CharField()

    def to_representation(self, data: Any) -> list[str]:
        return hours_text(data)


class LocationAdviceSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="location.slug")
    name = serializers.CharField(source="location.name")
    address = serializers.CharField(source="location.address")
    district = SlugNameSerializer(source="location.district", allow_null=True)
    in_citizen_district = serializers.BooleanField()
    accessible = serializers.BooleanField()
    open_now = serializers.BooleanField()
    open_today = serializers.BooleanField()
    hours_today = HoursField(help_text="Openingsuren vandaag, bv. 08:30-12:30.")
    closed_reason = serializers.CharField(allow_null=True)
    next_opening = serializers.DateTimeField(allow_null=True)


class ChannelOptionSerializer(serializers.Serializer):
    channel = serializers.CharField(help_text="online, phone of counter.")
    title = serializers.CharField()
    why = serializers.CharField(help_text="Waarom dit kanaal.")
    appointment_needed = serializers.BooleanField()
    url = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    open_now = serializers.BooleanField(allow_null=True)
    open_today = serializers.BooleanField(allow_null=True)
    hours_today = HoursField()
    closed_reason = serializers.CharField(allow_null=True)
    next_opening = serializers.DateTimeField(allow_null=True)
    locations = LocationAdviceSerializer(many=True)


class ChannelAdviceSerializer(serializers.Serializer):
    service = SlugNameSerializer()
    options = ChannelOptionSerializer(many=True)
