"""Shared fixtures for the organisation app: the Antwerp demo city with its ten districts.

Register in the root conftest with ``pytest_plugins = ["tests.fixtures_organisation"]``.
Imports stay inside the fixtures so that loading this plugin never needs Django set up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from loket.organisation.models import City


@pytest.fixture
def antwerp(db) -> City:
    """The demo city: ten districts, district houses and counters, teams and streets."""
    from loket.organisation import demo
    from loket.organisation.models import City
    from loket.organisation.selectors import district_cache_clear

    demo.load(log=lambda line: None)
    district_cache_clear()
    return City.objects.get(slug="antwerpen")


@pytest.fixture(autouse=True)
def _fresh_district_cache():
    """Test transactions roll back without signals: start every test with an empty locate cache."""
    from loket.organisation.selectors import district_cache_clear

    district_cache_clear()
    yield
    district_cache_clear()
