from __future__ import annotations

import pytest


@pytest.fixture
def catalogue(antwerp):
    """The Antwerp demo with the competences register and the service catalogue loaded."""
    from loket.catalogue import demo

    demo.load(log=lambda line: None)
    return antwerp


@pytest.fixture(autouse=True)
def _fresh_search_index():
    """Each test starts with an empty index: databases are rolled back between tests."""
    from loket.catalogue.search import search_index_invalidate

    search_index_invalidate()
    yield
    search_index_invalidate()
