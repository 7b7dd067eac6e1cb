"""The booking API: availability (public), online booking (public), the appointment, cancel, reschedule.

Anonymous visitors and citizens always book on the online channel (within its share of the
desks); agents and clerks (FRONT_OFFICE) may book by phone or at the counter on a citizen's
behalf. An appointment is seen, cancelled or rescheduled through the API by the citizen it
belongs to or by front-office staff; anyone else gets 404 (its existence is not revealed).
Rules refused answer 400 with the rule's code; a slot that is gone answers 409 ``slot_taken``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.accounts.models import Role
from loket.apiconf import ERROR, error_response, query_validated
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.catalogue.models import Service
from loket.counters import booking
from loket.counters.capacity import service_bookable_at
from loket.counters.models import Appointment, AppointmentChannel
from loket.organisation.models import Location

MAX_RANGE_DAYS = 90
MAX_PERSONS = 6
SLOT_TAKEN = OpenApiResponse(ERROR.response, description="Het tijdstip is intussen volzet (slot_taken).")


def _service(slug: str) -> Service:
    service = Service.objects.filter(slug=slug, active=True).first()
    if service is None:
        raise serializers.ValidationError({"service": [_("Onbekende dienst.")]})
    return service


def _front_office(user: Any) -> bool:
    return rules.FRONT_OFFICE.allows(user)


def _citizen(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) and user.role == Role.CITIZEN else None


def _refused(exc: booking.BookingRefused) -> Response:
    return error_response(code=str(exc.code), message=exc.messages[0], status=400)


def _taken(exc: booking.SlotTaken) -> Response:
    return error_response(code="slot_taken", message=str(exc), status=409)


class AvailabilityQuery(serializers.Serializer):
    service = serializers.SlugField()
    to = serializers.DateField(required=False)
    channel = serializers.ChoiceField(choices=AppointmentChannel.choices, default=AppointmentChannel.ONLINE)
    persons = serializers.IntegerField(min_value=1, max_value=MAX_PERSONS, default=1)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields["from"] = serializers.DateField(required=False)  # a keyword in Python, so added here
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start = attrs.get("from") or timezone.localdate()
        end = attrs.get("to") or start + dt.timedelta(days=13)
        if end < start:
            raise serializers.ValidationError({"to": [_("'to' ligt voor 'from'.")]})
        if (end - start).days >= MAX_RANGE_DAYS:
            raise serializers.ValidationError(
                {"to": [_("Vraag hoogstens %(days)d dagen op.") % {"days": MAX_RANGE_DAYS}]}
            )
        return {**attrs, "from": start, "to": end}


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    remaining = serializers.IntegerField()


class AvailabilityView(APIView):
    """Free slots for one service at one location (remaining places per slot, for one channel)."""

    rule = rules.PUBLIC

    @extend_schema(
        operation_id="locations_availability",
        parameters=[
            OpenApiParameter("service", str, required=True, description="Slug van de dienst."),
            OpenApiParameter("from", OpenApiTypes.DATE, description="Eerste dag (standaard vandaag)."),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Laatste dag (standaard from + 13, max. 90 dagen)."),
            OpenApiParameter("channel", str, enum=AppointmentChannel.values, description="Standaard online."),
            OpenApiParameter("persons", int, description="Aantal personen of producten in één bezoek."),
        ],
        responses={200: SlotSerializer(many=True), 400: ERROR, 404: ERROR},
    )
    def get(self, request: Request, pk: int) -> Response:
        location = get_object_or_404(Location, pk=pk)
        query = query_validated(AvailabilityQuery, request)
        service = _service(query["service"])
        if not service_bookable_at(location=location, service=service):
            return error_response(
                code="service_not_offered",
                message=_("Voor deze dienst kan u op deze locatie geen afspraak maken."),
                status=400,
            )
        channel = query["channel"] if _front_office(request.user) else AppointmentChannel.ONLINE
        slots = booking.availability(
            location=location,
            service=service,
            start_date=query["from"],
            end_date=query["to"],
            channel=channel,
            persons=query["persons"],
        )
        return Response(SlotSerializer(slots, many=True).data)


class AppointmentSerializer(serializers.ModelSerializer):
    location = serializers.IntegerField(source="location_id")
    location_name = serializers.CharField(source="location.name")
    service = serializers.SlugField(source="service.slug")
    service_name = serializers.CharField(source="service.name")
    desk = serializers.CharField(source="desk.name")
    rescheduled_from = serializers.CharField(source="rescheduled_from.reference", allow_null=True, default=None)

    class Meta:
        model = Appointment
        fields = [
            "reference",
            "status",
            "location",
            "location_name",
            "service",
            "service_name",
            "desk",
            "start",
            "end",
            "persons",
            "channel",
            "name",
            "email",
            "phone",
            "needs_assistance",
            "rescheduled_from",
        ]


class AppointmentCreateSerializer(serializers.Serializer):
    location = serializers.IntegerField()
    service = serializers.SlugField()
    start = serializers.DateTimeField()
    persons = serializers.IntegerField(min_value=1, max_value=MAX_PERSONS, default=1)
    channel = serializers.ChoiceField(choices=AppointmentChannel.choices, default=AppointmentChannel.ONLINE)
    name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    needs_assistance = serializers.BooleanField(default=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        user = self.context["request"].user
        citizen = _citizen(user)
        if citizen is not None:
            attrs.setdefault("name", citizen.get_full_name() or citizen.username)
            attrs["email"] = attrs.get("email") or citizen.email
        missing = {f: [_("Dit veld is verplicht.")] for f in ("name", "email") if not attrs.get(f, "").strip()}
        if missing:
            raise serializers.ValidationError(missing)
        location = Location.objects.filter(pk=attrs["location"]).first()
        if location is None:
            raise serializers.ValidationError({"location": [_("Onbekende locatie.")]})
        if not _front_office(user):
            attrs["channel"] = AppointmentChannel.ONLINE
        return {**attrs, "location": location, "service": _service(attrs["service"]), "citizen": citizen}


class AppointmentCreateView(APIView):
    """Book an appointment: online for everyone; by phone or at the counter for agents and clerks."""

    rule = rules.PUBLIC

    @extend_schema(
        operation_id="appointments_create",
        request=AppointmentCreateSerializer,
        responses={201: AppointmentSerializer, 400: ERROR, 409: SLOT_TAKEN},
    )
    def post(self, request: Request) -> Response:
        body = AppointmentCreateSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            appointment = booking.appointment_book(
                location=data["location"],
                service=data["service"],
                start=data["start"],
                channel=data["channel"],
                name=data["name"],
                email=data["email"],
                phone=data.get("phone", ""),
                citizen=data["citizen"],
                persons=data["persons"],
                needs_assistance=data["needs_assistance"],
                actor=request.user,
            )
        except booking.BookingRefused as exc:
            return _refused(exc)
        except booking.SlotTaken as exc:
            return _taken(exc)
        return Response(AppointmentSerializer(appointment).data, status=201)


def appointment_for(request: Request, reference: str) -> Appointment:
    """The appointment if this user may see it (its citizen or front office), else 404."""
    try:
        appointment = booking.appointment_get_by_reference(reference=reference)
    except Appointment.DoesNotExist:
        appointment = None
    user = request.user
    if appointment is None or not (_front_office(user) or appointment.citizen_id == user.pk):
        raise Http404(_("Deze afspraak bestaat niet."))
    return appointment


class AppointmentDetailView(APIView):
    """One appointment, for the citizen it belongs to or front-office staff."""

    rule = rules.AUTHENTICATED

    @extend_schema(operation_id="appointments_retrieve", responses={200: AppointmentSerializer, 404: ERROR})
    def get(self, request: Request, reference: str) -> Response:
        appointment = appointment_for(request, reference)
        if appointment.citizen_id != request.user.pk:
            audit_record(
                actor=request.user,
                action=AuditEntry.Action.VIEW,
                obj=appointment,
                fields=["name", "email", "phone"],
                district_id=appointment.location.district_id,
                request=request,
            )
        return Response(AppointmentSerializer(appointment).data)


class AppointmentCancelView(APIView):
    """Cancel: the place is free again at once."""

    rule = rules.AUTHENTICATED

    @extend_schema(
        operation_id="appointments_cancel", request=None, responses={200: AppointmentSerializer, 400: ERROR, 404: ERROR}
    )
    def post(self, request: Request, reference: str) -> Response:
        appointment = appointment_for(request, reference)
        try:
            appointment = booking.appointment_cancel(appointment=appointment, actor=request.user)
        except booking.BookingRefused as exc:
            return _refused(exc)
        return Response(AppointmentSerializer(appointment).data)


class RescheduleSerializer(serializers.Serializer):
    start = serializers.DateTimeField()


class AppointmentRescheduleView(APIView):
    """Move to another time: a new appointment (new reference), the old one cancelled, atomically."""

    rule = rules.AUTHENTICATED

    @extend_schema(
        operation_id="appointments_reschedule",
        request=RescheduleSerializer,
        responses={
            201: AppointmentSerializer,
            400: ERROR,
            404: ERROR,
            409: SLOT_TAKEN,
        },
    )
    def post(self, request: Request, reference: str) -> Response:
        appointment = appointment_for(request, reference)
        body = RescheduleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            new = booking.appointment_reschedule(
                appointment=appointment, start=body.validated_data["start"], actor=request.user
            )
        except booking.BookingRefused as exc:
            return _refused(exc)
        except booking.SlotTaken as exc:
            return _taken(exc)
        return Response(AppointmentSerializer(new).data, status=201)


urlpatterns = [
    path("locations/<int:pk>/availability/", AvailabilityView.as_view(), name="location-availability"),
    path("appointments/", AppointmentCreateView.as_view(), name="appointment-create"),
    path("appointments/<str:reference>/", AppointmentDetailView.as_view(), name="appointment-detail"),
    path("appointments/<str:reference>/cancel/", AppointmentCancelView.as_view(), name="appointment-cancel"),
    path(
        "appointments/<str:reference>/reschedule/", AppointmentRescheduleView.as_view(), name="appointment-reschedule"
    ),
]
