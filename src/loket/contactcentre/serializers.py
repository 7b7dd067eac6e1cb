"""API shapes of the contact centre: one hand-over, escalation or callback with its contact moment."""

from __future__ import annotations

from rest_framework import serializers

from loket.cases.api_tasks import TaskSerializer
from loket.cases.models import Case, InternalTask
from loket.catalogue.models import Service
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.serializers import ContactMomentSerializer
from loket.organisation.models import Team


class HandoverInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=InternalTask.Kind.choices,
        help_text="handover: naar een backoffice (het gekozen of het bevoegde team); escalation: naar het centraal "
        "team specialisten; callback: op de terugbellijst van het contactcenter.",
    )
    citizen = serializers.PrimaryKeyRelatedField(
        queryset=Citizen.objects.select_related("user", "district"),
        required=False,
        allow_null=True,
        help_text="Id van de burger (zoals in /api/v1/citizens/); leeg voor een anonieme beller.",
    )
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.filter(active=True), required=False, allow_null=True
    )
    team = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Team.objects.all(),
        required=False,
        allow_null=True,
        help_text="Enkel bij handover. Leeg: het team dat volgens het bevoegdhedenregister de dienst behandelt "
        "voor de burger.",
    )
    case = serializers.SlugRelatedField(
        slug_field="reference", queryset=Case.objects.all(), required=False, allow_null=True
    )
    due_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="Standaard: het einde (17:00) van de volgende werkdag."
    )
    phone = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=30,
        help_text="Enkel bij callback; leeg: het telefoonnummer van de burger.",
    )
    channel = serializers.ChoiceField(choices=ContactMoment.Channel.choices, default=ContactMoment.Channel.PHONE)
    duration_seconds = serializers.IntegerField(min_value=0, max_value=8 * 3600, default=0)


class HandoverOutSerializer(serializers.Serializer):
    task = TaskSerializer()
    contact_moment = ContactMomentSerializer()
