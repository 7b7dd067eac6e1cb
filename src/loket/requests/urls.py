from __future__ import annotations

from django.urls import path

from loket.requests import views, views_behalf

app_name = "requests"

urlpatterns = [
    path("aanvragen/aanvraag/<str:reference>/", views.confirmed, name="confirmed"),
    path("aanvragen/<slug:service_slug>/", views.apply, name="apply"),
    path("aanvragen/<slug:service_slug>/concept-verwijderen/", views.discard, name="discard"),
    path(
        "aanvragen/<slug:service_slug>/namens/<int:citizen_id>/",
        views_behalf.apply_on_behalf,
        name="apply-on-behalf",
    ),
    path(
        "aanvragen/aanvraag/<str:reference>/namens/",
        views_behalf.on_behalf_confirmed,
        name="on-behalf-confirmed",
    ),
]
