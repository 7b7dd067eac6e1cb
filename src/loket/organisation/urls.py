from __future__ import annotations

app_name = "organisation"

urlpatterns: list = []
