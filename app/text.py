"""Text normalisation for search: Mtavruli folding and Georgian/Latin name skeletons.

A *skeleton* romanises Georgian by the national system (2002), drops apostrophes,
casefolds, and then coarsens the spellings that everyday Latin writing confuses
(q/k, c/ts, x/kh, dj/j, zh/j, ph/p, th/t, tch/ch, w/v, y/i), so that the spelling on
a passport, in an e-mail signature and in the national system all meet.
"""

from __future__ import annotations

import re
import unicodedata

_ROMAN = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k'", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p'", "ჟ": "zh",
    "რ": "r", "ს": "s", "ტ": "t'", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q'",
    "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts'", "ჭ": "ch'", "ხ": "kh",
    "ჯ": "j", "ჰ": "h",
    # archaic letters still met in names and old documents
    "ჱ": "e", "ჲ": "i", "ჳ": "u", "ჴ": "kh", "ჵ": "o", "ჶ": "f", "ჷ": "e", "ჸ": "'",
}  # fmt: skip
_ROMAN_TABLE = str.maketrans(_ROMAN)

# Applied in order, on the romanised, apostrophe-free, casefolded text.
_COARSEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tch", "ch"),
        (r"ph", "p"),
        (r"th", "t"),
        (r"x", "kh"),
        (r"q", "k"),
        (r"dj", "j"),
        (r"zh", "j"),
        (r"c(?!h)", "ts"),
        (r"w", "v"),
        (r"y", "i"),
    )
)
_APOSTROPHES = re.compile(r"['’ʼʻ`´‘]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Casefold (Mtavruli → Mkhedruli), NFC-normalise and collapse whitespace."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def romanise(text: str) -> str:
    """National romanisation of Georgian letters; other characters unchanged."""
    return fold(text).translate(_ROMAN_TABLE)


def _coarsen(s: str) -> str:
    """Apply the rules until nothing changes ("pphh" → "pph" → "pp").

    One pass can create a new match ("tthh": "th" → "t" leaves "tth"), and a key that
    changes when recomputed would miss itself in the index. Terminates: after the first
    pass no x, q, w, y or lone c is left and no rule creates one, and every later change
    shortens the text.
    """
    for _ in range(len(s) + 2):
        before = s
        for pattern, repl in _COARSEN:
            s = pattern.sub(repl, s)
        if s == before:
            break
    return s


def skeleton(text: str) -> str:
    """The coarse Latin key stored in ``*_skeleton`` columns and searched on.

    Compatibility forms are unfolded first (ﬁ → fi, ℌ → h, ჼ → ნ), then case is folded
    (Mtavruli → Mkhedruli) and accents dropped, Georgian romanised, apostrophes removed and
    the spelling coarsened. Always returns lower-case ASCII words separated by one space;
    ``skeleton(skeleton(x)) == skeleton(x)``.
    """
    s = unicodedata.normalize("NFKD", text).casefold()
    s = unicodedata.normalize("NFKD", s)  # casefolding can produce decomposable letters
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOSTROPHES.sub("", s.translate(_ROMAN_TABLE))
    return _NON_WORD.sub(" ", _coarsen(s)).strip()


def has_georgian(text: str) -> bool:
    return any("\u10a0" <= ch <= "\u10ff" or "\u1c90" <= ch <= "\u1cbf" for ch in text)
