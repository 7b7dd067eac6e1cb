"""Category suggestion in the API: ``POST /api/v1/reports/suggest-category/`` with ``{"text": "…"}``
answers the three most likely categories with a confidence between 0 and 1, best first."""

from __future__ import annotations

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.apiconf import ERROR
from loket.reports.suggestion import MAX_TEXT, category_suggest


class SuggestInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_TEXT, help_text="De omschrijving van het probleem (Nederlands).")


class SuggestionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Categoriecode (Open311 service_code).")
    confidence = serializers.FloatField(min_value=0, max_value=1, help_text="Zekerheid tussen 0 en 1.")


class SuggestOutSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True, help_text="Hoogstens drie, de waarschijnlijkste eerst.")


class SuggestCategoryView(APIView):
    """The categories that fit a description; empty when the text has no word the model knows."""

    rule = rules.PUBLIC

    @extend_schema(
        operation_id="reports_suggest_category",
        summary="Categorieën voorstellen voor een omschrijving",
        request=SuggestInSerializer,
        responses={200: SuggestOutSerializer, 400: ERROR},
        tags=["reports"],
    )
    def post(self, request: Request) -> Response:
        body = SuggestInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ranked = category_suggest(body.validated_data["text"])
        suggestions = [{"code": code, "confidence": confidence} for code, confidence in ranked]
        return Response(SuggestOutSerializer({"suggestions": suggestions}).data)


urlpatterns: list[URLPattern] = [
    path("reports/suggest-category/", SuggestCategoryView.as_view(), name="report-suggest-category"),
]
