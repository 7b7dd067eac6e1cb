from __future__ import annotations

from django.urls import path

from loket.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("diensten/<slug:slug>/", views.service_detail, name="service-detail"),
    path("bevoegdheden/", views.topic_list, name="topic-list"),
]
