from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "loket.reports"
    label = "reports"
    verbose_name = _("meldingen")

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.cases.hooks import case_status_changed, register_case_section
        from loket.reports import workflow
        from loket.reports.integrations import report_case_section, report_status_changed, reports_start_section

        workflow.register()
        register_case_section(report_case_section)
        register_start_section(reports_start_section)
        if report_status_changed not in case_status_changed:
            case_status_changed.append(report_status_changed)
