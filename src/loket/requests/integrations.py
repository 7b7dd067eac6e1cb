"""What requests adds to the base apps' pages, through the hooks they offer."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from loket.accounts.hooks import StartLink, StartSection
from loket.accounts.models import Role
from loket.cases.workflows import workflow_for
from loket.catalogue.hooks import ServiceAction
from loket.catalogue.models import Service
from loket.requests.models import FormDefinition
from loket.requests.selectors import drafts_of, requests_of


def apply_online_action(service: Service) -> ServiceAction | None:
    """'Online aanvragen' on the page of a service with an active form definition."""
    if not FormDefinition.objects.filter(service=service, active=True).exists():
        return None
    url = reverse("requests:apply", kwargs={"service_slug": service.slug})
    return ServiceAction(channel="online", label=_("Online aanvragen"), url=url)


def requests_start_section(user: Any) -> StartSection | None:
    """A citizen's drafts and submitted requests, with their status."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.CITIZEN:
        return None
    links = [
        StartLink(
            _("%(service)s (concept)") % {"service": draft.service.name},
            reverse("requests:apply", kwargs={"service_slug": draft.service.slug}),
            _("concept, laatst bewaard op %(when)s") % {"when": draft.updated_at.strftime("%d/%m/%Y %H:%M")},
        )
        for draft in drafts_of(citizen=user)
    ]
    workflow = workflow_for("request")
    links += [
        StartLink(
            f"{case.reference}: {case.title}",
            reverse("requests:confirmed", kwargs={"reference": case.reference}),
            workflow.label(case.status),
        )
        for case in requests_of(citizen=user)
    ]
    return StartSection(title=_("Mijn aanvragen"), links=links) if links else None
