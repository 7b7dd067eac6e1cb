from __future__ import annotations

from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "loket.consultations"
    label = "consultations"
    verbose_name = "Overleg stad en districten"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.consultations.integrations import (
            actions_worklist_section,
            consultations_start_section,
            meetings_worklist_section,
        )

        register_start_section(consultations_start_section)
        register_start_section(meetings_worklist_section)
        register_start_section(actions_worklist_section)
