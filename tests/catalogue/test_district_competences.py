from __future__ import annotations

import re

from loket.catalogue.models import Service


def competences_section(html: str) -> str:
    match = re.search(
        r'<section class="district-section"[^>]*>\s*<h2 id="([^"]+)">Bevoegdheden van het district</h2>(.*?)</section>',
        html,
        re.S,
    )
    assert match, "the district page has no competences section"
    assert f'aria-labelledby="{match.group(1)}"' in html
    return match.group(2)


def test_a_district_page_lists_the_districts_own_matters_and_its_teams(client, catalogue):
    section = competences_section(client.get("/districten/berchem/").content.decode())
    assert "Lokale markten en foren" in section and "Lokale parken en groenvoorzieningen" in section
    assert "Berchem: Evenementen" in section and "Berchem: Groen" in section
    assert "Deurne:" not in section
    assert "Mobiliteit" not in section  # a city matter: only counted, with a link to the register
    assert "Al het andere regelt de stad" in section and 'href="/bevoegdheden/"' in section


def test_the_section_lists_the_district_houses_services_with_appointment_marks(client, catalogue):
    section = competences_section(client.get("/districten/berchem/").content.decode())
    assert "<h3>" in section and "<h2" not in section
    offered = Service.objects.filter(
        active=True, locations__slug="districtshuis-berchem", counter="appointment"
    ).first()
    assert offered is not None
    assert f'href="/diensten/{offered.slug}/"' in section and "op afspraak" in section


def test_a_district_without_a_house_still_shows_its_matters(client, catalogue):
    from loket.organisation.models import District

    District.objects.filter(slug="hoboken").update(district_house=None)
    response = client.get("/districten/hoboken/")
    assert response.status_code == 200
    section = competences_section(response.content.decode())
    assert "Hoboken: Evenementen" in section and "<h3>" not in section
