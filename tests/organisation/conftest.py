from __future__ import annotations

import pytest

from tests.fixtures_organisation import _fresh_district_cache, antwerp  # noqa: F401


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages render without collectstatic: the manifest storage is for production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
