from __future__ import annotations

import datetime as dt

import pytest

from loket.organisation.selectors import district_for_postcode, district_locate_address

TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("postcode", "slug"), [("2000", "antwerpen"), ("2050", "antwerpen"), ("2600", "berchem"), (" 2140 ", "borgerhout")]
)
def test_it_finds_the_district_of_a_postcode(antwerp, postcode, slug):
    assert district_for_postcode(postcode=postcode, day=TODAY).slug == slug


@pytest.mark.parametrize("postcode", ["1000", "9999", "20", "abcd", ""])
def test_it_answers_none_for_a_postcode_outside_the_city_or_malformed(antwerp, postcode):
    assert district_for_postcode(postcode=postcode, day=TODAY) is None


def test_borsbeek_postcode_belongs_to_the_city_only_from_2025(antwerp):
    assert district_for_postcode(postcode="2150", day=dt.date(2024, 6, 1)) is None
    assert district_for_postcode(postcode="2150", day=dt.date(2025, 6, 1)).slug == "borsbeek"


@pytest.mark.parametrize(
    "address",
    [
        "Aalmoezenierstraat 12, 2000 Antwerpen",
        "aalmoezenierstraat 12",
        "AALMOEZENIERSTRAAT  12 2000 antwerpen",
        "Albrecht Durerstraat 3",  # accent left out
        "Aloïs De Laetstraat 7, 2020 Antwerpen",
    ],
)
def test_it_finds_the_district_of_an_address_in_the_street_table(antwerp, address):
    assert district_locate_address(address=address, day=TODAY).slug == "antwerpen"


def test_it_falls_back_to_the_postcode_for_an_unknown_street(antwerp):
    assert district_locate_address(address="Onbekendestraat 5, 2600 Berchem", day=TODAY).slug == "berchem"


@pytest.mark.parametrize("address", ["Nergensstraat 1", "Wetstraat 16, 1000 Brussel", "", "   "])
def test_it_answers_none_for_an_address_it_cannot_place(antwerp, address):
    assert district_locate_address(address=address, day=TODAY) is None
