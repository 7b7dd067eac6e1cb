from __future__ import annotations

app_name = "organisation-api"

urlpatterns: list = []
