"""The citizens API, for the front office (rule FRONT_OFFICE: agents, clerks, back office, admins).

Citizens are city-wide personal data: district roles do not search them (their cases carry what
they need). Every answer that shows a citizen's personal data writes an audit ``view`` line:
one per citizen listed by a search, one per profile or timeline read.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR, error_response
from loket.citizens import selectors, services
from loket.citizens import serializers as s
from loket.citizens.api_mijnloket import urlpatterns as mijnloket_urlpatterns
from loket.citizens.models import Citizen

app_name = "citizens-api"

MAX_LIMIT = 100


class CitizenAPIView(GenericAPIView):
    rule = rules.FRONT_OFFICE
    queryset = Citizen.objects.none()
    filter_backends: list[Any] = []
    pagination_class = None


class CitizenListView(CitizenAPIView):
    """GET searches (``q``: name, national number, phone, e-mail or case reference); POST creates."""

    serializer_class = s.CitizenSerializer

    @extend_schema(
        operation_id="citizens_search",
        parameters=[
            OpenApiParameter(
                "q", str, required=True, description="Naam, rijksregisternummer, telefoon, e-mail of referentie."
            ),
            OpenApiParameter("limit", int, description="Hoogstens zoveel resultaten (standaard 25, max. 100)."),
        ],
        responses={200: s.CitizenSerializer(many=True), 400: ERROR, 403: ERROR},
    )
    def get(self, request: Request) -> Response:
        q = (request.query_params.get("q") or "").strip()
        if len(q) < 2:
            return error_response(
                code="invalid",
                message=_("Geef minstens 2 tekens om te zoeken."),
                status=http.HTTP_400_BAD_REQUEST,
                details={"q": [_("Geef minstens 2 tekens om te zoeken.")]},
            )
        raw_limit = request.query_params.get("limit") or "25"
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_LIMIT:
            return error_response(
                code="invalid",
                message=_("limit ligt tussen 1 en %(max)s.") % {"max": MAX_LIMIT},
                status=http.HTTP_400_BAD_REQUEST,
                details={"limit": [_("limit ligt tussen 1 en %(max)s.") % {"max": MAX_LIMIT}]},
            )
        found = selectors.citizen_search(q=q, actor=request.user, limit=int(raw_limit))
        for citizen in found:
            services.citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("search",))
        return Response({"kind": selectors.search_kind(q), "results": s.CitizenSerializer(found, many=True).data})

    @extend_schema(
        operation_id="citizens_create",
        request=s.CitizenWriteSerializer,
        responses={201: s.CitizenSerializer, 400: ERROR, 403: ERROR},
    )
    def post(self, request: Request) -> Response:
        form = s.CitizenWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        citizen = services.citizen_create(actor=request.user, request=request, **form.validated_data)
        return Response(s.CitizenSerializer(citizen).data, status=http.HTTP_201_CREATED)


class CitizenDetailView(CitizenAPIView):
    """GET reads one citizen (audited); PATCH changes the given fields (audited)."""

    serializer_class = s.CitizenSerializer

    @extend_schema(operation_id="citizens_retrieve", responses={200: s.CitizenSerializer, 403: ERROR, 404: ERROR})
    def get(self, request: Request, citizen_id: int) -> Response:
        citizen = selectors.citizen_get(citizen_id=citizen_id)
        services.citizen_record_view(citizen=citizen, actor=request.user, request=request)
        return Response(s.CitizenSerializer(citizen).data)

    @extend_schema(
        operation_id="citizens_update",
        request=s.CitizenWriteSerializer,
        responses={200: s.CitizenSerializer, 400: ERROR, 404: ERROR},
    )
    def patch(self, request: Request, citizen_id: int) -> Response:
        citizen = selectors.citizen_get(citizen_id=citizen_id)
        form = s.CitizenWriteSerializer(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        citizen = services.citizen_update(citizen=citizen, actor=request.user, request=request, **form.validated_data)
        return Response(s.CitizenSerializer(citizen).data)


class CitizenTimelineView(CitizenAPIView):
    """Everything the citizen did with the city, newest first (audited)."""

    serializer_class = s.TimelineItemSerializer

    @extend_schema(
        operation_id="citizens_timeline",
        parameters=[OpenApiParameter("limit", int, description="Hoogstens zoveel items (standaard en max. 500).")],
        responses={200: s.TimelineItemSerializer(many=True), 400: ERROR, 404: ERROR},
    )
    def get(self, request: Request, citizen_id: int) -> Response:
        citizen = selectors.citizen_get(citizen_id=citizen_id)
        raw_limit = request.query_params.get("limit") or "500"
        if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 500:
            return error_response(
                code="invalid",
                message=_("limit ligt tussen 1 en 500."),
                status=http.HTTP_400_BAD_REQUEST,
                details={"limit": [_("limit ligt tussen 1 en 500.")]},
            )
        items = selectors.citizen_timeline(citizen=citizen, limit=int(raw_limit))
        services.citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("timeline",))
        # Plain dicts: 500 items through a DRF serializer cost more than the queries.
        return Response([s.timeline_item_data(item) for item in items])


class ContactMomentCreateView(CitizenAPIView):
    """Register a contact moment (citizen optional: an anonymous caller)."""

    serializer_class = s.ContactMomentSerializer

    @extend_schema(
        operation_id="contact_moments_create",
        request=s.ContactMomentSerializer,
        responses={201: s.ContactMomentSerializer, 400: ERROR, 403: ERROR},
    )
    def post(self, request: Request) -> Response:
        form = s.ContactMomentSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        data.setdefault("citizen", None)
        moment = services.contact_moment_register(actor=request.user, request=request, **data)
        return Response(s.ContactMomentSerializer(moment).data, status=http.HTTP_201_CREATED)


urlpatterns = [
    path("citizens/", CitizenListView.as_view(), name="citizen-list"),
    path("citizens/<int:citizen_id>/", CitizenDetailView.as_view(), name="citizen-detail"),
    path("citizens/<int:citizen_id>/timeline/", CitizenTimelineView.as_view(), name="citizen-timeline"),
    path("contact-moments/", ContactMomentCreateView.as_view(), name="contact-moment-create"),
    *mijnloket_urlpatterns,
]
