from __future__ import annotations

from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "loket.citizens"
    label = "citizens"
