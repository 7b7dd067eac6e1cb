from __future__ import annotations

app_name = "citizens"

urlpatterns: list = []
