"""Training data and training: the written examples, the reports a handler confirmed or
corrected, the held-out examples for the metrics, and the model document that is stored."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils import timezone

from loket.reports.suggestion import bayes
from loket.reports.suggestion.features import features
from loket.reports.suggestion.store import FORMAT

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "examples.csv"
EXAMPLES_TEST = HERE / "examples_test.csv"
CATEGORIES_CSV = HERE.parent / "data" / "report-categories.csv"
MAX_TEXT = 5000


@dataclass
class TrainingSet:
    examples: list[bayes.Example] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def csv_examples(path: Path) -> list[bayes.Example]:
    with open(path, encoding="utf-8", newline="") as source:
        return [(row["code"].strip(), row["text"].strip()) for row in csv.DictReader(source)]


def known_codes() -> set[str]:
    """The active category codes in the database; the app's category CSV when there are none."""
    from loket.reports.models import Category

    codes = set(Category.objects.filter(active=True).values_list("code", flat=True))
    return codes or csv_codes()


def csv_codes() -> set[str]:
    """The 33 category codes of the app's category CSV."""
    with open(CATEGORIES_CSV, encoding="utf-8", newline="") as source:
        return {row["code"] for row in csv.DictReader(source)}


def confirmed_reports() -> Iterable[tuple[str, str]]:
    """(code, description) of every report whose category a handler confirmed or corrected."""
    from loket.reports.models import CategorySource, Report

    return (
        Report.objects.filter(category_source=CategorySource.HANDLER, category__isnull=False)
        .order_by("pk")
        .values_list("category__code", "description")
        .iterator(chunk_size=2000)
    )


def training_set(*, codes: set[str], with_reports: bool = True) -> TrainingSet:
    data = TrainingSet()
    sources: list[tuple[str, Iterable[tuple[str, str]]]] = [("examples.csv", csv_examples(EXAMPLES))]
    if with_reports:
        sources.append(("bevestigde meldingen", confirmed_reports()))
    test_texts = {text.casefold() for _, text in csv_examples(EXAMPLES_TEST)}
    for source, rows in sources:
        taken = 0
        for code, text in rows:
            text = (text or "").strip()
            if code not in codes:
                data.skip(f"{source}: onbekende of inactieve categorie")
            elif not text or not features(text):
                data.skip(f"{source}: geen woorden")
            elif text.casefold() in test_texts:
                data.skip(f"{source}: tekst uit het testbestand")
            else:
                data.examples.append((code, text[:MAX_TEXT]))
                taken += 1
        data.sources[source] = taken
    return data


def evaluate(model: bayes.Model, examples: Sequence[bayes.Example]) -> dict[str, Any]:
    """Top-1 and top-3 accuracy of ``model`` on ``examples``."""
    top1 = top3 = 0
    for code, text in examples:
        ranked = [c for c, _ in model.ranked(features(text))[:3]]
        top1 += bool(ranked) and ranked[0] == code
        top3 += code in ranked
    n = len(examples)
    return {
        "test_size": n,
        "top1": round(top1 / n, 4) if n else None,
        "top3": round(top3 / n, 4) if n else None,
    }


def model_train(
    *, codes: set[str] | None = None, with_reports: bool = True, log: Callable[[str], None] = lambda _: None
) -> tuple[dict[str, Any], TrainingSet]:
    """Train on the examples (and confirmed reports); returns the model document (without
    version) and the training set with what was skipped."""
    codes = codes if codes is not None else known_codes()
    data = training_set(codes=codes, with_reports=with_reports)
    for source, count in data.sources.items():
        log(f"{source}: {count} voorbeelden")
    if not data.examples:
        raise ValueError("geen trainingsvoorbeelden")
    log(f"trainen op {len(data.examples)} voorbeelden in {len({c for c, _ in data.examples})} categorieën …")
    model = bayes.fit_calibrated(data.examples, features)
    log(f"gekalibreerd (5-voudige kruisvalidatie): softmax-temperatuur {model.temperature}")
    test = [(code, text) for code, text in csv_examples(EXAMPLES_TEST) if code in codes]
    metrics = evaluate(model, test)
    log(f"testbestand: top-1 {metrics['top1']}, top-3 {metrics['top3']} op {metrics['test_size']} teksten")
    document = {
        "format": FORMAT,
        "trained_at": timezone.now().isoformat(timespec="seconds"),
        "training_size": len(data.examples),
        "training_sources": data.sources,
        "skipped": data.skipped,
        "metrics": metrics,
        "vocabulary_size": len(model.weights),
        "model": bayes.to_dict(model),
    }
    return document, data
