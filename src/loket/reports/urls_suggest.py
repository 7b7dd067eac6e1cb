from __future__ import annotations

from django.urls import URLPattern, path

from loket.reports import views_suggest

urlpatterns: list[URLPattern] = [
    path("melden/suggesties/", views_suggest.suggest_fragment, name="suggest-fragment"),
]
