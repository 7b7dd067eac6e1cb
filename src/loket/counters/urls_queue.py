"""Queue pages: kiosk, check-in (the QR code's target), the visitor's ticket, display and desk."""

from __future__ import annotations

from django.urls import path

from loket.counters import views_queue

urlpatterns = [
    path("loket/aanmelden/<str:token>/", views_queue.check_in, name="check-in"),
    path("loket/balie/<int:desk_id>/", views_queue.desk, name="desk"),
    path("loket/<slug:location_slug>/kiosk/", views_queue.kiosk, name="kiosk"),
    path("loket/<slug:location_slug>/scherm/", views_queue.display, name="display"),
    path("volgnummer/<str:public_token>/", views_queue.ticket, name="ticket"),
]
