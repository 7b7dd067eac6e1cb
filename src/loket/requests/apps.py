from __future__ import annotations

from django.apps import AppConfig


class RequestsConfig(AppConfig):
    name = "loket.requests"
    label = "requests"
    verbose_name = "E-loket aanvragen"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.catalogue.hooks import register_service_action
        from loket.requests.integrations import apply_online_action, requests_start_section

        register_service_action(apply_online_action)
        register_start_section(requests_start_section)
