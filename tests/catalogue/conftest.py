from __future__ import annotations

import pytest

from tests.fixtures_organisation import antwerp  # noqa: F401


@pytest.fixture
def catalogue(antwerp):  # noqa: F811
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


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages render without collectstatic: the manifest storage is for production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
