"""Report pages: the form, the public map and list, a report's page, the handler's queue."""

from __future__ import annotations

from django.urls import URLPattern, path

from loket.reports import views_public

urlpatterns: list[URLPattern] = [
    path("meldingen/<str:token>/", views_public.public_detail, name="public-detail"),
    path("meldingen/<str:token>/volgen/", views_public.follow, name="follow"),
    path("meldingen/<str:token>/opgelost/<str:signature>/", views_public.feedback, name="feedback"),
    path("meldingen/<str:token>/niet-meer-volgen/<str:code>/", views_public.unfollow, name="unfollow"),
]
