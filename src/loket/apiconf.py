"""API-wide conventions: one JSON error shape and one pagination style.

Every error answers ``{"error": {"code": "...", "message": "...", "details": {...}}}``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    details = serializers.DictField()


class ErrorSerializer(serializers.Serializer):
    """The one error shape of the API, for the OpenAPI schema."""

    error = ErrorBodySerializer()


ERROR = OpenApiResponse(ErrorSerializer, description="Fout in de vaste vorm {error: {code, message, details}}.")


def error_response(
    *,
    code: str,
    message: str,
    status: int,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """An error answered by a view itself (not raised), in the API's one shape."""
    return Response(
        {"error": {"code": code, "message": message, "details": details or {}}}, status=status, headers=headers
    )


def query_validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """Validate query parameters with a serializer; bad values raise a 400 in the one shape."""
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


class Pagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


def _code_for(exc: Exception, status_code: int) -> str:
    codes = {
        400: "invalid",
        401: "not_authenticated",
        403: "permission_denied",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        413: "too_large",
        415: "unsupported_media_type",
        429: "throttled",
    }
    if isinstance(exc, exceptions.ParseError):
        return "malformed_request"
    return codes.get(status_code, "error")


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or "Niet gevonden.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    if isinstance(exc, exceptions.ValidationError):
        message = "De invoer is ongeldig."
        details = detail if isinstance(detail, dict) else {"non_field_errors": detail}
    else:
        message = str(detail.get("detail", detail)) if isinstance(detail, dict) else str(detail)
        details = {}
    response.data = {"error": {"code": _code_for(exc, response.status_code), "message": message, "details": details}}
    return response
