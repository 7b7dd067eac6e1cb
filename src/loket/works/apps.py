from __future__ import annotations

from django.apps import AppConfig


class WorksConfig(AppConfig):
    name = "loket.works"
    label = "works"

    def ready(self) -> None:
        from loket.citizens.hooks import register_mijnloket_section
        from loket.organisation.hooks import register_district_section
        from loket.works.mijnloket import work_subscriptions_section
        from loket.works.sections import district_works_section

        # A district's page lists its works in the coming weeks.
        register_district_section(district_works_section)
        # A citizen's Mijn loket lists their subscriptions to new works, each with its cancel link.
        register_mijnloket_section(work_subscriptions_section)
