"""The public works pages. Fixed paths come before ``werken/<id>/``."""

from __future__ import annotations

from django.urls import URLPattern, path

from loket.works import views_public, views_subscriptions

urlpatterns: list[URLPattern] = [
    path("werken/", views_public.work_list, name="list"),
    path("werken/in-mijn-buurt/", views_public.nearby, name="nearby"),
    path("werken/abonneren/", views_subscriptions.subscribe, name="subscribe"),
    path(
        "werken/abonnement/<str:token>/bevestigen/",
        views_subscriptions.subscription_confirm,
        name="subscription-confirm",
    ),
    path(
        "werken/abonnement/<str:token>/opzeggen/",
        views_subscriptions.subscription_cancel,
        name="subscription-cancel",
    ),
    path("werken/<int:work_id>/", views_public.work_detail, name="detail"),
]
