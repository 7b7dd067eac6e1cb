from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "loket.notifications"
    label = "notifications"
    verbose_name = _("berichten aan burgers")

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.cases.hooks import case_status_changed
        from loket.notifications.integrations import case_status_notify, failed_start_section

        register_start_section(failed_start_section)
        if case_status_notify not in case_status_changed:
            case_status_changed.append(case_status_notify)
