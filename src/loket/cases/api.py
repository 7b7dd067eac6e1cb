"""The cases API: list, open, read and work on cases; citizens list their own.

Views only translate HTTP: scoping is in ``selectors``, every write in ``services``.
Errors keep the API's one shape; an illegal transition answers 409 ``illegal_transition``
with the allowed next statuses in ``details.allowed``; an upload answers 413 ``too_large`` or
415 ``unsupported_media_type``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR, ErrorSerializer, error_response
from loket.cases import api_tasks, backoffice, selectors, services
from loket.cases import serializers as s
from loket.cases.models import Case
from loket.cases.workflows import IllegalTransition

app_name = "cases-api"

ORDER_CHOICES = sorted(selectors.ORDERINGS)
UPLOAD_ERRORS = {"too_large": http.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "unsupported_media_type": 415}


def _bool(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    if value.lower() in {"true", "1", "ja"}:
        return True
    if value.lower() in {"false", "0", "nee"}:
        return False
    raise ValidationError({"overdue": _("Gebruik true of false.")})


class CaseAPIView(GenericAPIView):
    """Each view declares its ``rule``; the queryset only tells the schema what a path's reference is."""

    queryset = Case.objects.none()
    filter_backends: list[Any] = []
    lookup_field = "reference"


LIST_PARAMETERS = [
    OpenApiParameter("status", str, description="Eén of meer statussen, gescheiden door komma's."),
    OpenApiParameter("kind", str, description="Soort zaak (request, report, question, …)."),
    OpenApiParameter("district", str, description="Slug van het bevoegde district."),
    OpenApiParameter("team", str, description="Slug van het team."),
    OpenApiParameter("assignee", str, description="Gebruikers-id van de behandelaar, of 'me'."),
    OpenApiParameter("overdue", bool, description="Enkel zaken over (true) of binnen (false) de termijn."),
    OpenApiParameter("ordering", str, enum=ORDER_CHOICES, description="Sortering; standaard 'deadline'."),
]


class CaseListView(CaseAPIView):
    """GET lists the cases the user may see (CASE_WORKERS); POST opens one (FRONT_OFFICE only)."""

    rule = rules.CASE_WORKERS
    create_rule = rules.FRONT_OFFICE
    serializer_class = s.CaseListSerializer

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if request.method == "POST":
            self.rule = self.create_rule  # narrower than the class rule: front office opens cases
        super().initial(request, *args, **kwargs)

    @extend_schema(
        operation_id="cases_list",
        parameters=LIST_PARAMETERS,
        responses={200: s.CaseListSerializer(many=True), 400: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = request.query_params
        assignee: Any = query.get("assignee") or None
        if assignee == "me":
            assignee = request.user
        elif assignee is not None and not assignee.isdigit():
            raise ValidationError({"assignee": _("Geef een gebruikers-id of 'me'.")})
        order = query.get("ordering") or "deadline"
        if order not in selectors.ORDERINGS:
            raise ValidationError({"ordering": _("Kies uit: %(choices)s.") % {"choices": ", ".join(ORDER_CHOICES)}})
        cases = selectors.case_list_for_user(
            user=request.user,
            status=[v for v in query.get("status", "").split(",") if v] or None,
            kind=query.get("kind") or None,
            district=query.get("district") or None,
            team=query.get("team") or None,
            assignee=assignee,
            overdue=_bool(query.get("overdue")),
            order=order,
        )
        page = self.paginate_queryset(cases)
        return self.get_paginated_response(s.CaseListSerializer(page, many=True).data)

    @extend_schema(
        operation_id="cases_create",
        request=s.CaseCreateSerializer,
        responses={201: s.CaseDetailSerializer, 400: ERROR, 403: ERROR},
    )
    def post(self, request: Request) -> Response:
        form = s.CaseCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        fields = dict(form.validated_data)
        case = services.case_create(actor=request.user, data=fields.pop("extra"), **fields)
        return Response(s.CaseDetailSerializer(case).data, status=http.HTTP_201_CREATED)


class CaseDetailView(CaseAPIView):
    """One case; reading a case with a citizen is written to the audit trail."""

    rule = rules.CASE_WORKERS
    serializer_class = s.CaseDetailSerializer

    @extend_schema(operation_id="cases_retrieve", responses={200: s.CaseDetailSerializer, 404: ERROR})
    def get(self, request: Request, reference: str) -> Response:
        case = selectors.case_get_for_user(user=request.user, reference=reference)
        services.case_record_view(case=case, actor=request.user, request=request)
        return Response(s.CaseDetailSerializer(case).data)


class CaseTransitionView(CaseAPIView):
    rule = rules.CASE_WORKERS
    serializer_class = s.TransitionSerializer

    @extend_schema(
        operation_id="cases_transition",
        request=s.TransitionSerializer,
        responses={
            200: s.CaseDetailSerializer,
            404: ERROR,
            409: OpenApiResponse(
                ErrorSerializer, description="illegal_transition: details.allowed noemt de toegelaten statussen."
            ),
        },
    )
    def post(self, request: Request, reference: str) -> Response:
        case = selectors.case_get_for_handler(user=request.user, reference=reference)
        form = s.TransitionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        try:
            case = services.case_transition(
                case=case, to_status=data["status"], actor=request.user, text=data["text"], public=data["public"]
            )
        except IllegalTransition as exc:
            return error_response(
                code="illegal_transition",
                message=str(exc),
                status=http.HTTP_409_CONFLICT,
                details={"from": exc.from_status, "to": exc.to_status, "allowed": exc.allowed},
            )
        return Response(
            s.CaseDetailSerializer(selectors.case_get_for_user(user=request.user, reference=reference)).data
        )


class CaseNoteView(CaseAPIView):
    rule = rules.CASE_WORKERS
    serializer_class = s.NoteSerializer

    @extend_schema(operation_id="cases_note", request=s.NoteSerializer, responses={201: s.EventSerializer, 400: ERROR})
    def post(self, request: Request, reference: str) -> Response:
        case = selectors.case_get_for_handler(user=request.user, reference=reference)
        form = s.NoteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        event = services.case_add_note(case=case, actor=request.user, **form.validated_data)
        return Response(s.EventSerializer(event).data, status=http.HTTP_201_CREATED)


class CaseAssignView(CaseAPIView):
    rule = rules.CASE_WORKERS
    serializer_class = s.AssignSerializer

    @extend_schema(
        operation_id="cases_assign", request=s.AssignSerializer, responses={200: s.CaseDetailSerializer, 400: ERROR}
    )
    def post(self, request: Request, reference: str) -> Response:
        case = selectors.case_get_for_handler(user=request.user, reference=reference)
        form = s.AssignSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.case_assign(
            case=case,
            actor=request.user,
            assignee=form.validated_data.get("assignee"),
            team=form.validated_data.get("team"),
        )
        case.refresh_from_db()
        return Response(s.CaseDetailSerializer(case).data)


class CaseAttachmentView(CaseAPIView):
    rule = rules.CASE_WORKERS
    serializer_class = s.AttachmentUploadSerializer
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="cases_attach",
        request={"multipart/form-data": s.AttachmentUploadSerializer},
        responses={201: s.AttachmentSerializer, 400: ERROR, 413: ERROR, 415: ERROR},
    )
    def post(self, request: Request, reference: str) -> Response:
        case = selectors.case_get_for_handler(user=request.user, reference=reference)
        form = s.AttachmentUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            attachment = services.case_add_attachment(case=case, upload=form.validated_data["file"], actor=request.user)
        except ValidationError as exc:
            if exc.code in UPLOAD_ERRORS:
                return error_response(code=str(exc.code), message=exc.messages[0], status=UPLOAD_ERRORS[str(exc.code)])
            raise
        return Response(s.AttachmentSerializer(attachment).data, status=http.HTTP_201_CREATED)


class CaseEventsView(CaseAPIView):
    rule = rules.CASE_WORKERS
    serializer_class = s.EventSerializer

    @extend_schema(operation_id="cases_events", responses={200: s.EventSerializer(many=True), 404: ERROR})
    def get(self, request: Request, reference: str) -> Response:
        case = selectors.case_get_for_user(user=request.user, reference=reference)
        handler = selectors.case_handled_by(user=request.user, case=case)
        page = self.paginate_queryset(selectors.case_history(case=case, public_only=not handler))
        return self.get_paginated_response(s.EventSerializer(page, many=True).data)


class CaseBulkAssignView(CaseAPIView):
    """Assign several cases at once to a person and/or a team; all or nothing.

    A reference outside the user's scope is refused like an unknown one (400) and nothing changes.
    """

    rule = rules.CASE_WORKERS
    serializer_class = s.BulkAssignSerializer

    @extend_schema(
        operation_id="cases_bulk_assign",
        request=s.BulkAssignSerializer,
        responses={200: s.BulkAssignResultSerializer, 400: ERROR},
    )
    def post(self, request: Request) -> Response:
        form = s.BulkAssignSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        done = backoffice.cases_bulk_assign(
            actor=request.user, references=data["references"], assignee=data.get("assignee"), team=data.get("team")
        )
        return Response({"assigned": [case.reference for case in done]})


class MyCasesView(CaseAPIView):
    """A citizen's own cases, newest first."""

    rule = rules.CITIZEN
    serializer_class = s.CitizenCaseSerializer

    @extend_schema(operation_id="me_cases_list", responses={200: s.CitizenCaseSerializer(many=True)})
    def get(self, request: Request) -> Response:
        cases = selectors.case_list_for_user(user=request.user, order="-created_at")
        page = self.paginate_queryset(cases)
        return self.get_paginated_response(s.CitizenCaseSerializer(page, many=True).data)


urlpatterns = [
    path("cases/", CaseListView.as_view(), name="case-list"),
    path("cases/assign/", CaseBulkAssignView.as_view(), name="case-bulk-assign"),
    path("cases/<str:reference>/", CaseDetailView.as_view(), name="case-detail"),
    path("cases/<str:reference>/transitions/", CaseTransitionView.as_view(), name="case-transitions"),
    path("cases/<str:reference>/notes/", CaseNoteView.as_view(), name="case-notes"),
    path("cases/<str:reference>/assign/", CaseAssignView.as_view(), name="case-assign"),
    path("cases/<str:reference>/attachments/", CaseAttachmentView.as_view(), name="case-attachments"),
    path("cases/<str:reference>/events/", CaseEventsView.as_view(), name="case-events"),
    path("me/cases/", MyCasesView.as_view(), name="my-cases"),
]
urlpatterns += api_tasks.urlpatterns  # /api/v1/tasks/: internal tasks
