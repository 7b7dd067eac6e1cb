from __future__ import annotations

app_name = "requests"

urlpatterns: list = []
