"""Text folding shared by keyword matching and full-text search."""

from __future__ import annotations

import unicodedata

# Letters that Unicode decomposition does not reduce to ASCII (ł has no combining mark) or
# that case-fold badly (Turkish dotless ı, dotted İ).
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "İ": "i",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
    }
)


def fold(text: str) -> str:
    """Lower-case, drop diacritics: "Lezzet Fırını" and "Łódź" → "lezzet firini", "lodz"."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
