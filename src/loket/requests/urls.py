from __future__ import annotations

from django.urls import path

from loket.requests import views

app_name = "requests"

urlpatterns = [
    path("aanvragen/aanvraag/<str:reference>/", views.confirmed, name="confirmed"),
    path("aanvragen/<slug:service_slug>/", views.apply, name="apply"),
    path("aanvragen/<slug:service_slug>/concept-verwijderen/", views.discard, name="discard"),
]
