"""Visit pages at the desk: identify the visitor, the visit, close a request, start one, escalate."""

from __future__ import annotations

from django.urls import path

from loket.counters import views_visit

urlpatterns = [
    path("loket/balie/<int:desk_id>/bezoek/", views_visit.visit_start, name="visit-start"),
    path(
        "loket/balie/<int:desk_id>/bezoek/zonder-burger/",
        views_visit.visit_start_without_citizen,
        name="visit-start-anonymous",
    ),
    path("loket/bezoek/<int:visit_id>/", views_visit.visit_detail, name="visit-detail"),
    path("loket/bezoek/<int:visit_id>/afhandelen/", views_visit.visit_case_close, name="visit-case-close"),
    path("loket/bezoek/<int:visit_id>/aanvraag/", views_visit.visit_request_start, name="visit-request-start"),
    path("loket/bezoek/<int:visit_id>/escaleren/", views_visit.visit_escalate, name="visit-escalate"),
]
