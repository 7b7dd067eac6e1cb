from __future__ import annotations

from django.apps import AppConfig


class Open311Config(AppConfig):
    name = "loket.open311"
    label = "open311"
