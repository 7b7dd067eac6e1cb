"""The reports API: file a report (JSON, or multipart with photos), the public list and detail
(no personal data), the categories with their extra questions, and merging for handlers.

A point outside the city answers 400 ``outside_city``; a photo too large 413 ``too_large``, not a
JPEG or PNG 415 ``unsupported_media_type``; a refused merge 409 with the reason as code.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR, error_response, query_validated
from loket.cases.models import Channel
from loket.cases.workflows import IllegalTransition
from loket.reports import links, selectors, services
from loket.reports.models import Category
from loket.reports.photos import MAX_PHOTOS
from loket.reports.services import OUTSIDE_CITY
from loket.reports.workflow import REPORT_WORKFLOW

STAFF_CHANNELS = (Channel.PHONE, Channel.COUNTER, Channel.EMAIL, Channel.INTERNAL)
UPLOAD_STATUS = {"too_large": 413, "unsupported_media_type": 415}


class AttributeValueSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class AttributeSerializer(serializers.Serializer):
    code = serializers.CharField()
    datatype = serializers.ChoiceField(
        choices=["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]
    )
    required = serializers.BooleanField()  # type: ignore[assignment]
    description = serializers.CharField()
    order = serializers.IntegerField()
    values = AttributeValueSerializer(many=True)


class CategorySerializer(serializers.ModelSerializer):
    attributes = AttributeSerializer(many=True)
    competent_level = serializers.CharField(help_text="city of district: wie bevoegd is.")

    class Meta:
        model = Category
        fields = [
            "code",
            "main",
            "name_nl",
            "name_en",
            "competent_level",
            "team",
            "working_days",
            "description_nl",
            "duplicate_radius_m",
            "attributes",
        ]


class ReportPublicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    token = serializers.CharField(help_text="Publieke code van de melding (voor de volgpagina).")
    category = serializers.CharField(allow_null=True)
    category_name = serializers.CharField()
    status = serializers.CharField(help_text="Status in de workflow: " + ", ".join(REPORT_WORKFLOW.statuses) + ".")
    status_label = serializers.CharField()
    status_public = serializers.ChoiceField(choices=["open", "closed"])
    status_notes = serializers.CharField(allow_blank=True)
    description = serializers.CharField()
    agency_responsible = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    lat = serializers.FloatField(allow_null=True)
    lon = serializers.FloatField(allow_null=True)
    district = serializers.CharField(allow_null=True)
    district_name = serializers.CharField(allow_blank=True)
    media_url = serializers.CharField(allow_blank=True)
    requested_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    expected_at = serializers.DateField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    merged_into = serializers.CharField(allow_null=True, help_text="Publieke code van de hoofdmelding.")


class ReportUpdateSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    label = serializers.CharField()  # type: ignore[assignment]
    text = serializers.CharField(allow_blank=True)


class ReportDetailSerializer(ReportPublicSerializer):
    updates = ReportUpdateSerializer(many=True)


class ReportCreatedSerializer(ReportPublicSerializer):
    public_url = serializers.URLField()


class ReportInSerializer(serializers.Serializer):
    category = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, help_text="Categoriecode; leeg: automatisch ingedeeld."
    )
    description = serializers.CharField(max_length=5000)
    lat = serializers.FloatField(required=False, allow_null=True, min_value=-90, max_value=90)
    lon = serializers.FloatField(required=False, allow_null=True, min_value=-180, max_value=180)
    address = serializers.CharField(required=False, allow_blank=True, max_length=250)
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        help_text=(
            "E-mailadres van de melder zelf: krijgt bericht bij elke nieuwe status, zonder bevestiging (zoals op "
            "het formulier). Een andere melding volgen kan enkel op haar pagina, met een bevestigingslink per e-mail."
        ),
    )
    attributes = serializers.JSONField(
        required=False,
        help_text="Antwoorden op de extra vragen: {code: waarde of [waarden]} (in multipart als JSON-tekst).",
    )
    media_url = serializers.URLField(required=False, allow_blank=True, max_length=500)
    channel = serializers.ChoiceField(
        choices=[c.value for c in STAFF_CHANNELS], required=False, help_text="Enkel voor medewerkers (front office)."
    )
    photos = serializers.ListField(
        child=serializers.FileField(), required=False, max_length=MAX_PHOTOS, help_text="JPEG of PNG, hoogstens 3."
    )

    def validate_attributes(self, value: Any) -> dict[str, Any]:
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip() else {}
            except ValueError:
                raise serializers.ValidationError(_("Geef een JSON-object.")) from None
        if not isinstance(value, dict):
            raise serializers.ValidationError(_("Geef een JSON-object."))
        return value


class ReportListQuery(serializers.Serializer):
    category = serializers.CharField(required=False)
    status = serializers.ChoiceField(choices=["open", "closed", *REPORT_WORKFLOW.statuses], required=False)
    district = serializers.SlugField(required=False)
    start = serializers.DateField(required=False, help_text="Gemeld vanaf (JJJJ-MM-DD).")
    end = serializers.DateField(required=False, help_text="Gemeld tot en met (JJJJ-MM-DD).")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("start") and attrs.get("end") and attrs["start"] > attrs["end"]:
            raise serializers.ValidationError({"end": [_("De einddatum ligt voor de begindatum.")]})
        return attrs


class MergeInSerializer(serializers.Serializer):
    into = serializers.IntegerField(help_text="Id van de melding waarvan deze een dubbel is.")


def _error_status(exc: ValidationError) -> tuple[int, str]:
    codes = {error.code for errors in getattr(exc, "error_dict", {}).values() for error in errors}
    if OUTSIDE_CITY in codes:
        return 400, OUTSIDE_CITY
    for code, status in UPLOAD_STATUS.items():
        if code in codes:
            return status, code
    return 400, "invalid"


class ReportListCreateView(ListAPIView):
    """GET: reports without personal data, newest first. POST: file a report (anonymous allowed)."""

    rule = rules.PUBLIC
    serializer_class = ReportPublicSerializer
    parser_classes = [JSONParser, MultiPartParser]
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.report_public_list(**query_validated(ReportListQuery, self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        return self.get_paginated_response(ReportPublicSerializer(selectors.reports_public_dicts(page), many=True).data)

    @extend_schema(
        operation_id="reports_list",
        parameters=[ReportListQuery],
        responses={200: ReportPublicSerializer(many=True), 400: ERROR},
        tags=["reports"],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="reports_create",
        summary="Een melding indienen (zonder aanmelden kan ook)",
        request={"application/json": ReportInSerializer, "multipart/form-data": ReportInSerializer},
        responses={
            201: ReportCreatedSerializer,
            400: OpenApiResponse(ERROR.response, description="Ongeldig, of buiten de stad (outside_city)."),
            413: OpenApiResponse(ERROR.response, description="Foto te groot (too_large)."),
            415: OpenApiResponse(ERROR.response, description="Geen JPEG of PNG (unsupported_media_type)."),
        },
        tags=["reports"],
    )
    def post(self, request: Request) -> Response:
        data: Any = request.data
        if hasattr(data, "getlist"):
            data = {key: data.get(key) for key in data if key != "photos"}
            data["photos"] = request.FILES.getlist("photos")
            data = {key: value for key, value in data.items() if value not in (None, "")}
        body = ReportInSerializer(data=data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        staff = rules.FRONT_OFFICE.allows(request.user)
        if values.get("channel") and not staff:
            raise serializers.ValidationError({"channel": [_("Enkel medewerkers kiezen het kanaal.")]})
        channel = values.get("channel") or (Channel.PHONE if staff else Channel.API)
        try:
            report = services.report_submit(
                category_code=values.get("category") or None,
                description=values["description"],
                actor=request.user,
                lat=values.get("lat"),
                lon=values.get("lon"),
                address=values.get("address", ""),
                photos=values.get("photos", []),
                email=values.get("email", ""),
                channel=channel,
                attributes=values.get("attributes"),
                media_url=values.get("media_url", ""),
            )
        except ValidationError as exc:
            status, code = _error_status(exc)
            message = " ".join(exc.messages) if code != "invalid" else _("De invoer is ongeldig.")
            return error_response(code=code, message=message, status=status, details=exc.message_dict)
        report = selectors.report_public_get(report.pk)
        out = {**selectors.report_public_dict(report), "public_url": links.absolute(links.public_path(report))}
        return Response(ReportCreatedSerializer(out).data, status=201)


class ReportDetailView(APIView):
    rule = rules.PUBLIC

    @extend_schema(
        operation_id="reports_retrieve", responses={200: ReportDetailSerializer, 404: ERROR}, tags=["reports"]
    )
    def get(self, request: Request, pk: int) -> Response:
        report = selectors.report_public_get(pk)
        out = {**selectors.report_public_dict(report), "updates": selectors.report_public_updates(report)}
        return Response(ReportDetailSerializer(out).data)


class ReportMergeView(APIView):
    """A handler marks report ``pk`` as a duplicate of report ``into`` (both in their scope)."""

    rule = rules.CASE_WORKERS

    @extend_schema(
        operation_id="reports_merge",
        request=MergeInSerializer,
        responses={
            200: ReportPublicSerializer,
            400: ERROR,
            404: ERROR,
            409: OpenApiResponse(ERROR.response, description="Samenvoegen kan niet (same, merged, closed, …)."),
        },
        tags=["reports"],
    )
    def post(self, request: Request, pk: int) -> Response:
        body = MergeInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        visible = selectors.report_visible_to(user=request.user)
        duplicate = visible.filter(pk=pk).first()
        into = visible.filter(pk=body.validated_data["into"]).first()
        if duplicate is None or into is None:
            raise Http404(_("Deze melding bestaat niet of valt buiten uw bereik."))
        try:
            services.report_merge(duplicate=duplicate, into=into, actor=request.user)
        except ValidationError as exc:
            code = exc.error_list[0].code if hasattr(exc, "error_list") else None
            if code is None:
                code = next((e.code for errors in exc.error_dict.values() for e in errors), None)
            return error_response(code=code or "conflict", message=" ".join(exc.messages), status=409)
        except IllegalTransition as exc:
            return error_response(
                code="illegal_transition", message=str(exc), status=409, details={"allowed": exc.allowed}
            )
        report = selectors.report_public_get(pk)
        return Response(ReportPublicSerializer(selectors.report_public_dict(report)).data)


class CategoryListView(ListAPIView):
    """The report categories (Open311 services) with their extra questions."""

    rule = rules.PUBLIC
    serializer_class = CategorySerializer
    pagination_class = None
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return Category.objects.filter(active=True)

    @extend_schema(
        operation_id="report_categories_list", responses={200: CategorySerializer(many=True)}, tags=["reports"]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


urlpatterns: list[URLPattern] = [
    path("reports/", ReportListCreateView.as_view(), name="report-list"),
    path("reports/<int:pk>/", ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/merge/", ReportMergeView.as_view(), name="report-merge"),
    path("report-categories/", CategoryListView.as_view(), name="report-category-list"),
]
