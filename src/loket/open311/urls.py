"""Open311 GeoReport v2 at /open311/ (discovery) and /open311/v2/."""

from __future__ import annotations

from django.urls import URLPattern, path, register_converter

from loket.open311 import views


class FormatConverter:
    regex = "json|xml"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "open311fmt")

app_name = "open311"

urlpatterns: list[URLPattern] = [
    path("discovery.<open311fmt:fmt>", views.discovery, name="discovery"),
    path("v2/services.<open311fmt:fmt>", views.services, name="services"),
    path("v2/services/<str:service_code>.<open311fmt:fmt>", views.service_definition, name="service"),
    path("v2/requests.<open311fmt:fmt>", views.service_requests, name="requests"),
    path("v2/requests/<str:service_request_id>.<open311fmt:fmt>", views.service_request, name="request"),
    path("v2/tokens/<str:token>.<open311fmt:fmt>", views.token, name="token"),
]
