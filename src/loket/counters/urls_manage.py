"""Managers' pages: the counters' figures and each location's management screen."""

from __future__ import annotations

from django.urls import path

from loket.counters import views_manage

urlpatterns = [
    path("loketten-cijfers/", views_manage.figures, name="figures"),
    path("loketten-cijfers.csv", views_manage.figures_csv, name="figures-csv"),
    path("loket/<slug:location_slug>/beheer/", views_manage.manage_location, name="manage-location"),
]
