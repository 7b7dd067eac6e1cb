from __future__ import annotations

from django.urls import path

from loket.notifications import views

app_name = "notifications"

urlpatterns = [
    path("meldingen-niet-bezorgd/", views.failed_list, name="failed"),
    path("meldingen-niet-bezorgd/<int:pk>/opnieuw/", views.failed_retry, name="retry"),
]
