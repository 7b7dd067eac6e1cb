"""The queue API: tickets (public, as at the kiosk), check-in, the display's view, desk actions.

Desk and ticket actions and check-in by reference are for counter staff (``COUNTER_STAFF``):
references are sequential, so checking someone else in must not be open to anyone. Refusals
answer in the API's one error shape: 409 ``desk_closed`` or ``illegal_transition``, 400 for
the rest (``service_not_offered``, ``appointment_cancelled``, ``appointment_not_today``, …).
Call-next answers 204 when nobody waits for the desk.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR, error_response
from loket.catalogue.models import Service
from loket.counters import estimate, queues
from loket.counters.models import Appointment, Desk, Queue, Ticket
from loket.organisation.models import Location

CONFLICTS = {"desk_closed", "illegal_transition"}


class TicketSerializer(serializers.ModelSerializer):
    service: serializers.Field = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    desk = serializers.CharField(source="desk.name", default=None, read_only=True)
    position = serializers.SerializerMethodField()
    estimated_wait_minutes = serializers.SerializerMethodField()

    class Meta:
        model = Ticket
        fields = [
            "id",
            "code",
            "status",
            "service",
            "priority",
            "desk",
            "created_at",
            "called_at",
            "recalls",
            "position",
            "estimated_wait_minutes",
            "public_token",
        ]

    def get_position(self, ticket: Ticket) -> int:
        return estimate.ticket_position(ticket=ticket)

    def get_estimated_wait_minutes(self, ticket: Ticket) -> int:
        return estimate.ticket_wait_estimate(ticket=ticket)


class TicketTakeSerializer(serializers.Serializer):
    service = serializers.SlugField()
    priority = serializers.BooleanField(default=False)


class TransferSerializer(serializers.Serializer):
    queue = serializers.IntegerField(required=False)
    desk = serializers.IntegerField(required=False)


class FinishSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=200, allow_blank=True, default="")


class CalledSerializer(serializers.Serializer):
    code = serializers.CharField()
    desk = serializers.CharField()
    called_at = serializers.DateTimeField()


class QueueViewSerializer(serializers.Serializer):
    called = CalledSerializer(many=True)
    waiting = serializers.DictField(child=serializers.IntegerField(), help_text="Wachtenden per wachtrij (letter).")


def _refused(exc: queues.QueueRefused) -> Response:
    code = str(exc.code)
    return error_response(code=code, message=exc.messages[0], status=409 if code in CONFLICTS else 400)


def _ticket(ticket: Ticket, status: int = 200) -> Response:
    return Response(TicketSerializer(ticket).data, status=status)


class TicketTakeView(APIView):
    """Take a walk-in ticket at a location, as at the kiosk."""

    rule = rules.PUBLIC

    @extend_schema(
        operation_id="counters_ticket_take",
        request=TicketTakeSerializer,
        responses={201: TicketSerializer, 400: ERROR, 404: ERROR},
    )
    def post(self, request: Request, pk: int) -> Response:
        location = get_object_or_404(Location, pk=pk)
        body = TicketTakeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        service = Service.objects.filter(slug=body.validated_data["service"], active=True).first()
        if service is None:
            raise serializers.ValidationError({"service": [_("Onbekende dienst.")]})
        try:
            ticket = queues.ticket_take(location=location, service=service, priority=body.validated_data["priority"])
        except queues.QueueRefused as exc:
            return _refused(exc)
        return _ticket(ticket, 201)


class LocationQueueView(APIView):
    """What the waiting-room display shows: the latest calls and how many wait per queue."""

    rule = rules.PUBLIC

    @extend_schema(operation_id="counters_location_queue", responses={200: QueueViewSerializer, 404: ERROR})
    def get(self, request: Request, pk: int) -> Response:
        location = get_object_or_404(Location, pk=pk)
        called = estimate.display_called(location=location)
        waiting = {queue.letter: 0 for queue in Queue.objects.filter(location=location)}
        for letter in Ticket.objects.filter(
            location=location, day=timezone.localdate(), status=Ticket.Status.WAITING
        ).values_list("queue__letter", flat=True):
            waiting[letter] = waiting.get(letter, 0) + 1
        return Response(
            {
                "called": [
                    {"code": t.code, "desk": t.desk.name if t.desk else "", "called_at": t.called_at} for t in called
                ],
                "waiting": waiting,
            }
        )


class CheckInView(APIView):
    """Check in an appointment by its reference (a ticket in the appointments queue)."""

    rule = rules.COUNTER_STAFF

    @extend_schema(
        operation_id="counters_appointment_check_in",
        request=None,
        responses={201: TicketSerializer, 400: ERROR, 404: ERROR},
    )
    def post(self, request: Request, reference: str) -> Response:
        appointment = get_object_or_404(Appointment, reference=reference.upper())
        try:
            ticket = queues.appointment_check_in(appointment=appointment)
        except queues.QueueRefused as exc:
            return _refused(exc)
        return _ticket(ticket, 201)


class CallNextView(APIView):
    """Call the next visitor to this desk: 200 with the ticket, 204 when nobody waits."""

    rule = rules.COUNTER_STAFF

    @extend_schema(
        operation_id="counters_desk_call_next",
        request=None,
        responses={200: TicketSerializer, 204: OpenApiResponse(description="Niemand wacht."), 404: ERROR, 409: ERROR},
    )
    def post(self, request: Request, pk: int) -> Response:
        desk = get_object_or_404(Desk, pk=pk)
        try:
            ticket = queues.desk_call_next(desk=desk, actor=request.user)
        except queues.QueueRefused as exc:
            return _refused(exc)
        return Response(status=204) if ticket is None else _ticket(ticket)


class TicketActionView(APIView):
    """recall, no-show, start, transfer (``{"queue": id}`` or ``{"desk": id}``) or finish (``{"outcome"}``)."""

    rule = rules.COUNTER_STAFF
    action = ""

    def _act(self, request: Request, ticket: Ticket) -> Ticket:
        user: Any = request.user
        if self.action == "recall":
            return queues.ticket_recall(ticket=ticket, actor=user)
        if self.action == "no-show":
            return queues.ticket_no_show(ticket=ticket, actor=user)
        if self.action == "start":
            return queues.ticket_start(ticket=ticket, actor=user)
        if self.action == "finish":
            body = FinishSerializer(data=request.data)
            body.is_valid(raise_exception=True)
            return queues.ticket_finish(ticket=ticket, outcome=body.validated_data["outcome"], actor=user)
        transfer = TransferSerializer(data=request.data)
        transfer.is_valid(raise_exception=True)
        data = transfer.validated_data
        queue = get_object_or_404(Queue, pk=data["queue"], location_id=ticket.location_id) if "queue" in data else None
        desk = get_object_or_404(Desk, pk=data["desk"], location_id=ticket.location_id) if "desk" in data else None
        return queues.ticket_transfer(ticket=ticket, queue=queue, desk=desk, actor=user)

    def post(self, request: Request, pk: int) -> Response:
        ticket = get_object_or_404(Ticket, pk=pk)
        try:
            return _ticket(self._act(request, ticket))
        except queues.QueueRefused as exc:
            return _refused(exc)


def _action(name: str) -> Any:
    def post(self: TicketActionView, request: Request, pk: int) -> Response:
        return TicketActionView.post(self, request, pk)

    schema = extend_schema(
        operation_id=f"counters_ticket_{name.replace('-', '_')}",
        request=FinishSerializer if name == "finish" else TransferSerializer if name == "transfer" else None,
        responses={200: TicketSerializer, 400: ERROR, 404: ERROR, 409: ERROR},
    )
    view = type(
        f"Ticket{name.title().replace('-', '')}View",
        (TicketActionView,),
        {"action": name, "post": schema(post), "__doc__": f"Ticket action: {name}."},
    )
    return view.as_view()  # type: ignore[attr-defined]


urlpatterns = [
    path("appointments/<str:reference>/check-in/", CheckInView.as_view(), name="appointment-check-in"),
    path("locations/<int:pk>/tickets/", TicketTakeView.as_view(), name="location-tickets"),
    path("locations/<int:pk>/queue/", LocationQueueView.as_view(), name="location-queue"),
    path("desks/<int:pk>/call-next/", CallNextView.as_view(), name="desk-call-next"),
    *[
        path(f"tickets/<int:pk>/{name}/", _action(name), name=f"ticket-{name}")
        for name in ("recall", "no-show", "start", "transfer", "finish")
    ],
]
