"""The works endpoints under /api/v1/ (read-only, for everyone): the list, one work, and the
same list as GeoJSON. Bad filter values answer 400 with a Dutch message per field."""

from __future__ import annotations

from typing import Any

from django.http import Http404, StreamingHttpResponse
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR, query_validated
from loket.works import selectors
from loket.works.models import Work
from loket.works.serializers import (
    WorkDetailSerializer,
    WorkQuery,
    WorkSerializer,
    work_detail_dict,
    work_dict,
    works_for_query,
)

GEOJSON = "application/geo+json"


class WorkListView(ListAPIView):
    """Works on the public domain (never cancelled ones): by start date, or nearest first around
    a point or an address."""

    rule = rules.PUBLIC
    serializer_class = WorkSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return works_for_query(query_validated(WorkQuery, self.request))

    @extend_schema(
        operation_id="works_list",
        summary="Werken op het openbaar domein",
        parameters=[WorkQuery],
        responses={200: WorkSerializer(many=True), 400: ERROR},
        tags=["works"],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        pattern = selectors.work_page_pattern()
        return self.get_paginated_response(
            WorkSerializer([work_dict(work, page_pattern=pattern) for work in page], many=True).data
        )


class WorkDetailView(APIView):
    rule = rules.PUBLIC

    @extend_schema(
        operation_id="works_retrieve",
        summary="Eén werk met zijn hinder en omleidingen",
        responses={200: WorkDetailSerializer, 404: ERROR},
        tags=["works"],
    )
    def get(self, request: Request, pk: int) -> Response:
        try:
            work = selectors.work_get_public(work_id=pk)
        except Work.DoesNotExist:
            raise Http404 from None
        return Response(WorkDetailSerializer(work_detail_dict(work)).data)


def geojson_response(query: dict[str, Any], *, attachment: bool = False) -> StreamingHttpResponse:
    """The works a validated ``WorkQuery`` asks for, as a GeoJSON FeatureCollection, streamed."""
    chunks = selectors.works_geojson_chunks(works=works_for_query(query))
    response = StreamingHttpResponse(chunks, content_type=GEOJSON)
    if attachment:
        response["Content-Disposition"] = 'attachment; filename="werken.geojson"'
    return response


class WorkGeoJSONView(APIView):
    rule = rules.PUBLIC
    renderer_classes = [JSONRenderer]  # for errors; the collection itself is application/geo+json

    @extend_schema(
        operation_id="works_geojson",
        summary="Dezelfde werken als GeoJSON FeatureCollection",
        description="Alle werken die aan de filters voldoen (niet gepagineerd), met de publieke velden als properties.",
        parameters=[WorkQuery],
        responses={
            (200, GEOJSON): OpenApiResponse(OpenApiTypes.OBJECT, description="GeoJSON FeatureCollection (WGS84)."),
            400: ERROR,
        },
        tags=["works"],
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return geojson_response(query_validated(WorkQuery, request))


urlpatterns = [
    path("works/", WorkListView.as_view(), name="work-list"),
    path("works/geojson/", WorkGeoJSONView.as_view(), name="work-geojson"),
    path("works/<int:pk>/", WorkDetailView.as_view(), name="work-detail"),
]
