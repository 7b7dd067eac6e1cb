from __future__ import annotations

from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "loket.correspondence"
    label = "correspondence"
    verbose_name = "Briefwisseling districten en stad"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.correspondence.integrations import letters_start_section, letters_worklist_section

        register_start_section(letters_start_section)
        register_start_section(letters_worklist_section)
