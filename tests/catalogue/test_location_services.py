from __future__ import annotations

import re

from loket.catalogue.models import Service
from loket.organisation.models import Location


def services_section(html: str) -> str:
    match = re.search(
        r'<section class="location-section" aria-labelledby="([^"]+)">\s*<h2 id="\1">Diensten aan dit loket</h2>'
        r"(.*?)</section>",
        html,
        re.S,
    )
    assert match, "the location page has no services section"
    return match.group(2)


def test_a_location_page_lists_its_services_with_links_and_appointment_marks(client, catalogue):
    house = Location.objects.get(slug="districtshuis-berchem")
    by_appointment = house.services.filter(active=True, counter=Service.Counter.APPOINTMENT).first()
    walk_in = house.services.filter(active=True, counter=Service.Counter.WALK_IN).first()
    section = services_section(client.get("/loketten/districtshuis-berchem/").content.decode())
    assert re.search(rf'href="/diensten/{by_appointment.slug}/">[^<]+</a> — <strong>op afspraak</strong>', section)
    assert re.search(rf'href="/diensten/{walk_in.slug}/">[^<]+</a> — zonder afspraak', section)


def test_inactive_services_and_services_offered_elsewhere_are_not_listed(client, catalogue):
    house = Location.objects.get(slug="districtshuis-berchem")
    retired = house.services.first()
    Service.objects.filter(pk=retired.pk).update(active=False)
    elsewhere = Service.objects.exclude(locations=house).first()
    section = services_section(client.get("/loketten/districtshuis-berchem/").content.decode())
    assert f"/diensten/{retired.slug}/" not in section
    assert f"/diensten/{elsewhere.slug}/" not in section


def test_a_self_service_point_lists_its_services_without_appointment_marks(client, catalogue):
    section = services_section(client.get("/loketten/zelfbediening-groenplaats/").content.decode())
    assert "/diensten/" in section and "afspraak" not in section


def test_a_location_without_services_says_so(client, catalogue):
    Location.objects.get(slug="districtshuis-berchem").services.clear()
    section = services_section(client.get("/loketten/districtshuis-berchem/").content.decode())
    assert "Aan dit loket worden geen diensten aangeboden." in section
