"""The public data downloads of works: /werken/werken.geojson with the filters of the API."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from loket.accounts import rules
from loket.works.api import geojson_response
from loket.works.serializers import WorkQuery


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD"])
def geojson_download(request: HttpRequest) -> HttpResponseBase:
    """The works as a GeoJSON file to save; bad filters answer 400 with a message per field."""
    query = WorkQuery(data=request.GET)
    if not query.is_valid():
        details = {field: [str(message) for message in messages] for field, messages in query.errors.items()}
        return JsonResponse(
            {"error": {"code": "invalid", "message": _("De filters zijn ongeldig."), "details": details}}, status=400
        )
    return geojson_response(dict(query.validated_data), attachment=True)


urlpatterns = [path("werken/werken.geojson", geojson_download, name="geojson")]
