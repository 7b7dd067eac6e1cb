from __future__ import annotations

import csv
import importlib

import pytest
from django.apps import apps

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


OLD_LAMP_POST_QUESTION = "Het nummer op de lantaarnpaal (als je het ziet)"
LAMP_POST_QUESTION = "Het nummer op de lantaarnpaal (als u het ziet)"


def _lamp_post_question(description: str | None = None) -> str:
    category = Category.objects.get(code="verlichting.defect")
    if description is not None:
        category.attributes[0]["description"] = description
        category.save()
    return category.attributes[0]["description"]


def test_loading_again_puts_an_older_databases_lamp_post_question_with_u(categories):
    _lamp_post_question(OLD_LAMP_POST_QUESTION)
    assert categories_load() == {"updated": 1, "unchanged": 32}
    assert _lamp_post_question() == LAMP_POST_QUESTION


def test_the_migration_puts_the_lamp_post_question_with_u_and_keeps_a_staff_edit(categories):
    migration = importlib.import_module("loket.reports.migrations.0003_category_attribute_polite_form")
    _lamp_post_question(OLD_LAMP_POST_QUESTION)
    migration.forwards(apps, None)
    assert _lamp_post_question() == LAMP_POST_QUESTION
    _lamp_post_question("Paalnummer, indien zichtbaar")
    migration.forwards(apps, None)
    assert _lamp_post_question() == "Paalnummer, indien zichtbaar"


def test_the_team_follows_the_competent_level():
    city_level = Category(code="x", team="netheid", competent_level="city")
    district_level = Category(code="y", team="groen", competent_level="district")
    assert city_level.team_slug("deurne") == "stad-netheid"
    assert district_level.team_slug("deurne") == "deurne-groen"
