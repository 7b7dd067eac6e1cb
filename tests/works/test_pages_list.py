"""/werken/: the public list and map of works, filtered and paged on the server."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.works.models import Work
from tests.works.helpers_public import DEURNE, GROENPLAATS, OUTSIDE, make_work, north_of, street_at

pytestmark = pytest.mark.django_db
ADDRESS = "Aalmoezenierstraat 12, 2000 Antwerpen"


def map_config(response, map_id: str = "werkenkaart-config") -> dict:
    html = response.content.decode()
    start = html.index(">", html.index(f'<script id="{map_id}"')) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_it_lists_the_current_and_coming_four_weeks_by_default(client, antwerp):
    today = timezone.localdate()
    make_work(title="Nu bezig", start=today - timedelta(days=3), end=today + timedelta(days=3))
    make_work(title="Over drie weken", start=today + timedelta(weeks=3), end=today + timedelta(weeks=5))
    make_work(title="Over twee maanden", start=today + timedelta(weeks=9), end=today + timedelta(weeks=10))
    make_work(title="Voorbij", start=today - timedelta(weeks=5), end=today - timedelta(days=1))
    make_work(title="Geannuleerd", status=Work.Status.CANCELLED)
    response = client.get(reverse("works:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nu bezig" in html and "Over drie weken" in html
    assert "Over twee maanden" not in html and "Voorbij" not in html and "Geannuleerd" not in html
    assert "2 werken tussen" in html
    assert f'value="{today.isoformat()}"' in html  # the period used is shown in the form
    assert "tile.openstreetmap" not in html


def test_the_map_shows_the_same_works_with_links_and_the_districts(client, antwerp):
    work = make_work(title="Heraanleg Groenplaats")
    config = map_config(client.get(reverse("works:list")))
    assert config["tiles"] == ""
    assert len(config["districts"]["features"]) == 10
    [feature] = config["works"]["features"]
    assert feature["properties"]["url"] == reverse("works:detail", args=[work.pk])
    assert feature["geometry"]["type"] == "Polygon"


def test_it_filters_by_district_and_kind(client, antwerp):
    make_work(title="Markt Groenplaats", kind=Work.Kind.EVENT, at=GROENPLAATS)
    make_work(title="Leidingen Deurne", kind=Work.Kind.WORKS, at=DEURNE)
    make_work(title="Kabels Deurne", kind=Work.Kind.GROUNDWORKS, at=DEURNE)
    html = client.get(reverse("works:list"), {"district": "deurne", "kind": "works"}).content.decode()
    assert "Leidingen Deurne" in html
    assert "Markt Groenplaats" not in html and "Kabels Deurne" not in html


def test_it_finds_works_around_an_address_nearest_first_with_the_distance(client, antwerp):
    street_at("Aalmoezenierstraat", *GROENPLAATS)
    make_work(title="Verder weg", at=north_of(GROENPLAATS, 300))
    make_work(title="Hier vlakbij", at=GROENPLAATS)
    make_work(title="Te ver", at=north_of(GROENPLAATS, 1500))
    response = client.get(reverse("works:list"), {"address": ADDRESS, "radius": "500"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Hier vlakbij") < html.index("Verder weg")
    assert "Te ver" not in html
    assert "op deze plaats" in html and "290 m" in html
    assert map_config(response)["circle"] == {"lat": GROENPLAATS[0], "lon": GROENPLAATS[1], "radius": 500}


def test_a_point_chosen_on_the_map_wins_over_the_address(client, antwerp):
    make_work(title="Werk in Deurne", at=DEURNE)
    query = {"address": "", "lat": str(DEURNE[0]), "lon": str(DEURNE[1]), "radius": "200"}
    html = client.get(reverse("works:list"), query).content.decode()
    assert "Werk in Deurne" in html and "binnen 200 m" in html


def test_it_pages_on_the_server(client, antwerp):
    today = timezone.localdate()
    for index in range(25):
        make_work(title=f"Werk nummer {index:02d}", start=today + timedelta(days=index % 20))
    first = client.get(reverse("works:list"), {"kind": "works"}).content.decode()
    assert "Pagina 1 van 2" in first and first.count('href="/werken/') - first.count('href="/werken/in') >= 20
    assert "kind=works&amp;pagina=2" in first
    second = client.get(reverse("works:list"), {"kind": "works", "pagina": "2"}).content.decode()
    assert "Pagina 2 van 2" in second and "25 werken" in second
    # A page number past the end or not a number shows a real page, not an error.
    assert client.get(reverse("works:list"), {"pagina": "99"}).status_code == 200
    assert client.get(reverse("works:list"), {"pagina": "x"}).status_code == 200


def test_it_links_the_geojson_download_with_the_same_filters(client, antwerp):
    html = client.get(reverse("works:list"), {"district": "deurne", "start": "2026-03-01"}).content.decode()
    assert "Download deze werken als GeoJSON" in html
    assert "district=deurne" in html and "start=2026-03-01" in html and "end=2026-03-29" in html


def test_without_javascript_the_form_and_list_work_and_the_map_stays_hidden(client, antwerp):
    make_work(title="Heraanleg Groenplaats")
    html = client.get(reverse("works:list")).content.decode()
    assert '<form method="get" id="werkenfilter"' in html and "Heraanleg Groenplaats</a>" in html
    assert 'data-works-map data-config="werkenkaart-config"' in html and "data-js-only hidden" in html


BAD_FILTERS = [
    ({"start": "31-02-2026"}, "Geef een geldige datum"),
    ({"start": "2026-05-01", "end": "2026-04-01"}, "De einddatum ligt voor de begindatum."),
    ({"start": "2026-01-01", "end": "2036-01-01"}, "hoogstens drie jaar"),
    ({"district": "atlantis"}, "Dit district kennen we niet."),
    ({"kind": "picnic"}, "Kies een soort uit de lijst."),
    ({"address": "Nergensstraat 5"}, "Dit adres vinden we niet."),
    ({"address": "Veldstraat 1, 9000 Gent"}, "buiten de stad Antwerpen"),
    ({"lat": str(OUTSIDE[0]), "lon": str(OUTSIDE[1])}, "Deze plaats ligt buiten de stad Antwerpen."),
    ({"address": ADDRESS, "radius": "5000"}, "Kies een straal tussen 100 en 2000 meter."),
    ({"address": ADDRESS, "radius": "veel"}, "Kies een straal tussen 100 en 2000 meter."),
]


def test_bad_filters_come_back_with_a_message_next_to_the_field(client, antwerp):
    street_at("Aalmoezenierstraat", *GROENPLAATS)
    for query, message in BAD_FILTERS:  # one city load for all the cases
        response = client.get(reverse("works:list"), query)
        html = response.content.decode()
        assert response.status_code == 400, query
        assert message in html, query
        assert 'aria-invalid="true"' in html and "_fout" in html, query
        for name in ("address", "start", "end"):
            if name in query:  # nothing typed is lost
                assert f'value="{query[name]}"' in html, query


def test_an_address_the_street_table_knows_without_a_position_asks_for_the_map(client, antwerp):
    response = client.get(reverse("works:list"), {"address": ADDRESS})
    assert response.status_code == 400
    assert "We kennen dit adres (district Antwerpen), maar niet de precieze plaats" in response.content.decode()
