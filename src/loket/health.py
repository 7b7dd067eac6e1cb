"""Liveness and readiness probes for the reverse proxy and the process supervisor."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse

from loket.accounts import rules


@rules.allow(rules.PUBLIC)
def healthz(request: HttpRequest) -> JsonResponse:
    """The process answers."""
    return JsonResponse({"status": "ok"})


@rules.allow(rules.PUBLIC)
def readyz(request: HttpRequest) -> JsonResponse:
    """The database answers and every migration is applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return JsonResponse({"status": "unavailable", "reason": f"database: {exc.__class__.__name__}"}, status=503)
    if pending:
        return JsonResponse(
            {"status": "unavailable", "reason": "migrations pending", "pending": len(pending)}, status=503
        )
    return JsonResponse({"status": "ready"})
