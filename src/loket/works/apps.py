from __future__ import annotations

from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "loket.works"
    label = "works"

    def ready(self) -> None:
        from loket.organisation.hooks import register_district_section
        from loket.works.sections import district_works_section

        # A district's page lists its works in the coming weeks.
        register_district_section(district_works_section)
