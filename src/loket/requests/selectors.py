"""Reads of the e-loket: a service's active definition, a citizen's drafts and requests."""

from __future__ import annotations

from typing import Any

from loket.cases.models import Case
from loket.organisation.generations import GenerationCache
from loket.requests.models import FormDefinition, RequestDraft

# slug → the active definition with its service and topic (or None); every submit reads it.
_definitions: GenerationCache[str, FormDefinition | None] = GenerationCache(max_entries=1_000)


def definition_for_service(*, slug: str) -> FormDefinition | None:
    """The active form definition of an active online service, or None.

    Kept per process while the routing generation is unchanged (a write to a form definition,
    service or topic changes it): the instance is shared, read it and do not modify it.
    """
    return _definitions.get(
        slug,
        lambda: (
            FormDefinition.objects.select_related("service", "service__topic")
            .filter(service__slug=slug, service__active=True, active=True)
            .first()
        ),
    )


def draft_for(*, citizen: Any, service: Any) -> RequestDraft | None:
    return RequestDraft.objects.filter(citizen=citizen, service=service).prefetch_related("files").first()


def drafts_of(*, citizen: Any) -> list[RequestDraft]:
    return list(RequestDraft.objects.filter(citizen=citizen).select_related("service").order_by("-updated_at"))


def requests_of(*, citizen: Any, limit: int = 20) -> list[Case]:
    """The citizen's own requests, newest first (never anyone else's)."""
    return list(Case.objects.filter(citizen=citizen, kind="request").order_by("-created_at")[:limit])
