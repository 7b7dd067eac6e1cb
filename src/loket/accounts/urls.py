from __future__ import annotations

from django.urls import path

from loket.accounts import oidc, views

app_name = "accounts"

urlpatterns = [
    path("aanmelden/", views.login, name="login"),
    path("afmelden/", views.logout, name="logout"),
    path("start/", views.start, name="start"),
    # OIDC answers 404 unless it is configured (OIDC_RP_CLIENT_ID); see docs/oidc.md.
    path("oidc/authenticate/", oidc.authenticate, name="oidc-authenticate"),
    path("oidc/callback/", oidc.callback, name="oidc-callback"),
]
