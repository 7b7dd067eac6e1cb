"""The catalogue API: services with search and channel advice, topics, and the competence lookup.

All public. Query parameters are validated by serializers (bad values answer 400 in the API's
one error shape); an unknown slug answers 404; a place outside the city 404 ``outside_city``.
"""

from __future__ import annotations

from typing import Any

from django.urls import include, path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.apiconf import ERROR, error_response, query_validated
from loket.catalogue import selectors
from loket.catalogue import serializers as s
from loket.catalogue.channels import channel_advice
from loket.catalogue.models import Service
from loket.catalogue.search import service_search
from loket.organisation.models import District
from loket.organisation.selectors import InvalidCoordinates

app_name = "catalogue-api"


def _district(slug: str | None) -> District | None:
    if not slug:
        return None
    district = District.objects.filter(slug=slug).first()
    if district is None:
        raise ValidationError({"district": [_("Onbekend district.")]})
    return district


class CatalogueAPIView(GenericAPIView):
    rule = rules.PUBLIC
    queryset = Service.objects.none()
    filter_backends: list[Any] = []
    lookup_field = "slug"


class ServiceListView(CatalogueAPIView):
    """Services, best match first when searching with ``q``, else alphabetical."""

    serializer_class = s.ServiceListSerializer

    @extend_schema(
        operation_id="services_list",
        parameters=[
            OpenApiParameter("q", str, description="Zoekterm in de woorden van de burger."),
            OpenApiParameter("topic", str, description="Slug van het thema."),
            OpenApiParameter("level", str, enum=["city", "district"]),
            OpenApiParameter("online", bool, description="Enkel diensten die (niet) online kunnen."),
        ],
        responses={200: s.ServiceListSerializer(many=True), 400: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = query_validated(s.ServiceListQuery, request)
        filters = {"topic": query.get("topic"), "level": query.get("level"), "online": query.get("online")}
        if query.get("q", "").strip():
            hits = service_search(q=query["q"], **filters)
            page = self.paginate_queryset(hits)  # type: ignore[arg-type]
            by_id = selectors.service_active_queryset().in_bulk([hit.service.id for hit in page or []])
            services = [by_id[hit.service.id] for hit in page or [] if hit.service.id in by_id]
        else:
            queryset = selectors.service_active_queryset().order_by("name")
            if filters["topic"]:
                queryset = queryset.filter(topic__slug=filters["topic"])
            if filters["level"]:
                queryset = queryset.filter(topic__level=filters["level"])
            if filters["online"] is not None:
                queryset = queryset.filter(online=filters["online"])
            services = self.paginate_queryset(queryset) or []
        data = s.ServiceListSerializer(services, many=True, context={"request": request}).data
        return self.get_paginated_response(data)


class ServiceDetailView(CatalogueAPIView):
    serializer_class = s.ServiceDetailSerializer

    @extend_schema(operation_id="services_retrieve", responses={200: s.ServiceDetailSerializer, 404: ERROR})
    def get(self, request: Request, slug: str) -> Response:
        try:
            service = selectors.service_get(slug=slug)
        except Service.DoesNotExist:
            return error_response(code="not_found", message=_("Onbekende dienst."), status=404)
        return Response(s.ServiceDetailSerializer(service, context={"request": request}).data)


class ChannelAdviceView(CatalogueAPIView):
    """The channels for this service in the order the city advises, for what the citizen says."""

    serializer_class = s.ChannelAdviceSerializer

    @extend_schema(
        operation_id="services_channel_advice",
        parameters=[
            OpenApiParameter("digital", bool, description="Kan de burger digitaal werken? (standaard ja)"),
            OpenApiParameter("needs_help", bool, description="Heeft de burger hulp nodig?"),
            OpenApiParameter("reduced_mobility", bool, description="Beperkte mobiliteit?"),
            OpenApiParameter("district", str, description="Slug van het district van de burger."),
        ],
        responses={200: s.ChannelAdviceSerializer, 400: ERROR, 404: ERROR},
    )
    def get(self, request: Request, slug: str) -> Response:
        try:
            service = selectors.service_get(slug=slug)
        except Service.DoesNotExist:
            return error_response(code="not_found", message=_("Onbekende dienst."), status=404)
        query = query_validated(s.ChannelAdviceQuery, request)
        options = channel_advice(
            service=service,
            can_use_digital=query["digital"],
            needs_help=query["needs_help"],
            reduced_mobility=query["reduced_mobility"],
            district=_district(query.get("district")),
        )
        return Response(s.ChannelAdviceSerializer({"service": service, "options": options}).data)


class TopicListView(CatalogueAPIView):
    """The competences register: each topic, its level and the team per district or for the city."""

    serializer_class = s.TopicSerializer

    @extend_schema(operation_id="topics_list", responses={200: s.TopicSerializer(many=True)})
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(selectors.topic_list_with_competences())
        return self.get_paginated_response(s.TopicSerializer(page, many=True).data)


class CompetenceLookupView(CatalogueAPIView):
    """Who handles topic T here: the competent level, the district if any, and the team."""

    serializer_class = s.CompetenceAnswerSerializer

    @extend_schema(
        operation_id="competences_lookup",
        parameters=[
            OpenApiParameter("topic", str, required=True, description="Slug van het thema."),
            OpenApiParameter("lat", float),
            OpenApiParameter("lon", float),
            OpenApiParameter("district", str, description="Slug van het district (in plaats van coördinaten)."),
            OpenApiParameter("postcode", str, description="Postcode (in plaats van coördinaten)."),
        ],
        responses={200: s.CompetenceAnswerSerializer, 400: ERROR, 404: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = query_validated(s.CompetenceLookupQuery, request)
        try:
            answer = selectors.competence_lookup(
                topic=query["topic"],
                district=_district(query.get("district")),
                lat=query.get("lat"),
                lon=query.get("lon"),
                postcode=query.get("postcode"),
            )
        except selectors.UnknownTopic as exc:
            return error_response(code="not_found", message=str(exc), status=404)
        except selectors.OutsideCity as exc:
            return error_response(code="outside_city", message=str(exc), status=404)
        except selectors.NoCompetentTeam as exc:
            return error_response(code="no_competent_team", message=str(exc), status=404)
        except (selectors.LocationNeeded, InvalidCoordinates) as exc:
            return error_response(code="invalid", message=str(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(s.CompetenceAnswerSerializer(answer).data)


urlpatterns = [
    path("services/", ServiceListView.as_view(), name="service-list"),
    path("services/<slug:slug>/", ServiceDetailView.as_view(), name="service-detail"),
    path("services/<slug:slug>/channel-advice/", ChannelAdviceView.as_view(), name="service-channel-advice"),
    path("topics/", TopicListView.as_view(), name="topic-list"),
    path("competences/lookup/", CompetenceLookupView.as_view(), name="competence-lookup"),
    path("", include("loket.catalogue.api_knowledge")),
]
