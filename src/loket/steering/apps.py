from __future__ import annotations

from django.apps import AppConfig


class SteeringConfig(AppConfig):
    name = "loket.steering"
    label = "steering"
