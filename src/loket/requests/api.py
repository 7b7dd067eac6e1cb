from __future__ import annotations

app_name = "requests-api"

urlpatterns: list = []
