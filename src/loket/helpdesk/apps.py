from __future__ import annotations

from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "loket.helpdesk"
    label = "helpdesk"
