from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from loket import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include("loket.api_urls")),
    path("open311/", include("loket.open311.urls")),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("loket.accounts.urls")),
    path("", include("loket.audit.urls")),
    path("", include("loket.organisation.urls")),
    path("", include("loket.cases.urls")),
    path("", include("loket.counters.urls")),
    path("", include("loket.notifications.urls")),
    path("", include("loket.citizens.urls")),
    path("", include("loket.requests.urls")),
    path("", include("loket.contactcentre.urls")),
    path("", include("loket.steering.urls")),
    path("", include("loket.helpdesk.urls")),
    path("", include("loket.correspondence.urls")),
    path("", include("loket.consultations.urls")),
    path("", include("loket.reports.urls")),
    path("", include("loket.works.urls")),
    path("", include("loket.catalogue.urls")),
]

admin.site.site_header = "Loket — beheer"
admin.site.site_title = "Loket"
