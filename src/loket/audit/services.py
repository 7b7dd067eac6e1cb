"""Writing the audit trail. Every read or write of personal data goes through ``audit_record``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import HttpRequest

from loket.audit.models import AuditEntry
from loket.inserts import insert


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    object_repr: str = "",
    fields: Iterable[str] = (),
    district_id: int | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one line: who (``actor``) did what (``action``) to which record, and when."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
        object_repr = object_repr or str(obj)[:200]
    if object_type is None or object_id is None:
        raise ValueError("audit_record needs obj or object_type and object_id")
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    entry = AuditEntry(
        actor=actor if authenticated else None,
        actor_username=getattr(actor, "username", "") if authenticated else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_repr=object_repr[:200],
        district_id=district_id,
        fields=sorted(set(fields)),
        ip_address=(request.META.get("REMOTE_ADDR") or None) if request is not None else None,
    )
    return insert(entry)  # every request writes one: no INSERT compiled per line
