"""The internal tasks API: list and create tasks, read one, assign, complete, cancel.

Views only translate HTTP; scoping and every write are in ``internal_tasks``. A task that is no
longer open answers 409 ``task_not_open``. Reading tasks that carry a citizen's name or phone
number is written to the audit trail (one line per page of a list).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.accounts.models import Role, User
from loket.apiconf import ERROR, ErrorSerializer, error_response, query_validated
from loket.cases import internal_tasks, selectors
from loket.cases.models import Channel, InternalTask
from loket.catalogue.models import Service
from loket.organisation.models import Team

# --- Serializers ---------------------------------------------------------------------------


class TaskPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField(source="get_full_name")


def _by(slug_field: str) -> serializers.SlugRelatedField[Any]:
    return serializers.SlugRelatedField(slug_field=slug_field, read_only=True)


class TaskSerializer(serializers.ModelSerializer):
    team = _by("slug")
    service = _by("slug")
    case = _by("reference")
    citizen = TaskPersonSerializer(allow_null=True, read_only=True)
    assignee = TaskPersonSerializer(allow_null=True, read_only=True)
    created_by = _by("username")
    done_by = _by("username")
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = InternalTask
        fields = [
            "id",
            "kind",
            "status",
            "title",
            "description",
            "citizen",
            "case",
            "service",
            "phone",
            "team",
            "assignee",
            "channel",
            "due_at",
            "overdue",
            "created_at",
            "created_by",
            "done_at",
            "done_by",
            "result",
        ]

    def get_overdue(self, task: InternalTask) -> bool:
        return task.status == InternalTask.Status.OPEN and task.due_at < timezone.now()


class TaskQuerySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=InternalTask.Kind.choices, required=False)
    status = serializers.ChoiceField(choices=InternalTask.Status.choices, required=False)
    team = serializers.SlugRelatedField(slug_field="slug", queryset=Team.objects.all(), required=False)
    overdue = serializers.BooleanField(required=False, allow_null=True, default=None)


class TaskCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(label=gettext_lazy("soort"), choices=InternalTask.Kind.choices)
    title = serializers.CharField(label=gettext_lazy("onderwerp"), max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    team = serializers.SlugRelatedField(slug_field="slug", queryset=Team.objects.all())
    due_at = serializers.DateTimeField(label=gettext_lazy("uiterlijk af op"))
    citizen = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(role=Role.CITIZEN), required=False, allow_null=True
    )
    case = serializers.CharField(label=gettext_lazy("referentie van de zaak"), required=False, max_length=20)
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.all(), required=False, allow_null=True
    )
    phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=30)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False, default=Channel.PHONE)
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.exclude(role=Role.CITIZEN), required=False, allow_null=True
    )


class TaskAssignSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.exclude(role=Role.CITIZEN),
        allow_null=True,
        help_text=gettext_lazy("Gebruikers-id van de collega; null geeft de taak terug aan het team."),
    )


class TaskCompleteSerializer(serializers.Serializer):
    result = serializers.CharField(max_length=2000)


class TaskCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


# --- Views ---------------------------------------------------------------------------------

NOT_OPEN = OpenApiResponse(ErrorSerializer, description="task_not_open: de taak is niet meer open.")


def _not_open(exc: internal_tasks.TaskNotOpen) -> Response:
    message = " ".join(exc.messages)
    return error_response(code="task_not_open", message=message, status=409, details={"status": exc.status})


class TaskAPIView(GenericAPIView):
    # Every task endpoint is for case workers; what they see is scoped in ``internal_tasks``.
    rule = rules.CASE_WORKERS
    queryset = InternalTask.objects.none()
    filter_backends: list[Any] = []
    lookup_url_kwarg = "task_id"


class TaskListView(TaskAPIView):
    serializer_class = TaskSerializer

    @extend_schema(
        operation_id="tasks_list",
        parameters=[TaskQuerySerializer],
        responses={200: TaskSerializer(many=True), 400: ERROR},
        description="Interne taken binnen je bereik, de vroegste eerst. Zonder status: alle statussen.",
    )
    def get(self, request: Request) -> Response:
        query = query_validated(TaskQuerySerializer, request)
        tasks = internal_tasks.task_list(
            user=request.user,
            kind=query.get("kind"),
            status=query.get("status"),
            team=query.get("team"),
            overdue=query.get("overdue"),
        )
        page = self.paginate_queryset(tasks) or []
        internal_tasks.task_list_record_view(tasks=list(page), actor=request.user, request=request)
        return self.get_paginated_response(TaskSerializer(page, many=True).data)

    @extend_schema(
        operation_id="tasks_create",
        request=TaskCreateSerializer,
        responses={201: TaskSerializer, 400: ERROR},
        description="Geef een vraag door aan een team, escaleer naar de tweede lijn of noteer een terugbelverzoek.",
    )
    def post(self, request: Request) -> Response:
        form = TaskCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        fields = dict(form.validated_data)
        reference = fields.pop("case", None)
        case = None
        if reference:
            # A case outside the user's scope is refused like an unknown one.
            case = selectors.case_visible_to(user=request.user).filter(reference=reference).first()
            if case is None:
                raise ValidationError({"case": [_("Geen zaak met referentie %(ref)s.") % {"ref": reference}]})
        task = internal_tasks.task_create(actor=request.user, case=case, **fields)
        return Response(TaskSerializer(task).data, status=http.HTTP_201_CREATED)


class TaskDetailView(TaskAPIView):
    serializer_class = TaskSerializer

    @extend_schema(
        operation_id="tasks_retrieve",
        responses={200: TaskSerializer, 404: ERROR},
        description="Eén taak met haar context (burger, zaak, dienst, telefoon); het inkijken wordt gelogd.",
    )
    def get(self, request: Request, task_id: int) -> Response:
        task = internal_tasks.task_get(user=request.user, task_id=task_id)
        internal_tasks.task_record_view(task=task, actor=request.user, request=request)
        return Response(TaskSerializer(task).data)


class TaskAssignView(TaskAPIView):
    serializer_class = TaskAssignSerializer

    @extend_schema(
        operation_id="tasks_assign",
        description="Geef een open taak aan een collega (of aan jezelf); null geeft ze terug aan het team.",
        request=TaskAssignSerializer,
        responses={200: TaskSerializer, 400: ERROR, 404: ERROR, 409: NOT_OPEN},
    )
    def post(self, request: Request, task_id: int) -> Response:
        task = internal_tasks.task_get(user=request.user, task_id=task_id)
        form = TaskAssignSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            internal_tasks.task_assign(task=task, actor=request.user, assignee=form.validated_data["assignee"])
        except internal_tasks.TaskNotOpen as exc:
            return _not_open(exc)
        return Response(TaskSerializer(internal_tasks.task_get(user=request.user, task_id=task_id)).data)


class TaskCompleteView(TaskAPIView):
    serializer_class = TaskCompleteSerializer

    @extend_schema(
        operation_id="tasks_complete",
        description="Handel een open taak af met het resultaat (verplicht).",
        request=TaskCompleteSerializer,
        responses={200: TaskSerializer, 400: ERROR, 404: ERROR, 409: NOT_OPEN},
    )
    def post(self, request: Request, task_id: int) -> Response:
        task = internal_tasks.task_get(user=request.user, task_id=task_id)
        form = TaskCompleteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            internal_tasks.task_complete(task=task, actor=request.user, result=form.validated_data["result"])
        except internal_tasks.TaskNotOpen as exc:
            return _not_open(exc)
        return Response(TaskSerializer(internal_tasks.task_get(user=request.user, task_id=task_id)).data)


class TaskCancelView(TaskAPIView):
    serializer_class = TaskCancelSerializer

    @extend_schema(
        operation_id="tasks_cancel",
        description="Annuleer een open taak met een reden (verplicht); de reden wordt het resultaat.",
        request=TaskCancelSerializer,
        responses={200: TaskSerializer, 400: ERROR, 404: ERROR, 409: NOT_OPEN},
    )
    def post(self, request: Request, task_id: int) -> Response:
        task = internal_tasks.task_get(user=request.user, task_id=task_id)
        form = TaskCancelSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            internal_tasks.task_cancel(task=task, actor=request.user, reason=form.validated_data["reason"])
        except internal_tasks.TaskNotOpen as exc:
            return _not_open(exc)
        return Response(TaskSerializer(internal_tasks.task_get(user=request.user, task_id=task_id)).data)


urlpatterns = [
    path("tasks/", TaskListView.as_view(), name="task-list"),
    path("tasks/<int:task_id>/", TaskDetailView.as_view(), name="task-detail"),
    path("tasks/<int:task_id>/assign/", TaskAssignView.as_view(), name="task-assign"),
    path("tasks/<int:task_id>/complete/", TaskCompleteView.as_view(), name="task-complete"),
    path("tasks/<int:task_id>/cancel/", TaskCancelView.as_view(), name="task-cancel"),
]
