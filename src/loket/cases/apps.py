from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def work_queue_start_section(user: Any) -> Any:
    """ "Mijn werkbak" on the start page of back-office and district roles (and managers)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from loket.accounts.hooks import StartLink, StartSection
    from loket.accounts.models import Role

    roles = {Role.BACKOFFICE, Role.DISTRICT_STAFF, Role.COORDINATOR, Role.HELPDESK, Role.MANAGER, Role.ADMIN}
    if not getattr(user, "is_authenticated", False) or user.role not in roles:
        return None
    links = [
        StartLink(_("Mijn werkbak"), reverse("cases:work-queue")),
        StartLink(_("Mijn zaken"), reverse("cases:work-queue") + "?assignee=me&team="),
    ]
    return StartSection(title=_("Zaken behandelen"), links=links)


class CasesConfig(AppConfig):
    name = "loket.cases"
    label = "cases"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section

        register_start_section(work_queue_start_section)
