from __future__ import annotations

import pytest

from tests.fixtures_organisation import antwerp  # noqa: F401


@pytest.fixture
def catalogue(antwerp):  # noqa: F811
    """The Antwerp demo with the competences register and the service catalogue loaded."""
    from loket.catalogue import demo

    demo.load(log=lambda line: None)
    return antwerp
