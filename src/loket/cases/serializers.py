"""How cases look in the API. Serializers only translate; the services decide."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from loket.accounts.models import Role, User
from loket.cases.models import Attachment, Case, CaseEvent, Channel
from loket.cases.workflows import workflow_for, workflow_kinds
from loket.catalogue.models import Service, Topic
from loket.organisation.models import District, Team

STATUS_OPTIONS = inline_serializer(
    "CaseStatusOption", {"status": serializers.CharField(), "label": serializers.CharField()}, many=True
)


def _slug() -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(slug_field="slug", read_only=True)


def _username() -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(slug_field="username", read_only=True)


class CaseListSerializer(serializers.ModelSerializer):
    status_label = serializers.SerializerMethodField()
    topic = _slug()
    service = _slug()
    district = _slug()
    requesting_district = _slug()
    team = _slug()
    assignee = _username()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "reference",
            "kind",
            "title",
            "status",
            "status_label",
            "channel",
            "topic",
            "service",
            "district",
            "requesting_district",
            "team",
            "assignee",
            "deadline",
            "overdue",
            "created_at",
            "closed_at",
        ]

    def get_status_label(self, case: Case) -> str:
        return workflow_for(case.kind).label(case.status)

    def get_overdue(self, case: Case) -> bool:
        if case.closed_at is not None or case.deadline is None:
            return False
        return case.deadline < (case.paused_since or timezone.localdate())


class CitizenRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(source="get_full_name")


class CaseDetailSerializer(CaseListSerializer):
    location_district = _slug()
    citizen = CitizenRefSerializer(allow_null=True, read_only=True)
    allowed_transitions = serializers.SerializerMethodField()

    class Meta(CaseListSerializer.Meta):
        fields = [
            *CaseListSerializer.Meta.fields,
            "description",
            "citizen",
            "address",
            "lat",
            "lon",
            "location_district",
            "paused_since",
            "allowed_transitions",
            "data",
        ]

    @extend_schema_field(STATUS_OPTIONS)
    def get_allowed_transitions(self, case: Case) -> list[dict[str, str]]:
        workflow = workflow_for(case.kind)
        return [{"status": s, "label": workflow.label(s)} for s in workflow.allowed_next(case.status)]


class CitizenCaseSerializer(CaseListSerializer):
    """What a citizen sees of their own case: no team, assignee or internal fields."""

    class Meta(CaseListSerializer.Meta):
        fields = [
            "reference",
            "kind",
            "title",
            "status",
            "status_label",
            "channel",
            "deadline",
            "created_at",
            "closed_at",
        ]


class CaseCreateSerializer(serializers.Serializer):
    kind = serializers.CharField(label=_("soort"))
    title = serializers.CharField(label=_("titel"), max_length=200)
    description = serializers.CharField(label=_("omschrijving"), required=False, allow_blank=True, default="")
    channel = serializers.ChoiceField(label=_("kanaal"), choices=Channel.choices)
    topic = serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all(), required=False)
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.filter(active=True), required=False
    )
    lat = serializers.FloatField(min_value=-90, max_value=90, required=False)
    lon = serializers.FloatField(min_value=-180, max_value=180, required=False)
    address = serializers.CharField(max_length=250, required=False, allow_blank=True, default="")
    district = serializers.SlugRelatedField(slug_field="slug", queryset=District.objects.all(), required=False)
    requesting_district = serializers.SlugRelatedField(
        slug_field="slug", queryset=District.objects.all(), required=False
    )
    citizen = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(role=Role.CITIZEN), required=False)
    extra = serializers.DictField(label=_("extra gegevens (vrij)"), required=False, default=dict)

    def validate_kind(self, value: str) -> str:
        if value not in workflow_kinds():
            raise serializers.ValidationError(
                _("Onbekende soort zaak. Kies uit: %(kinds)s.") % {"kinds": ", ".join(workflow_kinds())}
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("lat" in attrs) != ("lon" in attrs):
            raise serializers.ValidationError({"lat": _("Geef zowel breedtegraad (lat) als lengtegraad (lon).")})
        return attrs


class TransitionSerializer(serializers.Serializer):
    status = serializers.CharField(label=_("nieuwe status"), max_length=30)
    text = serializers.CharField(label=_("toelichting"), required=False, allow_blank=True, default="")
    public = serializers.BooleanField(label=_("zichtbaar voor de burger"), required=False, default=False)


class NoteSerializer(serializers.Serializer):
    text = serializers.CharField(label=_("notitie"))
    public = serializers.BooleanField(label=_("zichtbaar voor de burger"), required=False, default=False)


class AssignSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.exclude(role=Role.CITIZEN).filter(is_active=True), required=False, allow_null=True
    )
    team = serializers.SlugRelatedField(slug_field="slug", queryset=Team.objects.all(), required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("assignee") and not attrs.get("team"):
            raise serializers.ValidationError(_("Geef een medewerker (assignee) of een team."))
        return attrs


class BulkAssignSerializer(AssignSerializer):
    references = serializers.ListField(
        child=serializers.CharField(max_length=20), min_length=1, max_length=500, label=_("referenties")
    )


class BulkAssignResultSerializer(serializers.Serializer):
    assigned = serializers.ListField(child=serializers.CharField())


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(label=_("bestand"))


class AttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attachment
        fields = ["id", "original_name", "content_type", "size", "sha256", "uploaded_at"]


class EventSerializer(serializers.ModelSerializer):
    actor = _username()
    assignee = _username()
    team = _slug()
    attachment = AttachmentSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CaseEvent
        fields = ["kind", "from_status", "to_status", "text", "public", "actor", "assignee", "team", "attachment", "at"]
