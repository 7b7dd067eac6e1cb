"""A service served at a counter by appointment shows 'Maak een afspraak' on its page."""

from __future__ import annotations

import pytest

from loket.catalogue import demo as catalogue_demo
from loket.counters import demo as counters_demo


@pytest.fixture
def counters(antwerp):
    catalogue_demo.load(log=lambda line: None)
    counters_demo.load(log=lambda line: None)
    return antwerp


def test_the_identity_card_page_links_to_the_booking_flow(client, counters):
    response = client.get("/diensten/identiteitskaart/")
    assert response.status_code == 200
    assert 'href="/afspraak-maken/?service=identiteitskaart"' in response.content.decode()


def test_a_service_without_counter_appointments_has_no_booking_link(client, counters):
    response = client.get("/diensten/grofvuil/")
    assert response.status_code == 200
    assert "/afspraak-maken/?service=" not in response.content.decode()


def test_a_clerk_finds_the_desk_screens_on_the_start_page(client, counters, django_user_model):
    from loket.accounts.models import Role

    clerk = django_user_model.objects.create_user(username="loketbediende", password=None, role=Role.CLERK)
    client.force_login(clerk)
    page = client.get("/start/").content.decode()
    assert "Loketten en afspraken" in page
    assert "/loket/balie/" in page
    assert "/medewerker/afspraak/" in page
    assert "/loketten-cijfers/" not in page


def test_a_citizen_sees_no_counter_section_on_the_start_page(client, counters, django_user_model):
    citizen = django_user_model.objects.create_user(username="burger-x", password=None)
    client.force_login(citizen)
    assert "Loketten en afspraken" not in client.get("/start/").content.decode()
