"""Mijn loket in the API: a citizen reads one of their cases and replies to it (rule CITIZEN).

``GET /api/v1/me/cases/{reference}/`` answers the citizen's view (public timeline, their
documents); ``POST /api/v1/me/cases/{reference}/messages/`` takes JSON ``{"text": …}`` or a
multipart form with ``text`` and ``files`` (repeatable) and answers 201 with the new message.
Another citizen's reference answers 404 like an unknown one. A closed case answers 409
``case_closed``; a refused file 413 ``too_large`` or 415 ``unsupported_media_type`` (or 400 for an
empty file), with one message per file in ``details.files``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR, error_response
from loket.cases.messages import (
    MAX_TEXT,
    CitizenCaseView,
    case_citizen_reply,
    case_citizen_view,
    message_documents,
)
from loket.cases.models import Attachment, Case
from loket.cases.selectors import case_get_for_user

UPLOAD_STATUS = {"too_large": http.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "unsupported_media_type": 415}
API_FIELDS = {"uploads": "files"}


class CitizenDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField()

    def get_download_url(self, attachment: Attachment) -> str:
        reference = self.context["reference"]
        return reverse("citizens:document", kwargs={"reference": reference, "attachment_id": attachment.pk})


class CitizenEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField(help_text="created, status, note, message of attachment.")
    summary = serializers.CharField(source="label")
    text = serializers.CharField()
    by_citizen = serializers.BooleanField()
    document = CitizenDocumentSerializer(source="attachment", allow_null=True)


class CitizenCaseDetailSerializer(serializers.Serializer):
    reference = serializers.CharField(source="case.reference")
    kind = serializers.CharField(source="case.kind")
    kind_label = serializers.CharField()
    title = serializers.CharField(source="case.title")
    status = serializers.CharField(source="case.status")
    status_label = serializers.CharField()
    waiting_for_you = serializers.BooleanField(source="waiting", help_text="De zaak wacht op uw antwoord.")
    question = serializers.CharField(help_text="Wat de stad vraagt, zolang de zaak op uw antwoord wacht.")
    closed = serializers.BooleanField()
    deadline = serializers.DateField(source="case.deadline", allow_null=True)
    created_at = serializers.DateTimeField(source="case.created_at")
    closed_at = serializers.DateTimeField(source="case.closed_at", allow_null=True)
    events = CitizenEventSerializer(many=True)
    documents = CitizenDocumentSerializer(source="attachments", many=True)


class MessageSerializer(serializers.Serializer):
    text = serializers.CharField(label=_("bericht"), required=False, allow_blank=True, max_length=MAX_TEXT, default="")


class MessageUploadSerializer(MessageSerializer):
    files = serializers.ListField(child=serializers.FileField(), required=False, label=_("documenten"))


class MessageResultSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    text = serializers.CharField()
    documents = CitizenDocumentSerializer(many=True)
    status = serializers.CharField()
    status_label = serializers.CharField()
    waiting_for_you = serializers.BooleanField()
    deadline = serializers.DateField(allow_null=True)


def _detail(view: CitizenCaseView) -> dict[str, Any]:
    return dict(CitizenCaseDetailSerializer(view, context={"reference": view.case.reference}).data)


class MyCaseAPIView(GenericAPIView):
    rule = rules.CITIZEN
    queryset = Case.objects.none()
    filter_backends: list[Any] = []
    pagination_class = None
    lookup_field = "reference"


class MyCaseDetailView(MyCaseAPIView):
    """One of the citizen's own cases with its public timeline and the documents they sent."""

    serializer_class = CitizenCaseDetailSerializer

    @extend_schema(operation_id="me_cases_retrieve", responses={200: CitizenCaseDetailSerializer, 404: ERROR})
    def get(self, request: Request, reference: str) -> Response:
        case = case_get_for_user(user=request.user, reference=reference)
        return Response(_detail(case_citizen_view(case=case)))


def _reply_error(exc: ValidationError) -> Response:
    if not hasattr(exc, "error_dict"):
        code = "case_closed" if exc.code == "closed" else "invalid"
        status = http.HTTP_409_CONFLICT if exc.code == "closed" else http.HTTP_400_BAD_REQUEST
        return error_response(code=code, message=" ".join(exc.messages), status=status)
    details = {
        API_FIELDS.get(name, name): [" ".join(e.messages) for e in errors] for name, errors in exc.error_dict.items()
    }
    codes = [e.code for e in exc.error_dict.get("uploads", [])]
    upload_code = next((c for c in codes if c in UPLOAD_STATUS), None)
    if upload_code is not None:
        return error_response(
            code=upload_code, message=details["files"][0], status=UPLOAD_STATUS[upload_code], details=details
        )
    return error_response(
        code="invalid", message=_("De invoer is ongeldig."), status=http.HTTP_400_BAD_REQUEST, details=details
    )


class MyCaseMessageView(MyCaseAPIView):
    """The citizen replies on their own open case; a case waiting for them resumes."""

    serializer_class = MessageSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="me_cases_messages_create",
        request={"application/json": MessageSerializer, "multipart/form-data": MessageUploadSerializer},
        responses={201: MessageResultSerializer, 400: ERROR, 404: ERROR, 409: ERROR, 413: ERROR, 415: ERROR},
    )
    def post(self, request: Request, reference: str) -> Response:
        case = case_get_for_user(user=request.user, reference=reference)
        form = MessageSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        uploads = request.FILES.getlist("files") if hasattr(request, "FILES") else []
        try:
            event = case_citizen_reply(
                case=case, citizen=request.user, text=form.validated_data["text"], uploads=uploads
            )
        except ValidationError as exc:
            return _reply_error(exc)
        view = case_citizen_view(case=case)
        documents = message_documents(event=event)
        result = {
            "at": event.at,
            "kind": event.kind,
            "text": event.text,
            "documents": documents,
            "status": case.status,
            "status_label": view.status_label,
            "waiting_for_you": view.waiting,
            "deadline": case.deadline,
        }
        data = MessageResultSerializer(result, context={"reference": case.reference}).data
        return Response(data, status=http.HTTP_201_CREATED)


urlpatterns = [
    path("me/cases/<str:reference>/", MyCaseDetailView.as_view(), name="my-case-detail"),
    path("me/cases/<str:reference>/messages/", MyCaseMessageView.as_view(), name="my-case-messages"),
]
