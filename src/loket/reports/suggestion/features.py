"""Dutch text to classifier features: words (stems), word pairs and character n-grams.

Normalisation and stemming are the catalogue search's (``loket.catalogue.text``): lower case,
accents folded, every run of other characters one space, Snowball Dutch stems. Stopwords are the
catalogue's minus the words that change what a report is about ("niet" in "lamp brandt niet",
"geen", "meer"). Character n-grams (3 to 5 letters, inside word boundaries) make the model robust
to typos ("sluiksort"), spoken spellings ("da ligt") and compounds ("putdeksel", "straatvuil").
"""

from __future__ import annotations

from itertools import pairwise

from loket.catalogue.text import STOPWORDS, normalize, stem

KEEP = frozenset({"niet", "geen", "meer", "altijd", "onder", "tegen", "uit", "over", "door", "na"})
STOP = STOPWORDS - KEEP

# Features of each kind count for this much (a weighted bag of features for naive Bayes).
WORD_WEIGHT = 1.0
PAIR_WEIGHT = 0.5
CHAR_WEIGHT = 0.25
CHAR_SIZES = (3, 4, 5)


def tokens(text: str) -> list[str]:
    """The normalised meaningful words of ``text``, in order."""
    return [word for word in normalize(text).split() if word not in STOP and not word.isdigit()]


def features(text: str) -> dict[str, float]:
    """Feature name → weight; each feature counts once per text (binary bag)."""
    words = tokens(text)
    stems = [stem(word) for word in words]
    out: dict[str, float] = {}
    for s in stems:
        out["w:" + s] = WORD_WEIGHT
    for first, second in pairwise(stems):
        out[f"b:{first}_{second}"] = PAIR_WEIGHT
    for word in words:
        padded = f"<{word}>"
        for size in CHAR_SIZES:
            for i in range(len(padded) - size + 1):
                out["c:" + padded[i : i + size]] = CHAR_WEIGHT
    return out
