from __future__ import annotations

from django.apps import AppConfig


class ContactcentreConfig(AppConfig):
    name = "loket.contactcentre"
    label = "contactcentre"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.contactcentre.integrations import contact_centre_start_section

        register_start_section(contact_centre_start_section)
