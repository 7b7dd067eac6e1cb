"""The /api/v1/ tree: each app contributes its own ``api.py`` urlpatterns."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from loket.accounts import rules


class SchemaView(SpectacularAPIView):
    rule = rules.PUBLIC


class SwaggerView(SpectacularSwaggerView):
    rule = rules.PUBLIC


class RedocView(SpectacularRedocView):
    rule = rules.PUBLIC


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", RedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("", include("loket.accounts.api")),
    path("", include("loket.organisation.api")),
    path("", include("loket.catalogue.api")),
    path("", include("loket.cases.api")),
    path("", include("loket.counters.api")),
    path("", include("loket.notifications.api")),
    path("", include("loket.citizens.api")),
    path("", include("loket.requests.api")),
    path("", include("loket.contactcentre.api")),
    path("", include("loket.steering.api")),
    path("", include("loket.helpdesk.api")),
    path("", include("loket.correspondence.api")),
    path("", include("loket.consultations.api")),
    path("", include("loket.reports.api")),
    path("", include("loket.works.api")),
]
