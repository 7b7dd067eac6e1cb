from __future__ import annotations

from django.urls import path

from loket.citizens import views_mijnloket

app_name = "citizens"

urlpatterns = [
    path("mijn-loket/", views_mijnloket.overview, name="mijnloket"),
    path("mijn-loket/zaken/<str:reference>/", views_mijnloket.case_page, name="case"),
    path(
        "mijn-loket/zaken/<str:reference>/documenten/<int:attachment_id>/",
        views_mijnloket.document,
        name="document",
    ),
]
