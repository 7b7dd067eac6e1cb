from __future__ import annotations

from django.urls import path

from loket.organisation import views

app_name = "organisation"

urlpatterns = [
    path("districten/", views.district_list, name="district-list"),
    path("districten/<slug:slug>/", views.district_detail, name="district-detail"),
    path("loketten/", views.location_list, name="location-list"),
    path("loketten/<slug:slug>/", views.location_detail, name="location-detail"),
    path("in-welk-district-woon-ik/", views.which_district, name="which-district"),
]
