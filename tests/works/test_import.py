from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from loket.works.models import Diversion, Hindrance, Work
from tests.works.helpers_data import GROENPLAATS, square

pytestmark = pytest.mark.django_db


def feature(external_id: str = "GIPOD-1001", **properties):
    return {
        "type": "Feature",
        "id": external_id,
        "geometry": square(*GROENPLAATS, half_m=30),
        "properties": {
            "title": "Vernieuwing waterleiding Groenplaats",
            "kind": "Werken",
            "status": "gepland",
            "start": "2026-03-02",
            "end": "2026-04-17",
            "owner": "water-link",
            "contractor": "Aannemer NV",
            "contact": {"name": "Info water-link", "phone": "03 244 05 00", "email": "info@water-link.be"},
            "hindrances": [
                {"severe": True, "start": "2026-03-02", "end": "2026-03-20", "consequences": {"cars": "closed"}}
            ],
            "diversions": [{"description": "Via de Nationalestraat", "modes": ["cars"]}],
            **properties,
        },
    }


def write(tmp_path, features, name="werken.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return str(path)


def run(*args) -> str:
    out = StringIO()
    call_command("works_import", *args, stdout=out)
    return out.getvalue()


def test_it_imports_a_gipod_feature_collection_with_hindrance_and_diversions(antwerp, tmp_path):
    output = run(write(tmp_path, [feature(), feature("GIPOD-1002", title="Markt", kind="evenement")]))
    assert "2/2 verwerkt" in output
    assert "2 records: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 overgeslagen" in output
    work = Work.objects.get(source="gipod", external_id="GIPOD-1001")
    assert work.district.slug == "antwerpen"
    assert (work.kind, work.status, work.owner) == ("works", "planned", "water-link")
    assert (work.start_date, work.end_date) == (date(2026, 3, 2), date(2026, 4, 17))
    assert work.contact_email == "info@water-link.be"
    assert work.min_lat < GROENPLAATS[0] < work.max_lat
    assert [h.consequences for h in work.hindrances.all()] == [{"cars": "closed"}]
    assert [d.modes for d in work.diversions.all()] == [["cars"]]
    assert Work.objects.get(external_id="GIPOD-1002").kind == "event"


def test_it_is_idempotent_and_updates_only_what_changed(antwerp, tmp_path):
    run(write(tmp_path, [feature(), feature("GIPOD-1002")]))
    work = Work.objects.get(external_id="GIPOD-1001")
    hindrance_ids = set(Hindrance.objects.values_list("id", flat=True))
    output = run(write(tmp_path, [feature(), feature("GIPOD-1002")]))
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 0 overgeslagen" in output
    assert set(Hindrance.objects.values_list("id", flat=True)) == hindrance_ids

    changed = feature(end="2026-05-01", diversions=[{"description": "Via de Kammenstraat", "modes": "cyclists"}])
    output = run(write(tmp_path, [changed, feature("GIPOD-1002")]))
    assert "0 nieuw, 1 bijgewerkt, 1 ongewijzigd" in output
    work.refresh_from_db()
    assert work.end_date == date(2026, 5, 1)
    assert list(work.diversions.values_list("description", "modes")) == [("Via de Kammenstraat", ["cyclists"])]
    assert Work.objects.count() == 2


def test_it_keeps_sources_apart(antwerp, tmp_path):
    path = write(tmp_path, [feature()])
    run(path)
    run(path, "--source", "stad")
    assert sorted(Work.objects.values_list("source", flat=True)) == ["gipod", "stad"]


def test_a_dry_run_counts_but_saves_nothing(antwerp, tmp_path):
    output = run(write(tmp_path, [feature(), feature("GIPOD-2", end="2026-01-01")]), "--dry-run")
    assert "Proefdraai" in output
    assert "1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen" in output
    assert not Work.objects.exists() and not Hindrance.objects.exists() and not Diversion.objects.exists()


def test_it_imports_a_csv_with_wkt_or_geojson_geometry(antwerp, tmp_path):
    lat, lon = GROENPLAATS
    polygon = f"POLYGON (({lon} {lat}, {lon + 0.001} {lat}, {lon + 0.001} {lat + 0.001}, {lon} {lat}))"
    point = json.dumps({"type": "Point", "coordinates": [4.3946, 51.1685]}).replace('"', '""')
    path = tmp_path / "werken.csv"
    path.write_text(
        "external_id;title;kind;start;end;owner;geometry;severe_hindrance;hindrance_consequences;"
        "diversion;diversion_modes\n"
        f'FL-1;Nieuwe kabel Fluvius;grondwerken;02-03-2026;13-03-2026;Fluvius;{polygon};ja;"cars:one_way; '
        'cyclists:narrowed";Fietsers via de Hoogstraat;cyclists\n'
        f'PX-1;Glasvezel Proximus;works;2026-03-09;2026-03-11;Proximus;"{point}";nee;;;\n',
        encoding="utf-8",
    )
    output = run(str(path))
    assert "2 records: 2 nieuw" in output
    fluvius = Work.objects.get(external_id="FL-1")
    assert fluvius.geometry["type"] == "Polygon"
    assert fluvius.kind == "groundworks" and fluvius.start_date == date(2026, 3, 2)
    (hindrance,) = fluvius.hindrances.all()
    assert hindrance.severe and hindrance.consequences == {"cars": "one_way", "cyclists": "narrowed"}
    assert list(fluvius.diversions.values_list("modes", flat=True)) == [["cyclists"]]
    proximus = Work.objects.get(external_id="PX-1")
    assert proximus.district.slug == "wilrijk" and not proximus.hindrances.exists()
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in run(str(path))
