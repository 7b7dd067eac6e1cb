from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from loket.reports.suggestion.store import model_forget

URL = "/api/v1/reports/suggest-category/"


@pytest.fixture(autouse=True)
def _models_in_tmp(settings, tmp_path):
    settings.REPORTS_SUGGEST_MODEL_DIR = tmp_path / "models"
    model_forget()


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.django_db
def test_anyone_gets_three_suggestions_best_first(api):
    response = api.post(URL, {"text": "Er zit een diepe put in de rijweg van onze straat"}, format="json")
    assert response.status_code == 200, response.json()
    suggestions = response.json()["suggestions"]
    assert len(suggestions) == 3
    assert suggestions[0]["code"] == "weg.put"
    confidences = [s["confidence"] for s in suggestions]
    assert confidences == sorted(confidences, reverse=True) and all(0 <= c <= 1 for c in confidences)


@pytest.mark.django_db
def test_a_text_without_known_words_gets_an_empty_list(api):
    response = api.post(URL, {"text": "xyzzy"}, format="json")
    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{"text": ""}, {"text": "   "}, {}, {"text": "a" * 5001}, {"text": ["lamp"]}])
def test_an_empty_missing_or_too_long_text_is_refused_in_the_error_shape(api, body):
    response = api.post(URL, body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and "text" in error["details"]


@pytest.mark.django_db
def test_get_is_not_allowed(api):
    response = api.get(URL)
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
