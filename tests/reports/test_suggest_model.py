"""The category suggestion model: accuracy on the held-out examples (a quality gate on the
committed data), calibrated confidences, the threshold, and which model file is used."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from loket.reports.suggestion import category_auto, category_suggest
from loket.reports.suggestion.store import PACKAGED, model_current, model_forget
from loket.reports.suggestion.training import EXAMPLES, EXAMPLES_TEST, csv_codes, csv_examples


@pytest.fixture(autouse=True)
def _models_in_tmp(settings, tmp_path):
    settings.REPORTS_SUGGEST_MODEL_DIR = tmp_path / "models"
    model_forget()
    yield
    model_forget()


def test_the_examples_cover_every_category_with_enough_varied_texts():
    codes = csv_codes()
    train = Counter(code for code, _ in csv_examples(EXAMPLES))
    test = Counter(code for code, _ in csv_examples(EXAMPLES_TEST))
    assert set(train) == codes and set(test) == codes
    assert min(train.values()) >= 25 and min(test.values()) >= 8


def test_no_held_out_text_is_a_training_text():
    train = {text.casefold() for _, text in csv_examples(EXAMPLES)}
    assert not [text for _, text in csv_examples(EXAMPLES_TEST) if text.casefold() in train]


def test_the_packaged_model_reaches_80_percent_top1_and_95_percent_top3_on_held_out_texts():
    examples = csv_examples(EXAMPLES_TEST)
    top1 = top3 = 0
    for code, text in examples:
        ranked = [c for c, _ in category_suggest(text, top=3)]
        top1 += ranked[:1] == [code]
        top3 += code in ranked
    assert top1 / len(examples) >= 0.80, top1 / len(examples)
    assert top3 / len(examples) >= 0.95, top3 / len(examples)


def test_the_packaged_model_is_used_without_a_trained_one_and_knows_all_33_codes():
    loaded = model_current()
    assert loaded.path == PACKAGED
    assert set(loaded.model.classes) == csv_codes()
    assert loaded.metrics["top1"] >= 0.80


def test_suggestions_are_best_first_with_confidences_between_0_and_1():
    suggestions = category_suggest("Er ligt een sluikstort met matrassen op het voetpad", top=5)
    assert len(suggestions) == 5
    assert suggestions[0][0] == "afval.sluikstort"
    confidences = [confidence for _, confidence in suggestions]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= c <= 1.0 for c in confidences) and sum(confidences) <= 1.0001


def test_typos_and_compounds_still_find_the_category():
    assert category_suggest("het putdeksl klappert")[0][0] == "water.riool"
    assert category_suggest("lanteernpaal brand nie")[0][0] == "verlichting.defect"


def test_a_text_without_known_words_gets_no_suggestion():
    assert category_suggest("") == []
    assert category_suggest("!!! 123") == []
    assert category_auto("qqq zzz") is None


def test_category_auto_assigns_a_category_above_the_threshold(settings):
    settings.REPORTS_SUGGEST_THRESHOLD = 0.5
    text = "De straatlamp voor ons huis brandt niet meer"
    assert category_suggest(text, top=1)[0][1] >= 0.5
    assert category_auto(text) == "verlichting.defect"


def test_category_auto_gives_none_below_the_threshold(settings):
    text = "De straatlamp voor ons huis brandt niet meer"
    confidence = category_suggest(text, top=1)[0][1]
    settings.REPORTS_SUGGEST_THRESHOLD = confidence + 0.0001
    assert category_auto(text) is None
    settings.REPORTS_SUGGEST_THRESHOLD = confidence
    assert category_auto(text) == "verlichting.defect"


def test_a_vague_text_is_left_to_people_at_the_default_threshold():
    assert category_auto("er is iets kapot") is None


def test_the_newest_version_file_replaces_the_loaded_model(settings):
    assert model_current().path == PACKAGED
    directory = settings.REPORTS_SUGGEST_MODEL_DIR
    directory.mkdir(parents=True)
    document = json.loads(PACKAGED.read_text("utf-8"))
    for version in (1, 2):
        (directory / f"report-categories-v{version}.json").write_text(json.dumps({**document, "version": version}))
    assert model_current().version == 2
    (directory / "report-categories-v10.json").write_text(json.dumps({**document, "version": 10}))
    assert model_current().version == 10


def test_a_broken_newest_file_is_passed_over_for_the_one_before(settings, caplog):
    directory = settings.REPORTS_SUGGEST_MODEL_DIR
    directory.mkdir(parents=True)
    document = json.loads(PACKAGED.read_text("utf-8"))
    (directory / "report-categories-v1.json").write_text(json.dumps({**document, "version": 1}))
    (directory / "report-categories-v2.json").write_text("")
    assert model_current().version == 1
    assert "cannot be read" in caplog.text
    assert category_suggest("straatlamp kapot", top=1)[0][0] == "verlichting.defect"
