"""The consultations API: meetings with their agenda, proposals, and action points."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR, error_response
from loket.consultations import selectors, services
from loket.consultations.models import ActionPoint, AgendaItem, Meeting, MeetingSeries
from loket.organisation.models import District

app_name = "consultations-api"


class AgendaItemSerializer(serializers.ModelSerializer):
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    documents = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "title",
            "description",
            "district",
            "status",
            "refusal_reason",
            "position",
            "minutes",
            "decision",
            "documents",
        ]

    def get_documents(self, item: AgendaItem) -> list[str]:
        return [doc.original_name for doc in item.documents.all()]


class ActionPointSerializer(serializers.ModelSerializer):
    owner_district: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ActionPoint
        fields = ["id", "title", "owner_name", "owner_district", "due_date", "status", "done_at", "note", "meeting"]


class MeetingSerializer(serializers.ModelSerializer):
    series: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    districts: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "series", "title", "starts_at", "ends_at", "place", "status", "districts", "proposals_until"]


class MeetingDetailSerializer(MeetingSerializer):
    agenda = serializers.SerializerMethodField()
    proposals = serializers.SerializerMethodField()
    actions_carried = serializers.SerializerMethodField()
    actions_new = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "agenda", "proposals", "actions_carried", "actions_new"]

    def get_agenda(self, meeting: Meeting) -> list[dict[str, Any]]:
        return AgendaItemSerializer(selectors.agenda(meeting=meeting), many=True).data  # type: ignore[return-value]

    def get_proposals(self, meeting: Meeting) -> list[dict[str, Any]]:
        items = selectors.proposals_visible(meeting=meeting, user=self.context["request"].user)
        return AgendaItemSerializer(items, many=True).data  # type: ignore[return-value]

    def get_actions_carried(self, meeting: Meeting) -> list[dict[str, Any]]:
        return ActionPointSerializer(selectors.actions_carried(meeting=meeting), many=True).data  # type: ignore[return-value]

    def get_actions_new(self, meeting: Meeting) -> list[dict[str, Any]]:
        return ActionPointSerializer(meeting.actions.all(), many=True).data  # type: ignore[return-value]


class MeetingInSerializer(serializers.Serializer):
    series = serializers.SlugRelatedField(slug_field="slug", queryset=MeetingSeries.objects.all())
    title = serializers.CharField(max_length=200)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    proposals_until = serializers.DateTimeField(required=False, allow_null=True, default=None)
    guests = serializers.CharField(required=False, allow_blank=True, default="")


class ProposalInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    documents = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class DecisionInSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "refuse"])
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ActionInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=250)
    owner_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    owner_district = serializers.SlugRelatedField(
        slug_field="slug", queryset=District.objects.all(), required=False, allow_null=True, default=None
    )
    due_date = serializers.DateField()


class CompleteInSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")
    meeting = serializers.IntegerField(required=False, allow_null=True, default=None)


def _refused(exc: Exception) -> Response:
    if isinstance(exc, PermissionDenied):
        return error_response(code="permission_denied", message=str(exc), status=http.HTTP_403_FORBIDDEN)
    assert isinstance(exc, ValidationError)
    details = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
    return error_response(
        code="invalid", message=" ".join(exc.messages), status=http.HTTP_400_BAD_REQUEST, details=details
    )


class ConsultationView(GenericAPIView):
    rule = rules.HELPDESK_USERS
    queryset = Meeting.objects.none()
    serializer_class = MeetingSerializer
    filter_backends: list[Any] = []


class MeetingListView(ConsultationView):
    @extend_schema(operation_id="meetings_list", responses={200: MeetingSerializer(many=True), 403: ERROR})
    def get(self, request: Request) -> Response:
        meetings = selectors.meetings_visible_to(user=request.user).prefetch_related("districts").order_by("-starts_at")
        page = self.paginate_queryset(meetings)
        return self.get_paginated_response(MeetingSerializer(page, many=True).data)

    @extend_schema(
        operation_id="meetings_plan",
        request=MeetingInSerializer,
        responses={201: MeetingSerializer, 400: ERROR, 403: ERROR},
    )
    def post(self, request: Request) -> Response:
        body = MeetingInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            meeting = services.meeting_plan(actor=request.user, **body.validated_data)
        except (ValidationError, PermissionDenied) as exc:
            return _refused(exc)
        return Response(MeetingSerializer(meeting).data, status=http.HTTP_201_CREATED)


class MeetingDetailView(ConsultationView):
    @extend_schema(operation_id="meetings_retrieve", responses={200: MeetingDetailSerializer, 404: ERROR})
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
        return Response(MeetingDetailSerializer(meeting, context={"request": request}).data)


class ProposalView(ConsultationView):
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        operation_id="meetings_propose_item",
        request={"application/json": ProposalInSerializer, "multipart/form-data": ProposalInSerializer},
        responses={201: AgendaItemSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
        data: Any = request.data
        if hasattr(data, "getlist"):
            data = {
                "title": data.get("title", ""),
                "description": data.get("description", ""),
                "documents": request.FILES.getlist("documents"),
            }
        body = ProposalInSerializer(data=data)
        body.is_valid(raise_exception=True)
        try:
            item = services.item_propose(meeting=meeting, actor=request.user, **body.validated_data)
        except (ValidationError, PermissionDenied) as exc:
            return _refused(exc)
        return Response(AgendaItemSerializer(item).data, status=http.HTTP_201_CREATED)


class ItemDecisionView(ConsultationView):
    rule = rules.HELPDESK_STAFF

    @extend_schema(
        operation_id="agenda_items_decide",
        request=DecisionInSerializer,
        responses={200: AgendaItemSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, item_id: int) -> Response:
        item = AgendaItem.objects.filter(pk=item_id).first()
        if item is None:
            raise Http404
        selectors.meeting_get(user=request.user, meeting_id=item.meeting_id)
        body = DecisionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            if body.validated_data["decision"] == "accept":
                item = services.item_accept(item=item, actor=request.user)
            else:
                item = services.item_refuse(item=item, actor=request.user, reason=body.validated_data["reason"])
        except (ValidationError, PermissionDenied) as exc:
            return _refused(exc)
        return Response(AgendaItemSerializer(item).data)


class ActionAddView(ConsultationView):
    rule = rules.HELPDESK_STAFF

    @extend_schema(
        operation_id="meetings_add_action",
        request=ActionInSerializer,
        responses={201: ActionPointSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
        body = ActionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            action = services.action_add(meeting=meeting, actor=request.user, **body.validated_data)
        except (ValidationError, PermissionDenied) as exc:
            return _refused(exc)
        return Response(ActionPointSerializer(action).data, status=http.HTTP_201_CREATED)


class ActionCompleteView(ConsultationView):
    rule = rules.HELPDESK_STAFF

    @extend_schema(
        operation_id="action_points_complete",
        request=CompleteInSerializer,
        responses={200: ActionPointSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, action_id: int) -> Response:
        action = ActionPoint.objects.filter(pk=action_id).first()
        if action is None:
            raise Http404
        selectors.meeting_get(user=request.user, meeting_id=action.meeting_id)
        body = CompleteInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        meeting_id = body.validated_data["meeting"]
        meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id) if meeting_id else None
        try:
            action = services.action_complete(
                action=action, actor=request.user, note=body.validated_data["note"], meeting=meeting
            )
        except (ValidationError, PermissionDenied) as exc:
            return _refused(exc)
        return Response(ActionPointSerializer(action).data)


urlpatterns = [
    path("meetings/", MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:meeting_id>/", MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/<int:meeting_id>/items/", ProposalView.as_view(), name="meeting-propose"),
    path("meetings/<int:meeting_id>/actions/", ActionAddView.as_view(), name="meeting-action-add"),
    path("agenda-items/<int:item_id>/decision/", ItemDecisionView.as_view(), name="agenda-item-decision"),
    path("action-points/<int:action_id>/complete/", ActionCompleteView.as_view(), name="action-point-complete"),
]
