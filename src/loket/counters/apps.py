from __future__ import annotations

from django.apps import AppConfig


class CountersConfig(AppConfig):
    name = "loket.counters"
    label = "counters"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section
        from loket.catalogue.hooks import register_service_action
        from loket.citizens.hooks import register_mijnloket_section, register_timeline_source
        from loket.counters.integrations import (
            appointment_timeline_source,
            book_appointment_action,
            counter_start_section,
        )
        from loket.counters.mijnloket import appointments_section

        register_service_action(book_appointment_action)
        register_start_section(counter_start_section)
        register_timeline_source(appointment_timeline_source)
        register_mijnloket_section(appointments_section)
