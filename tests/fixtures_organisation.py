"""Shared fixtures for the organisation app: the Antwerp demo city with its ten districts.

Register in the root conftest with ``pytest_plugins = ["tests.fixtures_organisation"]``.
"""

from __future__ import annotations

import pytest

from loket.organisation.models import City


@pytest.fixture
def antwerp(db) -> City:
    """The demo city: ten districts, district houses and counters, teams and streets."""
    from loket.organisation import demo

    demo.load(log=lambda line: None)
    return City.objects.get(slug="antwerpen")
