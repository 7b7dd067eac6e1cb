from __future__ import annotations

app_name = "notifications-api"

urlpatterns: list = []
