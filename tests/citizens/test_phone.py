from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from loket.citizens.national import phone_format, phone_normalise, phone_validate


@pytest.mark.parametrize(
    "typed",
    ["03 123 45 67", "03/123.45.67", "+32 3 123 45 67", "+32 (0)3 123 45 67", "0032 3 123 45 67", "031234567"],
)
def test_it_normalises_an_antwerp_landline_typed_in_any_way(typed):
    assert phone_normalise(typed) == "+3231234567"


@pytest.mark.parametrize("typed", ["0470 12 34 56", "+32 470 12 34 56", "0470/12.34.56", "0032470123456"])
def test_it_normalises_a_mobile_number(typed):
    assert phone_normalise(typed) == "+32470123456"


def test_it_keeps_a_foreign_number_with_its_country_code():
    assert phone_normalise("+31 20 123 4567") == "+31201234567"


@pytest.mark.parametrize("typed", ["12345", "bel me", "0470 12 34 56 78 9"])
def test_it_refuses_what_is_not_a_phone_number(typed):
    assert phone_normalise(typed) == ""
    with pytest.raises(ValidationError):
        phone_validate(typed)


def test_it_shows_belgian_numbers_the_national_way():
    assert phone_format("+3231234567") == "03 123 45 67"
    assert phone_format("+32470123456") == "0470 12 34 56"
    assert phone_validate("") == ""
