"""/werken/in-mijn-buurt/: works within 500 m of an address in the coming four weeks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from loket.accounts.models import Role
from tests.works.helpers_public import GROENPLAATS, OUTSIDE, make_work, north_of, street_at

pytestmark = pytest.mark.django_db
ADDRESS = "Aalmoezenierstraat 12, 2000 Antwerpen"


def test_it_lists_the_works_within_500_m_in_the_coming_weeks_nearest_first(client, antwerp):
    street_at("Aalmoezenierstraat", *GROENPLAATS)
    today = timezone.localdate()
    make_work(title="Om de hoek", at=north_of(GROENPLAATS, 200))
    make_work(title="Voor de deur", at=GROENPLAATS)
    make_work(title="Te ver", at=north_of(GROENPLAATS, 700))
    make_work(title="Te laat", start=today + timedelta(weeks=6), end=today + timedelta(weeks=8))
    response = client.get(reverse("works:nearby"), {"address": ADDRESS})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 werken binnen 500 m." in html
    assert html.index("Voor de deur") < html.index("Om de hoek")
    assert "190 m" in html and "op deze plaats" in html
    assert "Te ver" not in html and "Te laat" not in html
    assert "Krijg een e-mail bij nieuwe werken rond dit adres" in html


def test_a_quiet_neighbourhood_says_so(client, antwerp):
    street_at("Aalmoezenierstraat", *GROENPLAATS)
    html = client.get(reverse("works:nearby"), {"address": ADDRESS}).content.decode()
    assert "0 werken binnen 500 m." in html and "Geen werken in uw buurt" in html


def test_the_citizens_own_address_is_filled_in(client, antwerp, make_user):
    from loket.citizens.models import Citizen

    user = make_user(Role.CITIZEN, username="an", email="an@example.be")
    Citizen.objects.create(user=user, street="Aalmoezenierstraat", number="12", postcode="2000")
    client.force_login(user)
    html = client.get(reverse("works:nearby")).content.decode()
    assert 'value="Aalmoezenierstraat 12, 2000"' in html


def test_the_page_asks_for_an_address_without_searching_at_first(client, antwerp):
    response = client.get(reverse("works:nearby"))
    assert response.status_code == 200
    assert "Zoek werken in mijn buurt" in response.content.decode()
    assert 'id="resultaat"' not in response.content.decode()


BAD_PLACES = [
    ({"address": ""}, "Geef een adres of klik op de kaart."),
    ({"address": "Nergensstraat 5"}, "Dit adres vinden we niet."),
    ({"address": "Veldstraat 1, 9000 Gent"}, "Dit adres ligt buiten de stad Antwerpen."),
    ({"lat": str(OUTSIDE[0]), "lon": str(OUTSIDE[1])}, "Deze plaats ligt buiten de stad Antwerpen."),
    ({"lat": "noord", "lon": "4.4"}, "De plaats op de kaart is ongeldig."),
    ({"address": ADDRESS}, "maar niet de precieze plaats ervan"),
]


def test_a_bad_address_gets_a_clear_message_and_keeps_what_was_typed(client, antwerp):
    for query, message in BAD_PLACES:  # one city load for all the cases
        response = client.get(reverse("works:nearby"), query)
        html = response.content.decode()
        assert response.status_code == 400, query
        assert message in html, query
        if query.get("address"):
            assert f'value="{query["address"]}"' in html, query
