from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from loket.citizens.national import (
    national_number_birth_date,
    national_number_format,
    national_number_is_bis,
    national_number_make,
    national_number_sex,
    national_number_validate,
)


def test_it_accepts_a_number_of_someone_born_in_the_1900s():
    assert national_number_validate("85073003328") == "85073003328"
    assert national_number_birth_date("85073003328") == dt.date(1985, 7, 30)
    assert national_number_sex("85073003328") == "M"


def test_it_accepts_a_2000s_number_only_through_the_2_prefix():
    # 97 - (050312002 mod 97) = 55 would be the 1900s check; 84 is the 2000s one.
    assert national_number_validate("05031200284") == "05031200284"
    assert national_number_birth_date("05031200284") == dt.date(2005, 3, 12)
    assert national_number_sex("05031200284") == "F"
    # The same nine digits with the 1900s check digits are someone born in 1905.
    assert national_number_birth_date("05031200255") == dt.date(1905, 3, 12)


@pytest.mark.parametrize("typed", ["85.07.30-033.28", "85 07 30 033 28", "850730-033-28", " 85.07.30 033.28 "])
def test_it_accepts_dots_dashes_and_spaces(typed):
    assert national_number_validate(typed) == "85073003328"


def test_it_accepts_bis_numbers_with_20_or_40_added_to_the_month():
    assert national_number_validate("90450112315") == "90450112315"
    assert national_number_is_bis("90450112315")
    assert national_number_birth_date("90450112315") == dt.date(1990, 5, 1)
    bis20 = national_number_make(year=1990, month=5, day=1, serial=124, bis=20)
    assert national_number_validate(bis20)[2:4] == "25"


def test_it_accepts_an_unknown_month_and_day():
    assert national_number_validate("60000000591") == "60000000591"
    assert national_number_birth_date("60000000591") is None


def test_it_refuses_a_wrong_checksum():
    with pytest.raises(ValidationError) as error:
        national_number_validate("85073003329")
    assert error.value.code == "checksum"
    assert "controlecijfers" in error.value.messages[0]


@pytest.mark.parametrize("typed", ["8507300332", "850730033280", ""])
def test_it_refuses_a_wrong_length(typed):
    with pytest.raises(ValidationError) as error:
        national_number_validate(typed)
    assert error.value.code in {"length", "not_digits"}


def test_it_refuses_letters():
    with pytest.raises(ValidationError) as error:
        national_number_validate("85.07.30-O33.28")
    assert error.value.code == "not_digits"


def test_it_refuses_an_impossible_date_even_with_a_matching_checksum():
    with pytest.raises(ValidationError) as error:
        national_number_validate(national_number_make(year=1985, month=2, day=30, serial=33))
    assert error.value.code == "date"
    with pytest.raises(ValidationError):
        national_number_validate(national_number_make(year=1985, month=13, day=1, serial=33))


def test_it_formats_as_yy_mm_dd_sss_cc():
    assert national_number_format("85073003328") == "85.07.30-033.28"
    assert national_number_format("nonsense") == "nonsense"
