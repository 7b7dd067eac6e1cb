"""API shapes for citizens, their timeline and contact moments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rest_framework import serializers

from loket.cases.models import Case
from loket.catalogue.models import Service, Topic
from loket.citizens.hooks import TimelineItem
from loket.citizens.models import Citizen, ContactMoment, Language
from loket.citizens.national import national_number_format, phone_format
from loket.organisation.models import Location


class CitizenSerializer(serializers.ModelSerializer):
    first_name = serializers.CharField(source="user.first_name")
    last_name = serializers.CharField(source="user.last_name")
    email = serializers.EmailField(source="user.email")
    national_number = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    user = serializers.IntegerField(source="user_id", read_only=True)

    class Meta:
        model = Citizen
        fields = [
            "id",
            "user",
            "first_name",
            "last_name",
            "email",
            "national_number",
            "phone",
            "street",
            "number",
            "postcode",
            "district",
            "preferred_language",
            "needs_digital_help",
        ]
        read_only_fields = fields

    def get_national_number(self, citizen: Citizen) -> str:
        return national_number_format(citizen.national_number) if citizen.national_number else ""

    def get_phone(self, citizen: Citizen) -> str:
        return phone_format(citizen.phone)


class CitizenWriteSerializer(serializers.Serializer):
    """Input for create (names required) and update (every field optional, ``partial=True``)."""

    first_name = serializers.CharField(max_length=150)
    last_name = serializers.CharField(max_length=150)
    national_number = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    street = serializers.CharField(required=False, allow_blank=True, max_length=120)
    number = serializers.CharField(required=False, allow_blank=True, max_length=20)
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=4)
    preferred_language = serializers.ChoiceField(choices=Language.choices, required=False)
    needs_digital_help = serializers.BooleanField(required=False)


class TimelineItemSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    channel = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    url = serializers.CharField()
    reference = serializers.CharField()


def timeline_item_data(item: TimelineItem) -> dict[str, str]:
    """The same shape as TimelineItemSerializer, built directly (the timeline is long)."""
    return {
        "at": item.at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "kind": item.kind,
        "channel": item.channel,
        "title": str(item.title),
        "status": str(item.status),
        "url": item.url,
        "reference": item.reference,
    }


class ContactMomentSerializer(serializers.ModelSerializer):
    citizen = serializers.PrimaryKeyRelatedField(queryset=Citizen.objects.all(), allow_null=True, required=False)
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), allow_null=True, required=False
    )
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.all(), allow_null=True, required=False
    )
    location = serializers.SlugRelatedField(
        slug_field="slug", queryset=Location.objects.all(), allow_null=True, required=False
    )
    case = serializers.SlugRelatedField(
        slug_field="reference", queryset=Case.objects.all(), allow_null=True, required=False
    )
    staff = serializers.IntegerField(source="staff_id", read_only=True)

    class Meta:
        model = ContactMoment
        fields = [
            "id",
            "citizen",
            "channel",
            "outcome",
            "topic",
            "service",
            "duration_seconds",
            "notes",
            "location",
            "case",
            "staff",
            "at",
        ]
        read_only_fields = ["id", "staff", "at"]

    def create(self, validated_data: Any) -> ContactMoment:  # pragma: no cover - the view calls the service
        raise NotImplementedError
