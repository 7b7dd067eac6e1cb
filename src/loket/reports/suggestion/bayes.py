"""A multinomial naive Bayes classifier over weighted feature bags, stored sparsely.

For a class ``c`` and feature ``f`` with (weighted) count ``n(c, f)`` the log likelihood is
``log((n(c, f) + alpha) / (N(c) + alpha * V))``. A feature a class never saw gets that class's
``floor`` (``n = 0``); the model stores only the differences from the floor for the classes that
did see it, so a text's score per class is ``prior + floor * weight_of_known_features + deltas``.
Features outside the vocabulary are ignored.

The log scores become confidences with a softmax at a temperature fitted on the training data by
cross-validation (naive Bayes is over-confident; the temperature makes 0.7 mean about 70 %).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

Example = tuple[str, str]  # (code, text)
Featurizer = Callable[[str], Mapping[str, float]]

ALPHA = 0.1
MIN_FEATURE_WEIGHT = 0.3  # drop features with less total weight than this (seen once as a char n-gram)
TEMPERATURES = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0)


class Model:
    """A trained classifier: classes, priors, floors and per-feature deltas."""

    def __init__(
        self,
        *,
        classes: Sequence[str],
        priors: Sequence[float],
        floors: Sequence[float],
        weights: Mapping[str, Mapping[int, float]],
        temperature: float = 1.0,
    ) -> None:
        self.classes = list(classes)
        self.priors = list(priors)
        self.floors = list(floors)
        self.weights = {name: dict(deltas) for name, deltas in weights.items()}
        self.temperature = temperature

    def log_scores(self, bag: Mapping[str, float]) -> list[float]:
        scores = list(self.priors)
        known = 0.0
        weights = self.weights
        for name, weight in bag.items():
            deltas = weights.get(name)
            if deltas is None:
                continue
            known += weight
            for index, delta in deltas.items():
                scores[index] += weight * delta
        return [score + known * floor for score, floor in zip(scores, self.floors, strict=True)]

    def probabilities(self, bag: Mapping[str, float]) -> list[float]:
        scores = self.log_scores(bag)
        return softmax(scores, self.temperature)

    def ranked(self, bag: Mapping[str, float]) -> list[tuple[str, float]]:
        pairs = zip(self.classes, self.probabilities(bag), strict=True)
        return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))


def softmax(scores: Sequence[float], temperature: float) -> list[float]:
    top = max(scores)
    exps = [math.exp((score - top) / temperature) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


def fit(examples: Sequence[Example], featurize: Featurizer, *, classes: Sequence[str] | None = None) -> Model:
    """Count features per class (temperature 1; see ``fit_calibrated``)."""
    classes = sorted(classes if classes is not None else {code for code, _ in examples})
    index = {code: i for i, code in enumerate(classes)}
    counts: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    docs = [0] * len(classes)
    for code, text in examples:
        i = index[code]
        docs[i] += 1
        for name, weight in featurize(text).items():
            counts[name][i] += weight
    counts = {name: per_class for name, per_class in counts.items() if sum(per_class.values()) >= MIN_FEATURE_WEIGHT}
    totals = [0.0] * len(classes)
    for per_class in counts.values():
        for i, value in per_class.items():
            totals[i] += value
    size = len(counts)
    denominators = [math.log(total + ALPHA * size) for total in totals]
    floors = [math.log(ALPHA) - denominator for denominator in denominators]
    n_docs = sum(docs)
    priors = [math.log((count + 1) / (n_docs + len(classes))) for count in docs]
    weights = {
        name: {i: math.log(value + ALPHA) - denominators[i] - floors[i] for i, value in per_class.items()}
        for name, per_class in counts.items()
    }
    return Model(classes=classes, priors=priors, floors=floors, weights=weights)


def fit_calibrated(examples: Sequence[Example], featurize: Featurizer, *, folds: int = 5) -> Model:
    """``fit`` on all examples, with the softmax temperature that gives the lowest log loss in
    ``folds``-fold cross-validation on the same examples."""
    classes = sorted({code for code, _ in examples})
    scored: list[tuple[int, list[float]]] = []
    for fold in range(folds):
        train = [example for i, example in enumerate(examples) if i % folds != fold]
        held = [example for i, example in enumerate(examples) if i % folds == fold]
        model = fit(train, featurize, classes=classes)
        scored.extend((classes.index(code), model.log_scores(featurize(text))) for code, text in held)

    def log_loss(temperature: float) -> float:
        return -sum(math.log(max(softmax(scores, temperature)[truth], 1e-12)) for truth, scores in scored)

    best = min(TEMPERATURES, key=log_loss)
    model = fit(examples, featurize, classes=classes)
    model.temperature = best
    return model


def to_dict(model: Model, *, digits: int = 4) -> dict[str, object]:
    return {
        "classes": model.classes,
        "priors": [round(value, digits) for value in model.priors],
        "floors": [round(value, digits) for value in model.floors],
        "temperature": model.temperature,
        "weights": {
            name: {str(i): round(delta, digits) for i, delta in deltas.items()}
            for name, deltas in sorted(model.weights.items())
        },
    }


def from_dict(data: Mapping[str, object]) -> Model:
    weights = data["weights"]
    assert isinstance(weights, dict)
    return Model(
        classes=list(data["classes"]),  # type: ignore[call-overload]
        priors=list(data["priors"]),  # type: ignore[call-overload]
        floors=list(data["floors"]),  # type: ignore[call-overload]
        weights={name: {int(i): float(d) for i, d in deltas.items()} for name, deltas in weights.items()},
        temperature=float(data["temperature"]),  # type: ignore[arg-type]
    )
