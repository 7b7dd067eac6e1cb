from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from loket.reports.models import Category, CategorySource, Report
from loket.reports.suggestion import category_suggest
from loket.reports.suggestion.store import model_current, model_forget, versions


@pytest.fixture(autouse=True)
def _models_in_tmp(settings, tmp_path):
    settings.REPORTS_SUGGEST_MODEL_DIR = tmp_path / "models"
    model_forget()
    yield
    model_forget()


def train(*args: str) -> str:
    out = io.StringIO()
    call_command("reports_train", *args, stdout=out)
    return out.getvalue()


def test_training_writes_a_versioned_model_with_its_metrics_and_a_rerun_writes_v2(settings, categories):
    output = train()
    directory = settings.REPORTS_SUGGEST_MODEL_DIR
    assert set(versions(directory)) == {1}
    document = json.loads((directory / "report-categories-v1.json").read_text("utf-8"))
    assert document["version"] == 1 and document["trained_at"]
    assert document["training_size"] >= 33 * 25
    assert document["metrics"]["top1"] >= 0.8 and document["metrics"]["top3"] >= 0.95
    assert document["metrics"]["test_size"] >= 33 * 8
    assert document["model"]["weights"] and len(document["model"]["classes"]) == 33
    assert "[3/3] Versie 1 geschreven" in output and "top-1" in output and "niets overgeslagen" in output
    assert model_current().version == 1

    train()
    assert set(versions(directory)) == {1, 2}
    assert model_current().version == 2


def handler_sets(report: Report, code: str) -> None:
    """What ``report_set_category`` stores (without its routing and audit)."""
    Report.objects.filter(pk=report.pk).update(
        category=Category.objects.get(code=code), category_source=CategorySource.HANDLER
    )


def test_reports_a_handler_confirmed_are_trained_on_and_others_are_not(submit, categories):
    phrase = "blauwe knalpot kwispeltrut"  # words no example has
    confirmed = submit("afval.sluikstort", description=phrase)
    handler_sets(confirmed, "groen.bank")
    submit("afval.sluikstort", description="kwispeltrut kwispeltrut")  # the citizen's choice only: not taught
    assert Report.objects.filter(category_source="handler").count() == 1
    output = train()
    assert "bevestigde meldingen: 1 voorbeelden" in output
    assert category_suggest(phrase, top=1)[0][0] == "groen.bank"


def test_what_is_skipped_is_said_with_the_reason(submit, categories):
    report = submit("weg.put", description="een put in de weg")
    handler_sets(report, "weg.voetpad")
    Category.objects.filter(code="weg.voetpad").update(active=False)
    output = train("--dry-run")
    assert "1x bevestigde meldingen: onbekende of inactieve categorie" in output
    assert "Proefdraai: niets geschreven" in output
    assert versions() == {}


def test_a_min_top1_outside_0_and_1_is_refused(categories):
    with pytest.raises(CommandError, match="tussen 0 en 1"):
        train("--min-top1", "1.5")


def test_a_model_below_min_top1_is_not_written(settings, categories):
    with pytest.raises(CommandError, match="niets geschreven"):
        train("--min-top1", "1")
    assert versions(settings.REPORTS_SUGGEST_MODEL_DIR) == {}
