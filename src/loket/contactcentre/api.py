"""The contact centre's endpoint under /api/v1/: what the workspace does at the end of a call.

``/api/v1/tasks/`` creates a bare task for a team the caller names. This endpoint is the contact
centre's composite write: the task (the competent team found for the service, the specialists
for an escalation, the contact centre itself for a callback, a default due time) together with
the contact moment that records the call, in one transaction.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR
from loket.cases.api_tasks import TaskSerializer
from loket.cases.models import InternalTask
from loket.citizens.serializers import ContactMomentSerializer
from loket.contactcentre import services
from loket.contactcentre.selectors import handover_due_default
from loket.contactcentre.serializers import HandoverInSerializer, HandoverOutSerializer

app_name = "contactcentre-api"


class HandoverCreateView(GenericAPIView):
    rule = rules.FRONT_OFFICE
    serializer_class = HandoverInSerializer
    queryset = InternalTask.objects.none()
    filter_backends: list[Any] = []
    pagination_class = None

    @extend_schema(
        operation_id="contact_centre_handovers_create",
        request=HandoverInSerializer,
        responses={201: HandoverOutSerializer, 400: ERROR, 403: ERROR},
        description="Geef de vraag van een beller door (backoffice of specialisten) of noteer een terugbelverzoek; "
        "het contactmoment (doorgegeven of terugbellen) wordt in dezelfde transactie geregistreerd.",
    )
    def post(self, request: Request) -> Response:
        form = HandoverInSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        kind = data.pop("kind")
        citizen = data.pop("citizen", None)
        due_at = data.pop("due_at", None) or handover_due_default()
        phone = data.pop("phone") or (citizen.phone if citizen is not None else "")
        common: dict[str, Any] = {
            "citizen": citizen,
            "title": data["title"],
            "description": data["description"],
            "due_at": due_at,
            "service": data.get("service"),
            "case": data.get("case"),
            "channel": data["channel"],
            "duration_seconds": data["duration_seconds"],
            "actor": request.user,
            "request": request,
        }
        if kind == InternalTask.Kind.CALLBACK:
            task, moment = services.callback_register(phone=phone, **common)
        else:
            task, moment = services.handover_register(kind=kind, team=data.get("team"), **common)
        body = {"task": TaskSerializer(task).data, "contact_moment": ContactMomentSerializer(moment).data}
        return Response(body, status=http.HTTP_201_CREATED)


urlpatterns = [
    path("contact-centre/handovers/", HandoverCreateView.as_view(), name="handover-create"),
]
