"""The organisation API: districts (with locating), locations with opening hours, teams.

Query parameters are validated by serializers (bad values answer 400 in the API's one error
shape); an unknown slug or id answers 404; a place outside the city 404 ``outside_city``.
The locate endpoint is kept light: no authentication classes (so no session or token
lookup) and, with a warm cache, no database query at all.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR, error_response, query_validated
from loket.organisation import selectors
from loket.organisation import serializers as s
from loket.organisation.models import District, Location, OpeningException, Team

app_name = "organisation-api"

DATE = OpenApiParameter("date", OpenApiTypes.DATE, description="Peildatum JJJJ-MM-DD (standaard vandaag).")


def district_by_slug(slug: str | None) -> District | None:
    if not slug:
        return None
    district = District.objects.filter(slug=slug).first()
    if district is None:
        raise ValidationError({"district": [_("Onbekend district.")]})
    return district


class DistrictListView(ListAPIView):
    """Districts valid on a day (today by default): districts are data with a validity period."""

    rule = rules.PUBLIC
    serializer_class = s.DistrictSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[District]:
        day = s.parse_day(query_validated(s.DateQuery, self.request).get("date"))
        return District.objects.valid_on(day).select_related("district_house").order_by("name")

    @extend_schema(parameters=[DATE], responses={200: s.DistrictSerializer(many=True), 400: ERROR})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class DistrictDetailView(RetrieveAPIView):
    """One district, whatever its validity, with its boundary as GeoJSON."""

    rule = rules.PUBLIC
    serializer_class = s.DistrictDetailSerializer
    queryset = District.objects.select_related("district_house")
    lookup_field = "slug"

    @extend_schema(responses={200: s.DistrictDetailSerializer, 404: ERROR})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class DistrictLocateView(APIView):
    """Which district: by coordinates (wins), else postcode, else address."""

    rule = rules.PUBLIC
    authentication_classes: list[Any] = []
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="districts_locate",
        parameters=[
            OpenApiParameter("lat", float, description="Breedtegraad (WGS84), samen met lon."),
            OpenApiParameter("lon", float, description="Lengtegraad (WGS84), samen met lat."),
            OpenApiParameter("postcode", str, description="Postcode (4 cijfers); terugval als er geen punt is."),
            OpenApiParameter("address", str, description="Straat en huisnummer, eventueel met postcode."),
            DATE,
        ],
        responses={
            200: s.LocateResultSerializer,
            400: ERROR,
            404: OpenApiResponse(
                description="Buiten de stad (outside_city) of adres niet gevonden (address_not_found)."
            ),
        },
    )
    def get(self, request: Request) -> Response:
        query = query_validated(s.LocateQuery, request)
        day = query.get("date")
        if "lat" in query:
            method, district = "point", selectors.district_locate_point(lat=query["lat"], lon=query["lon"], day=day)
        elif query.get("postcode"):
            method, district = "postcode", selectors.district_for_postcode(postcode=query["postcode"], day=day)
        else:
            method = "address"
            located = selectors.address_locate(address=query["address"], day=day)
            if not located.found:
                return error_response(code="address_not_found", message=_("Dit adres is niet gevonden."), status=404)
            district = located.district
        if district is None:
            return error_response(
                code="outside_city", message=_("Deze plaats ligt buiten de stad Antwerpen."), status=404
            )
        return Response({"district": {"slug": district.slug, "name": district.name}, "method": method})


def locations_with_hours() -> QuerySet[Location]:
    upcoming = OpeningException.objects.filter(date__gte=timezone.localdate())
    return Location.objects.select_related("district").prefetch_related(
        "opening_hours", Prefetch("exceptions", queryset=upcoming)
    )


class LocationListQuery(s.LocationQuery):
    service = serializers.SlugField(required=False)


class LocationListView(ListAPIView):
    """District houses, city counters and self-service points, with weekly hours and open now."""

    rule = rules.PUBLIC
    serializer_class = s.LocationSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Location]:
        query = query_validated(LocationListQuery, self.request)
        queryset = locations_with_hours()
        if query.get("service"):
            # Through the reverse name of the catalogue's Service.locations, so this app never
            # imports the catalogue; one filter() call tests slug and active on the same service row.
            queryset = queryset.filter(services__slug=query["service"], services__active=True)
        district = district_by_slug(query.get("district"))
        if district is not None:
            queryset = queryset.filter(district=district)
        if query.get("kind"):
            queryset = queryset.filter(kind=query["kind"])
        return queryset.order_by("name")

    @extend_schema(
        parameters=[
            OpenApiParameter("district", str, description="Slug van het district."),
            OpenApiParameter("kind", str, enum=[kind.value for kind in Location.Kind]),
            OpenApiParameter(
                "service",
                str,
                description=(
                    "Slug van een dienst: enkel de locaties die deze actieve dienst aanbieden. "
                    "Een onbekende of nergens aangeboden dienst geeft een lege lijst."
                ),
            ),
        ],
        responses={200: s.LocationSerializer(many=True), 400: ERROR},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class LocationDetailView(RetrieveAPIView):
    """One location: weekly hours, and holidays and exceptions of the coming 60 days."""

    rule = rules.PUBLIC
    serializer_class = s.LocationDetailSerializer

    def get_queryset(self) -> QuerySet[Location]:
        return locations_with_hours()

    @extend_schema(responses={200: s.LocationDetailSerializer, 404: ERROR})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class TeamListView(ListAPIView):
    """City services and district teams, for staff."""

    rule = rules.STAFF
    serializer_class = s.TeamSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Team]:
        query = query_validated(s.TeamQuery, self.request)
        queryset = Team.objects.select_related("district").order_by("level", "name")
        district = district_by_slug(query.get("district"))
        if district is not None:
            queryset = queryset.filter(district=district)
        if query.get("level"):
            queryset = queryset.filter(level=query["level"])
        return queryset

    @extend_schema(
        parameters=[
            OpenApiParameter("district", str, description="Slug van het district."),
            OpenApiParameter("level", str, enum=[level.value for level in Team.Level]),
        ],
        responses={200: s.TeamSerializer(many=True), 400: ERROR, 403: ERROR},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("districts/", DistrictListView.as_view(), name="district-list"),
    path("districts/locate/", DistrictLocateView.as_view(), name="district-locate"),
    path("districts/<slug:slug>/", DistrictDetailView.as_view(), name="district-detail"),
    path("locations/", LocationListView.as_view(), name="location-list"),
    path("locations/<int:pk>/", LocationDetailView.as_view(), name="location-detail"),
    path("teams/", TeamListView.as_view(), name="team-list"),
]
