"""The visit API: register a visit at a desk in one call, escalate it to the central specialists.

For counter staff (``COUNTER_STAFF``). The same services as the visit pages validate the input
(``counters.visits``): refusals answer 400 in the API's one error shape, with the field they
concern. Escalating answers the task as ``/api/v1/tasks/`` shows it; that generic endpoint could
create an escalation too, but not with the visit's and the case's context, nor the specialists
team and the due time chosen for the clerk.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR
from loket.cases.api_tasks import TaskSerializer
from loket.cases.selectors import case_visible_to
from loket.catalogue.models import Service
from loket.citizens.models import Citizen, ContactMoment
from loket.counters import visit_selectors, visits
from loket.counters.models import Appointment, CounterVisit, Desk, Ticket


class VisitCreateSerializer(serializers.Serializer):
    desk = serializers.PrimaryKeyRelatedField(queryset=Desk.objects.select_related("location"))
    citizen = serializers.PrimaryKeyRelatedField(
        queryset=Citizen.objects.select_related("user", "district"),
        required=False,
        allow_null=True,
        help_text=gettext_lazy("Id van de burger (/api/v1/citizens/); leeg: de burger van de afspraak, of anoniem."),
    )
    ticket = serializers.PrimaryKeyRelatedField(queryset=Ticket.objects.all(), required=False, allow_null=True)
    appointment = serializers.SlugRelatedField(
        slug_field="reference",
        queryset=Appointment.objects.select_related("citizen"),
        required=False,
        allow_null=True,
        help_text=gettext_lazy("Referentie van een afspraak van vandaag op deze locatie."),
    )
    services = serializers.ListField(
        child=serializers.SlugField(), help_text=gettext_lazy("De behandelde diensten (slugs); minstens één.")
    )
    outcome = serializers.ChoiceField(choices=ContactMoment.Outcome.choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="", max_length=visits.MAX_NOTES)
    duration_minutes = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        max_value=visits.MAX_DURATION_MINUTES,
        help_text=gettext_lazy("Enkel zonder volgnummer; leeg: nul. Met volgnummer telt de tijd van oproep tot nu."),
    )

    def validate_services(self, slugs: list[str]) -> list[Service]:
        found = {service.slug: service for service in Service.objects.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise serializers.ValidationError(_("Onbekende dienst: %(slugs)s.") % {"slugs": ", ".join(unknown)})
        return [found[slug] for slug in dict.fromkeys(slugs)]


class VisitSerializer(serializers.ModelSerializer):
    location: serializers.Field = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    ticket: serializers.Field = serializers.SlugRelatedField(slug_field="code", read_only=True)
    appointment: serializers.Field = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    services: serializers.Field = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    outcome = serializers.CharField(source="contact_moment.outcome", default=None, read_only=True)
    notes = serializers.CharField(source="contact_moment.notes", default="", read_only=True)
    duration_seconds = serializers.IntegerField(source="contact_moment.duration_seconds", default=None, read_only=True)
    closed_cases: serializers.Field = serializers.SlugRelatedField(slug_field="reference", many=True, read_only=True)
    escalations: serializers.Field = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = CounterVisit
        fields = [
            "id",
            "desk",
            "location",
            "citizen",
            "ticket",
            "appointment",
            "services",
            "outcome",
            "notes",
            "duration_seconds",
            "started_at",
            "registered_at",
            "contact_moment",
            "closed_cases",
            "escalations",
        ]


class EscalationSerializer(serializers.Serializer):
    description = serializers.CharField(
        max_length=visits.MAX_NOTES, help_text=gettext_lazy("Wat is het probleem? Voor de specialisten.")
    )
    case = serializers.CharField(
        required=False,
        allow_null=True,
        max_length=20,
        help_text=gettext_lazy("Referentie van een zaak van de burger; de taak krijgt haar context."),
    )
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.filter(active=True), required=False, allow_null=True
    )
    due_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text=gettext_lazy("Standaard het einde van de volgende werkdag.")
    )


def _visit(pk: int) -> CounterVisit:
    return get_object_or_404(CounterVisit, pk=pk)


class VisitCreateView(APIView):
    """Register a visit at a desk: the citizen's contact moment (channel counter, the desk's
    location) with the services handled, outcome, time spent and notes; the ticket is finished."""

    rule = rules.COUNTER_STAFF

    @extend_schema(
        operation_id="counter_visits_create",
        request=VisitCreateSerializer,
        responses={201: VisitSerializer, 400: ERROR, 403: ERROR},
    )
    def post(self, request: Request) -> Response:
        body = VisitCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data: dict[str, Any] = body.validated_data
        visit = visits.visit_record(
            desk=data["desk"],
            actor=request.user,
            citizen=data.get("citizen"),
            ticket=data.get("ticket"),
            appointment=data.get("appointment"),
            services=data["services"],
            outcome=data["outcome"],
            notes=data["notes"],
            duration_minutes=data.get("duration_minutes"),
            request=request,
        )
        return Response(VisitSerializer(visit_selectors.visit_get(visit_id=visit.pk)).data, status=201)


class VisitEscalateView(APIView):
    """Escalate a visit to the central specialists: an escalation task for their team with the
    description, the visit and the chosen case's context; the case gets an internal note."""

    rule = rules.COUNTER_STAFF

    @extend_schema(
        operation_id="counter_visits_escalate",
        request=EscalationSerializer,
        responses={201: TaskSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, pk: int) -> Response:
        visit = _visit(pk)
        body = EscalationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data: dict[str, Any] = body.validated_data
        case = None
        if data.get("case"):
            case = case_visible_to(user=request.user).filter(reference=data["case"].strip().upper()).first()
            if case is None:
                raise serializers.ValidationError({"case": [_("Onbekende zaak.")]})
        task = visits.visit_escalate(
            visit=visit,
            description=data["description"],
            case=case,
            service=data.get("service"),
            due_at=data.get("due_at"),
            actor=request.user,
            request=request,
        )
        return Response(TaskSerializer(task).data, status=201)


urlpatterns = [
    path("counter-visits/", VisitCreateView.as_view(), name="counter-visit-create"),
    path("counter-visits/<int:pk>/escalate/", VisitEscalateView.as_view(), name="counter-visit-escalate"),
]
