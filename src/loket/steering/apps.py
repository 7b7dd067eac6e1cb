"""Steering: the figures app. It only reads: cases (``cases``), contact moments (``citizens``) and,
later, the counters' figures; it writes nothing of its own."""

from __future__ import annotations

from django.apps import AppConfig


class SteeringConfig(AppConfig):
    name = "loket.steering"
    label = "steering"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.steering.integrations import steering_start_section

        register_start_section(steering_start_section)
