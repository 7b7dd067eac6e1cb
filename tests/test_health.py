"""The liveness and readiness probes."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ready_when_migrations_are_applied(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


@pytest.mark.django_db
def test_readyz_answers_503_when_migrations_are_pending(client):
    with mock.patch("loket.health.MigrationExecutor") as executor:
        executor.return_value.migration_plan.return_value = [("app", "0002")]
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "migrations pending"


@pytest.mark.django_db
def test_readyz_answers_503_when_the_database_is_down(client):
    with mock.patch("loket.health.MigrationExecutor", side_effect=OperationalError("down")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
