"""Dutch text analysis for the service search: normalise, drop stopwords, stem, trigrams."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_NON_WORD = re.compile(r"[^a-z0-9]+")
_stemmer = snowballstemmer.stemmer("dutch")

# The Snowball Dutch stopword list, plus the words citizens wrap around what they need
# ("we gaan …", "ik wil graag …", "hoe kan ik …").
STOPWORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat
    mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog
    zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder
    ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere we wij jij jullie onze gaan ga gaat graag willen wilt moeten mag mogen welke waar wanneer nodig krijgen
    hoeveel mn m n s t
    """.split()  # noqa: SIM905 (a readable word list)
)


def normalize(text: str) -> str:
    """Lower case without accents; every run of other characters becomes one space."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The normalised words of ``text`` that carry meaning (stopwords dropped)."""
    return [word for word in normalize(text).split() if word not in STOPWORDS]


def analyse(text: str) -> list[str]:
    """Stems of the meaningful words, in order (duplicates kept)."""
    return [stem(word) for word in words(text)]


def trigrams(term: str) -> frozenset[str]:
    padded = f"^{term}$"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))
