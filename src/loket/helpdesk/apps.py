from __future__ import annotations

from django.apps import AppConfig


class HelpdeskConfig(AppConfig):
    name = "loket.helpdesk"
    label = "helpdesk"
    verbose_name = "Helpdesk"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.cases.hooks import case_status_changed
        from loket.helpdesk import integrations
        from loket.helpdesk.workflow import question_workflow_register

        question_workflow_register()
        if integrations.clock_follow not in case_status_changed:
            case_status_changed.append(integrations.clock_follow)
        register_start_section(integrations.start_section)
        register_start_section(integrations.questions_worklist_section)
