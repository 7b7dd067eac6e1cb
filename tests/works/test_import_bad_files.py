from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from loket.works.models import Work
from tests.works.helpers_data import OUTSIDE, square
from tests.works.test_import import feature, write

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("works_import", *args, stdout=out)
    return out.getvalue()


def test_it_refuses_a_file_that_is_not_json(antwerp, tmp_path):
    path = tmp_path / "werken.geojson"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        run(str(path))


def test_it_refuses_json_that_is_not_a_feature_collection(antwerp, tmp_path):
    path = tmp_path / "werken.json"
    path.write_text(json.dumps([{"id": 1}]), encoding="utf-8")
    with pytest.raises(CommandError, match="FeatureCollection"):
        run(str(path))


def test_it_refuses_a_missing_file_and_a_csv_without_the_required_columns(antwerp, tmp_path):
    with pytest.raises(CommandError, match="kan niet gelezen worden"):
        run(str(tmp_path / "bestaat-niet.geojson"))
    path = tmp_path / "werken.csv"
    path.write_text("id,title\n1,Iets\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Kolommen ontbreken in de CSV: begindatum, einddatum, eigenaar, geometrie"):
        run(str(path))


def test_it_refuses_a_file_that_is_not_utf8_and_a_bad_source(antwerp, tmp_path):
    path = tmp_path / "werken.csv"
    path.write_bytes("id;title;straße\n".encode("latin-1"))
    with pytest.raises(CommandError, match="UTF-8"):
        run(str(path))
    with pytest.raises(CommandError, match="--source"):
        run(str(path), "--source", "x" * 21)


def test_it_skips_bad_records_with_the_reason_and_imports_the_rest(antwerp, tmp_path):
    no_geometry = feature("G-3")
    no_geometry["geometry"] = None
    bad_geometry = feature("G-4")
    bad_geometry["geometry"] = {"type": "Polygon", "coordinates": [[[4.40, 151.2], [4.41, 51.2], [4.41, 51.21]]]}
    outside = feature("G-6")
    outside["geometry"] = square(*OUTSIDE)
    features = [
        feature("G-1"),
        feature("G-2", title=None, owner=""),
        no_geometry,
        bad_geometry,
        feature("G-5", start="2026-04-01", end="2026-03-01"),
        outside,
        feature("G-7", kind="feest"),
        feature("G-8", start="morgen"),
        feature("G-1"),
        "not a feature",
        feature("G-9", hindrances=[{"consequences": {"boats": "closed"}}]),
    ]
    output = run(write(tmp_path, features))
    assert "11 records: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 10 overgeslagen" in output
    assert "object 2 (id G-2): verplichte velden ontbreken: titel, eigenaar" in output
    assert "object 3 (id G-3): verplichte velden ontbreken: geometrie" in output
    assert "object 4 (id G-4): geometrie ongeldig: Punt [4.4, 151.2] ligt buiten het bereik" in output
    assert "object 5 (id G-5): einddatum 01-03-2026 ligt voor begindatum 01-04-2026" in output
    assert "object 6 (id G-6): ligt buiten de stad" in output
    assert "object 7 (id G-7): onbekende soort 'feest'" in output
    assert "object 8 (id G-8): begindatum 'morgen' is geen datum" in output
    assert "object 9 (id G-1): id 'G-1' komt al voor in object 1" in output
    assert "object 10: verplichte velden ontbreken" in output
    assert "object 11 (id G-9): onbekende vervoerswijze 'boats'" in output
    assert list(Work.objects.values_list("external_id", flat=True)) == ["G-1"]


def test_it_skips_csv_rows_with_broken_wkt(antwerp, tmp_path):
    path = tmp_path / "werken.csv"
    path.write_text(
        "id,title,start,end,owner,geometry\n"
        '1,Kapotte WKT,2026-03-01,2026-03-02,Stad Antwerpen,"POLYGON ((4.40 51.21, 4.41 51.21)"\n'
        '2,Geen JSON,2026-03-01,2026-03-02,Stad Antwerpen,"{""type"": Point}"\n',
        encoding="utf-8",
    )
    output = run(str(path))
    assert "regel 2 (id 1): geometrie ongeldig: Geen geldige WKT: een haakje sluiten ontbreekt." in output
    assert "regel 3 (id 2): geometrie ongeldig: geen geldige JSON" in output
    assert not Work.objects.exists()
