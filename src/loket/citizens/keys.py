"""Search keys: accent-folded lowercase text, the same on both database engines."""

from __future__ import annotations

import re
import unicodedata

NOT_WORD = re.compile(r"[^a-z0-9]+")


def search_key(text: str) -> str:
    """``"Çelik-Van Damme"`` → ``"celik van damme"``: no accents, punctuation or double spaces."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()
    return NOT_WORD.sub(" ", folded).strip()
