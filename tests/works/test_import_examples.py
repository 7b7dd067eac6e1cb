"""The example files in works/data/ (referred to by the command's help and the README) import cleanly."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from loket.works.models import Work

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "src" / "loket" / "works" / "data"


@pytest.mark.parametrize("name", ["example-works.geojson", "example-works.csv"])
def test_the_example_file_imports_without_skips(antwerp, name):
    out = StringIO()
    call_command("works_import", str(DATA / name), "--source", "voorbeeld", stdout=out)
    assert "3 records: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 overgeslagen" in out.getvalue()
    assert Work.objects.filter(source="voorbeeld", district__isnull=False).count() == 3
