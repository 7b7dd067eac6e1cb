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


def tasks_start_section(user: Any) -> Any:
    """ "Taken" on the start page of case workers: their team's open and overdue tasks, and the
    callback list for contact centre agents."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from loket.accounts import rules
    from loket.accounts.hooks import StartLink, StartSection
    from loket.accounts.models import Role
    from loket.cases import internal_tasks
    from loket.cases.models import InternalTask
    from loket.organisation.models import Team

    if not rules.CASE_WORKERS.allows(user):
        return None
    note = ""
    if user.team_id is not None:
        counts = internal_tasks.task_counts(user=user, team=user.team)
        note = _("%(open)s open, waarvan %(overdue)s te laat") % {"open": counts.open, "overdue": counts.overdue}
    links = [StartLink(_("Taken van mijn team") if user.team_id else _("Taken"), reverse("cases:task-list"), note)]
    if user.role == Role.AGENT:
        try:
            team = internal_tasks.contact_centre_team()
        except Team.DoesNotExist:
            team = None
        waiting = internal_tasks.task_list(user=user, kind=InternalTask.Kind.CALLBACK, team=team).count() if team else 0
        links.append(
            StartLink(_("Terugbellijst"), reverse("cases:callback-list"), _("%(n)s te bellen") % {"n": waiting})
        )
    return StartSection(title=_("Taken"), links=links)


class CasesConfig(AppConfig):
    name = "loket.cases"
    label = "cases"

    def ready(self) -> None:
        from loket.accounts.hooks import register_start_section

        register_start_section(work_queue_start_section)
        register_start_section(tasks_start_section)
