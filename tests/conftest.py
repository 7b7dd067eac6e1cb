from __future__ import annotations

import pytest

pytest_plugins = ["tests.fixtures_organisation", "tests.fixtures_people", "tests.browser"]


@pytest.fixture(autouse=True)
def _jobs_run_immediately(settings):
    """Background jobs run inline in tests, whatever queue the settings choose."""
    from huey.contrib.djhuey import HUEY

    previous = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = previous


@pytest.fixture(autouse=True)
def _maps_without_tiles(settings):
    """No test reaches a tile server: maps draw the district boundaries only."""
    settings.MAP_TILE_URL = ""
