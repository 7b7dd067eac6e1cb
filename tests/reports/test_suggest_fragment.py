from __future__ import annotations

import pytest
from django.urls import reverse

from loket.reports.suggestion.store import model_forget


@pytest.fixture(autouse=True)
def _models_in_tmp(settings, tmp_path):
    settings.REPORTS_SUGGEST_MODEL_DIR = tmp_path / "models"
    model_forget()


def test_the_fragment_offers_categories_as_buttons_that_set_the_category_field(client, categories):
    response = client.get(reverse("reports:suggest-fragment"), {"text": "de lantaarnpaal brandt niet"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<button") == 3
    assert 'data-suggested-category="verlichting.defect"' in html
    assert "Straatlamp defect" in html and "% zeker" in html
    assert "id_category" in html and 'type="button"' in html
    assert html.index("verlichting.defect") < html.index("</ul>")


def test_the_fragment_also_reads_the_description_parameter(client, categories):
    response = client.get(reverse("reports:suggest-fragment"), {"description": "hondenpoep op de stoep"})
    assert 'data-suggested-category="afval.hondenpoep"' in response.content.decode()


def test_a_short_or_missing_text_gives_an_empty_fragment(client, categories):
    for query in ({"text": "la"}, {}):
        response = client.get(reverse("reports:suggest-fragment"), query)
        assert response.status_code == 200
        assert "<button" not in response.content.decode()


def test_a_too_long_text_is_refused(client, categories):
    response = client.get(reverse("reports:suggest-fragment"), {"text": "lamp " * 1001})
    assert response.status_code == 400
    assert "<button" not in response.content.decode() and "te lang" in response.content.decode()


def test_an_inactive_category_is_not_offered(client, categories):
    from loket.reports.models import Category

    Category.objects.filter(code="verlichting.defect").update(active=False)
    response = client.get(reverse("reports:suggest-fragment"), {"text": "de lantaarnpaal brandt niet"})
    assert "verlichting.defect" not in response.content.decode()


def test_the_fragment_refuses_post(client, categories):
    response = client.post(reverse("reports:suggest-fragment"), {"text": "lamp kapot"})
    assert response.status_code == 405


def test_a_sure_suggestion_is_offered_alone_without_zero_percent_alternatives(client, categories):
    html = client.get(reverse("reports:suggest-fragment"), {"text": "hondenpoep op de stoep"}).content.decode()
    assert html.count("<button") == 1
    assert 'data-suggested-category="afval.hondenpoep"' in html
    assert "0 % zeker" not in html.replace("100 % zeker", "")
