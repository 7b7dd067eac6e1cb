"""The helpdesk endpoints under /api/v1/helpdesk/questions/.

Districts (staff and coordinators) ask, read their own district's questions and reply; the
helpdesk reads every question, assigns, answers, asks back, closes and publishes the answer in the
knowledge base. Another district's question answers 404, like an unknown one. Errors keep the
API's one shape: 409 ``illegal_transition``, ``not_answered`` or ``already_published``; an upload
413 ``too_large`` or 415 ``unsupported_media_type``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.accounts.models import User
from loket.apiconf import ERROR, ErrorSerializer, error_response, query_validated
from loket.cases.models import Case
from loket.cases.workflows import IllegalTransition
from loket.helpdesk import selectors, services
from loket.helpdesk import serializers as s

CONFLICTS = {"not_answered", "already_published"}
UPLOAD_ERRORS = {"too_large": http.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "unsupported_media_type": 415}
CONFLICT = OpenApiResponse(
    ErrorSerializer, description="illegal_transition (details.allowed), not_answered of already_published."
)


def _code_of(exc: ValidationError) -> str:
    """The first known code of a ValidationError, also when it is keyed by field."""
    errors = [error for field in getattr(exc, "error_dict", {}).values() for error in field] or [exc]
    for error in errors:
        code = str(getattr(error, "code", "") or "")
        if code in CONFLICTS or code in UPLOAD_ERRORS:
            return code
    return ""


def _refusal(exc: Exception) -> Response | None:
    """The API's answer to a refused write, or None to let the default handler answer (400/403)."""
    if isinstance(exc, IllegalTransition):
        return error_response(
            code="illegal_transition",
            message=str(exc),
            status=http.HTTP_409_CONFLICT,
            details={"from": exc.from_status, "to": exc.to_status, "allowed": exc.allowed},
        )
    if isinstance(exc, ValidationError):
        code = _code_of(exc)
        if code in CONFLICTS:
            return error_response(code=code, message=exc.messages[0], status=http.HTTP_409_CONFLICT)
        if code in UPLOAD_ERRORS:
            return error_response(code=code, message=exc.messages[0], status=UPLOAD_ERRORS[code])
    return None


class QuestionAPIView(GenericAPIView):
    """Each view declares its ``rule``; the queryset only tells the schema what a reference is."""

    queryset = Case.objects.none()
    filter_backends: list[Any] = []
    lookup_field = "reference"

    def detail(self, request: Request, case: Case, status: int = http.HTTP_200_OK) -> Response:
        fresh = selectors.question_get(user=request.user, reference=case.reference)
        public_only = not rules.HELPDESK_STAFF.allows(request.user)
        data = s.QuestionDetailSerializer(fresh, context={"public_only": public_only}).data
        return Response(data, status=status)


LIST_PARAMETERS = [
    OpenApiParameter("status", str, description="'open' (standaard), 'all' of één status."),
    OpenApiParameter("topic", str, enum=[value for value, _label in s.QuestionTopic.choices]),
    OpenApiParameter("district", str, description="Slug van het vragende district (enkel voor de helpdesk zinvol)."),
    OpenApiParameter("assignee", str, enum=["me", "nobody"]),
    OpenApiParameter("breached", bool, description="Enkel vragen over (true) of binnen (false) de termijn."),
]


class QuestionListView(QuestionAPIView):
    """GET: the questions the user may see (a district: its own); POST: a district asks one."""

    rule = rules.HELPDESK_USERS
    create_rule = rules.DISTRICT_ASKERS
    serializer_class = s.QuestionListSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if request.method == "POST":
            self.rule = self.create_rule  # narrower than the class rule: only districts ask
        super().initial(request, *args, **kwargs)

    @extend_schema(
        operation_id="helpdesk_questions_list",
        parameters=LIST_PARAMETERS,
        responses={200: s.QuestionListSerializer(many=True), 400: ERROR, 403: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = query_validated(s.QuestionQuerySerializer, request)
        filters = selectors.QuestionFilters(**query)
        page = self.paginate_queryset(selectors.question_list(user=request.user, filters=filters))
        return self.get_paginated_response(s.QuestionListSerializer(page, many=True).data)

    @extend_schema(
        operation_id="helpdesk_questions_create",
        request={"application/json": s.QuestionCreateSerializer, "multipart/form-data": s.QuestionCreateSerializer},
        responses={201: s.QuestionDetailSerializer, 400: ERROR, 403: ERROR, 413: ERROR, 415: ERROR},
    )
    def post(self, request: Request) -> Response:
        form = s.QuestionCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        try:
            case = services.question_ask(
                actor=request.user,
                title=data["title"],
                text=data["text"],
                topic=data["topic"],
                uploads=data["attachments"],
            )
        except ValidationError as exc:
            refusal = _refusal(exc)
            if refusal is None:
                raise
            return refusal
        return self.detail(request, case, status=http.HTTP_201_CREATED)


class QuestionDetailView(QuestionAPIView):
    """One question with its conversation (a district reads the public messages only)."""

    rule = rules.HELPDESK_USERS
    serializer_class = s.QuestionDetailSerializer

    @extend_schema(operation_id="helpdesk_questions_retrieve", responses={200: s.QuestionDetailSerializer, 404: ERROR})
    def get(self, request: Request, reference: str) -> Response:
        return self.detail(request, selectors.question_get(user=request.user, reference=reference))


class QuestionActionView(QuestionAPIView):
    """A write on one question: validate the body, call the service, answer the question again."""

    rule = rules.HELPDESK_STAFF
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def post(self, request: Request, reference: str) -> Response:
        case = selectors.question_get(user=request.user, reference=reference)
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            result = self.act(request, case, dict(form.validated_data))
        except (ValidationError, IllegalTransition) as exc:
            refusal = _refusal(exc)
            if refusal is None:
                raise
            return refusal
        if result is not None:
            return result  # type: ignore[no-any-return]
        return self.detail(request, case)


ACTION_RESPONSES = {200: s.QuestionDetailSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: CONFLICT}


class QuestionAssignView(QuestionActionView):
    serializer_class = s.QuestionAssignSerializer

    @extend_schema(operation_id="helpdesk_questions_assign", responses=ACTION_RESPONSES)
    def post(self, request: Request, reference: str) -> Response:
        return super().post(request, reference)

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> None:
        assignee: Any = request.user
        if "assignee" in data:
            assignee = User.objects.filter(pk=data["assignee"]).first()
            if assignee is None:
                raise ValidationError({"assignee": _("Onbekende medewerker.")})
        services.question_assign(case=case, actor=request.user, assignee=assignee)


class QuestionAnswerView(QuestionActionView):
    serializer_class = s.QuestionAnswerSerializer

    @extend_schema(
        operation_id="helpdesk_questions_answer",
        request={"application/json": s.QuestionAnswerSerializer, "multipart/form-data": s.QuestionAnswerSerializer},
        responses={**ACTION_RESPONSES, 413: ERROR, 415: ERROR},
    )
    def post(self, request: Request, reference: str) -> Response:
        return super().post(request, reference)

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> None:
        uploads = request.FILES.getlist("attachments") if hasattr(request, "FILES") else []
        final = data["final"] is not False
        services.question_answer(case=case, actor=request.user, text=data["text"], final=final, uploads=uploads)


class QuestionAskBackView(QuestionActionView):
    serializer_class = s.QuestionAskBackSerializer

    @extend_schema(operation_id="helpdesk_questions_ask_back", responses=ACTION_RESPONSES)
    def post(self, request: Request, reference: str) -> Response:
        return super().post(request, reference)

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> None:
        services.question_ask_back(case=case, actor=request.user, text=data["text"])


class QuestionReplyView(QuestionActionView):
    rule = rules.DISTRICT_ASKERS
    serializer_class = s.QuestionReplySerializer

    @extend_schema(
        operation_id="helpdesk_questions_reply",
        request={"application/json": s.QuestionReplySerializer, "multipart/form-data": s.QuestionReplySerializer},
        responses={**ACTION_RESPONSES, 413: ERROR, 415: ERROR},
    )
    def post(self, request: Request, reference: str) -> Response:
        return super().post(request, reference)

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> None:
        uploads = request.FILES.getlist("attachments") if hasattr(request, "FILES") else []
        services.question_asker_reply(
            case=case, actor=request.user, text=data["text"], reopen=data["reopen"], uploads=uploads
        )


class QuestionCloseView(QuestionActionView):
    serializer_class = s.QuestionCloseSerializer

    @extend_schema(operation_id="helpdesk_questions_close", responses=ACTION_RESPONSES)
    def post(self, request: Request, reference: str) -> Response:
        return super().post(request, reference)

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> None:
        services.question_close(case=case, actor=request.user, text=data["text"])


class QuestionPublishView(QuestionActionView):
    """Publish the answer in the knowledge base in one step; answers the new article (201)."""

    serializer_class = s.QuestionPublishSerializer

    @extend_schema(
        operation_id="helpdesk_questions_publish",
        responses={201: s.PublishedArticleSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: CONFLICT},
    )
    def post(self, request: Request, reference: str) -> Response:
        return super().post(request, reference)

    def act(self, request: Request, case: Case, data: dict[str, Any]) -> Response:
        data.setdefault("topic", None)
        data.setdefault("competence", None)
        article = services.question_publish_answer(case=case, actor=request.user, **data)
        return Response(s.PublishedArticleSerializer(article).data, status=http.HTTP_201_CREATED)


urlpatterns = [
    path("helpdesk/questions/", QuestionListView.as_view(), name="helpdesk-question-list"),
    path("helpdesk/questions/<str:reference>/", QuestionDetailView.as_view(), name="helpdesk-question-detail"),
    path("helpdesk/questions/<str:reference>/assign/", QuestionAssignView.as_view(), name="helpdesk-question-assign"),
    path("helpdesk/questions/<str:reference>/answer/", QuestionAnswerView.as_view(), name="helpdesk-question-answer"),
    path(
        "helpdesk/questions/<str:reference>/ask-back/", QuestionAskBackView.as_view(), name="helpdesk-question-ask-back"
    ),
    path("helpdesk/questions/<str:reference>/reply/", QuestionReplyView.as_view(), name="helpdesk-question-reply"),
    path("helpdesk/questions/<str:reference>/close/", QuestionCloseView.as_view(), name="helpdesk-question-close"),
    path(
        "helpdesk/questions/<str:reference>/publish/", QuestionPublishView.as_view(), name="helpdesk-question-publish"
    ),
]
