from __future__ import annotations

from django.urls import path

from loket.steering import views

app_name = "steering"

urlpatterns = [
    path("sturing/kanaalmix/", views.channel_mix_page, name="channel-mix"),
    path("sturing/kanaalmix.csv", views.channel_mix_csv, name="channel-mix-csv"),
]
