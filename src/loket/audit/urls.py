from __future__ import annotations

from django.urls import path

from loket.audit import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.entry_list, name="list"),
]
