"""Category suggestion for reports: a Dutch naive Bayes text classifier in pure Python.

``category_suggest(text)`` ranks the categories with a confidence between 0 and 1;
``category_auto(text)`` gives the code when the best confidence reaches
``REPORTS_SUGGEST_THRESHOLD`` (default 0.5), else None (the report goes to the sorting queue).
The model is the newest ``report-categories-v<N>.json`` written by ``manage.py reports_train``,
or the packaged ``model.json`` (trained from ``examples.csv``) until there is one.
"""

from __future__ import annotations

from django.conf import settings

from loket.reports.suggestion.features import features
from loket.reports.suggestion.store import model_current

DEFAULT_THRESHOLD = 0.5
MAX_TEXT = 5000

__all__ = ["category_auto", "category_suggest", "threshold"]


def threshold() -> float:
    return float(getattr(settings, "REPORTS_SUGGEST_THRESHOLD", DEFAULT_THRESHOLD))


def category_suggest(text: str, *, top: int = 3) -> list[tuple[str, float]]:
    """The ``top`` most likely category codes for ``text`` with their confidence, best first;
    empty when the text has no words the model knows."""
    bag = features((text or "")[:MAX_TEXT])
    loaded = model_current()
    weights = loaded.model.weights
    if not any(name in weights for name in bag):
        return []
    return [(code, round(confidence, 4)) for code, confidence in loaded.model.ranked(bag)[: max(top, 0)]]


def category_auto(text: str) -> str | None:
    """The best category when its confidence reaches the threshold, else None."""
    best = category_suggest(text, top=1)
    if best and best[0][1] >= threshold():
        return best[0][0]
    return None
