"""The letters API: ``POST /api/v1/letters/`` returns the letter with its ``reference``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR, error_response, query_validated
from loket.correspondence import selectors, services
from loket.correspondence.models import Letter, Party

app_name = "correspondence-api"


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["code", "kind", "name"]


class LetterSerializer(serializers.ModelSerializer):
    sender = PartySerializer()
    recipients = PartySerializer(many=True)
    district: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    in_reply_to: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    attachments = serializers.SerializerMethodField()

    class Meta:
        model = Letter
        fields = [
            "reference",
            "direction",
            "district",
            "sender",
            "recipients",
            "subject",
            "body",
            "letter_date",
            "registered_at",
            "sent_at",
            "received_at",
            "closed_at",
            "status",
            "reply_expected",
            "reply_days",
            "reply_due",
            "in_reply_to",
            "attachments",
        ]

    def get_attachments(self, letter: Letter) -> list[str]:
        return [item.original_name for item in letter.attachments.all()]


class LetterInSerializer(serializers.Serializer):
    sender = serializers.CharField(
        help_text="Partijcode, bv. district_council:berchem of city_service:stad-mobiliteit."
    )
    recipients = serializers.ListField(child=serializers.CharField(), min_length=1)
    subject = serializers.CharField(max_length=250)
    letter_date = serializers.DateField()
    body = serializers.CharField(required=False, allow_blank=True, default="")
    reply_expected = serializers.BooleanField(required=False, default=False)
    reply_days = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=250)
    in_reply_to = serializers.CharField(required=False, allow_blank=True, default="")
    pdf = serializers.FileField(required=False)
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class LetterQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Letter.Status.choices, required=False)
    direction = serializers.ChoiceField(choices=Letter.Direction.choices, required=False)
    awaiting_reply = serializers.BooleanField(required=False)


class StatusInSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[Letter.Status.SENT, Letter.Status.RECEIVED, Letter.Status.CLOSED])


def _validation_error(exc: ValidationError) -> Response:
    details = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
    return error_response(
        code="invalid", message=" ".join(exc.messages), status=http.HTTP_400_BAD_REQUEST, details=details
    )


def _letter_input(request: Request) -> Any:
    """JSON as it is; a multipart form with its repeated fields as lists."""
    data: Any = request.data
    if not hasattr(data, "getlist"):
        return data
    values = {key: data.get(key) for key in data}
    values["recipients"] = data.getlist("recipients")
    values["attachments"] = request.FILES.getlist("attachments")
    return values


class LetterAPIView(GenericAPIView):
    rule = rules.CORRESPONDENTS
    serializer_class = LetterSerializer
    queryset = Letter.objects.none()
    filter_backends: list[Any] = []


class LetterListView(LetterAPIView):
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        operation_id="letters_list",
        parameters=[LetterQuerySerializer],
        responses={200: LetterSerializer(many=True), 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = query_validated(LetterQuerySerializer, request)
        letters = selectors.letters_visible_to(user=request.user).prefetch_related("recipients", "attachments")
        if "status" in query:
            letters = letters.filter(status=query["status"])
        if "direction" in query:
            letters = letters.filter(direction=query["direction"])
        if query.get("awaiting_reply"):
            letters = letters.filter(reply_expected=True).exclude(status__in=["answered", "closed"])
        page = self.paginate_queryset(letters)
        return self.get_paginated_response(LetterSerializer(page, many=True).data)

    @extend_schema(
        operation_id="letters_create",
        request={"application/json": LetterInSerializer, "multipart/form-data": LetterInSerializer},
        responses={201: LetterSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request) -> Response:
        body = LetterInSerializer(data=_letter_input(request))
        body.is_valid(raise_exception=True)
        values = dict(body.validated_data)
        parent_ref = values.pop("in_reply_to")
        parent = selectors.letter_get(user=request.user, reference=parent_ref) if parent_ref else None
        try:
            letter = services.letter_register(actor=request.user, in_reply_to=parent, **values)
        except ValidationError as exc:
            return _validation_error(exc)
        except PermissionDenied as exc:
            return error_response(code="permission_denied", message=str(exc), status=http.HTTP_403_FORBIDDEN)
        return Response(LetterSerializer(letter).data, status=http.HTTP_201_CREATED)


class LetterDetailView(LetterAPIView):
    @extend_schema(operation_id="letters_retrieve", responses={200: LetterSerializer, 404: ERROR})
    def get(self, request: Request, reference: str) -> Response:
        return Response(LetterSerializer(selectors.letter_get(user=request.user, reference=reference)).data)


class LetterStatusView(LetterAPIView):
    @extend_schema(
        operation_id="letters_set_status",
        request=StatusInSerializer,
        parameters=[OpenApiParameter("reference", str, OpenApiParameter.PATH)],
        responses={200: LetterSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, reference: str) -> Response:
        letter = selectors.letter_get(user=request.user, reference=reference)
        body = StatusInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if not selectors.user_may_write_for(user=request.user, parties=[letter.sender, *letter.recipients.all()]):
            return error_response(
                code="permission_denied",
                message=_("Je mag de status van deze brief niet wijzigen."),
                status=http.HTTP_403_FORBIDDEN,
            )
        try:
            letter = services.letter_set_status(
                letter=letter, to_status=body.validated_data["status"], actor=request.user
            )
        except ValidationError as exc:
            return _validation_error(exc)
        return Response(LetterSerializer(letter).data)


urlpatterns = [
    path("letters/", LetterListView.as_view(), name="letter-list"),
    path("letters/<str:reference>/", LetterDetailView.as_view(), name="letter-detail"),
    path("letters/<str:reference>/status/", LetterStatusView.as_view(), name="letter-status"),
]
