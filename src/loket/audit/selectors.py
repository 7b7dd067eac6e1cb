"""Reading the audit trail."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from loket.audit.models import AuditEntry


def audit_entry_list(
    *,
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    actor: str = "",
    date_from: dt.date | None = None,
    date_until: dt.date | None = None,
) -> QuerySet[AuditEntry]:
    """Audit entries, newest first, narrowed by whichever filters are given."""
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    if actor:
        entries = entries.filter(actor_username__iexact=actor)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_until:
        entries = entries.filter(at__date__lte=date_until)
    return entries.order_by("-at", "-id")


def audit_object_types() -> list[str]:
    return list(AuditEntry.objects.order_by("object_type").values_list("object_type", flat=True).distinct())
