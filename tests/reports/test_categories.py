from __future__ import annotations

import csv

import pytest

from loket.reports.attributes import DATATYPES
from loket.reports.categories import DATA, EXTRA_ATTRIBUTES, categories_load
from loket.reports.models import Category

pytestmark = pytest.mark.django_db


def test_the_33_codes_of_the_csv_are_kept_as_they_are(categories):
    with DATA.open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    assert len(codes) == 33
    assert set(Category.objects.values_list("code", flat=True)) == codes


def test_loading_again_changes_nothing_and_keeps_local_settings(categories):
    category = Category.objects.get(code="weg.put")
    category.duplicate_radius_m = 80
    category.save()
    outcomes = categories_load()
    assert outcomes == {"unchanged": 33}
    category.refresh_from_db()
    assert category.duplicate_radius_m == 80


def test_a_few_categories_ask_extra_questions(categories):
    sluikstort = Category.objects.get(code="afval.sluikstort")
    assert sluikstort.attributes[0]["code"] == "afvalsoort" and sluikstort.attributes[0]["required"]
    assert set(EXTRA_ATTRIBUTES) <= set(Category.objects.values_list("code", flat=True))
    for definitions in EXTRA_ATTRIBUTES.values():
        for definition in definitions:
            assert definition["datatype"] in DATATYPES


def test_the_team_follows_the_competent_level():
    city_level = Category(code="x", team="netheid", competent_level="city")
    district_level = Category(code="y", team="groen", competent_level="district")
    assert city_level.team_slug("deurne") == "stad-netheid"
    assert district_level.team_slug("deurne") == "deurne-groen"
