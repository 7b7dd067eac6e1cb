"""/werken/<id>/: one work with its period, status, owner, contact, hindrance and diversions."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from loket.works.models import Diversion, Hindrance, Work
from tests.works.helpers_public import GROENPLAATS, make_work

pytestmark = pytest.mark.django_db


def test_it_shows_everything_a_citizen_needs_about_one_work(client, antwerp):
    work = make_work(
        title="Vernieuwing waterleiding Groenplaats",
        description="water-link vervangt de hoofdleiding.",
        start=date(2026, 3, 2),
        end=date(2026, 4, 30),
        status=Work.Status.IN_PROGRESS,
        owner="water-link",
        contractor="Aannemer De Graver nv",
        contact_name="Els Janssens",
        contact_phone="03 123 45 67",
        contact_email="info@water-link.be",
        address="Groenplaats",
    )
    Hindrance.objects.create(
        work=work,
        severe=True,
        description="Rijbaan afgesloten",
        start_date=date(2026, 3, 2),
        end_date=date(2026, 3, 20),
        consequences={"cars": "closed", "cyclists": "narrowed", "pedestrians": "none"},
    )
    line = {"type": "LineString", "coordinates": [[4.40, 51.218], [4.402, 51.220]]}
    Diversion.objects.create(work=work, description="Volg de borden via de Schoenmarkt.", modes=["cars"], geometry=line)
    response = client.get(reverse("works:detail", args=[work.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Vernieuwing waterleiding Groenplaats</h1>" in html
    assert "in uitvoering" in html and "maandag 2 maart 2026" in html and "donderdag 30 april 2026" in html
    assert "water-link" in html and "Aannemer De Graver nv" in html and "Els Janssens" in html
    assert 'href="tel:031234567"' in html and 'href="mailto:info@water-link.be"' in html
    assert "ernstige hinder" in html
    assert '<th scope="row">Auto&#x27;s</th><td>afgesloten</td>' in html
    assert '<th scope="row">Fietsers</th><td>versmalde doorgang</td>' in html
    assert html.index("Voetgangers") < html.index("Fietsers") < html.index("Auto&#x27;s")  # in the order of the modes
    assert "Volg de borden via de Schoenmarkt." in html and "Voor: auto&#x27;s" in html
    assert 'data-works-map data-config="werkkaart-config"' in html
    assert '<a href="/districten/antwerpen/">Antwerpen</a>' in html


def test_the_map_carries_the_work_and_its_diversion(client, antwerp):
    work = make_work(at=GROENPLAATS)
    line = {"type": "LineString", "coordinates": [[4.40, 51.218], [4.402, 51.220]]}
    Diversion.objects.create(work=work, description="Omleiding", geometry=line)
    html = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert (
        '"diversions": {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString"'
        in html
    )


def test_a_work_without_hindrance_or_diversion_says_so(client, antwerp):
    work = make_work()
    html = client.get(reverse("works:detail", args=[work.pk])).content.decode()
    assert "Voor dit werk is geen hinder gemeld." in html and "Er is geen omleiding." in html


def test_an_unknown_or_cancelled_work_is_not_found(client, antwerp):
    cancelled = make_work(status=Work.Status.CANCELLED)
    assert client.get(reverse("works:detail", args=[cancelled.pk])).status_code == 404
    assert client.get(reverse("works:detail", args=[987654])).status_code == 404
    assert client.get("/werken/abc/").status_code == 404
