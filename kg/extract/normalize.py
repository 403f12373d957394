"""Name normalisation shared by extraction and resolution.

`fold` makes the lookup key of a name: case, accents, punctuation and the
common transliteration variants of Russian and Korean names are folded, so
Kim Jong-un = Kim Jong Un and Yury = Yuri, Sergey = Sergei, Alexey = Aleksei, Massoud = Masoud,
Aleksandr = Alexander, Yevgeny = Evgeny, Baltiysky = Baltisky, Zaporizhzhia = Zaporizhia.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLIT = [
    (r"(zh|kh|sh)\1", r"\1"), (r"ks", "x"), (r"iy(?=[bcdfghjklmnpqrstvwxz])", "i"), (r"iy\b", "y"), (r"yy\b", "y"), (r"ey\b", "ei"), (r"yu", "iu"), (r"ya", "ia"),
    (r"yo", "io"), (r"kh", "h"), (r"y\b", "i"),
    (r"(?<=[a-z]{2})([bcdfghjklmnpqrstvwxz])\1(?=[a-z])", r"\1"), (r"(?<=[a-z])ou", "u"),  # Massoud = Masoud
    (r"andr\b", "ander"), (r"\bye(?=[a-z]{3})", "e"),  # Aleksandr = Alexander, Yevgeny = Evgeny
]
_APOS = re.compile(r"[’'`ʼ]")


# Letters Unicode does not decompose into a base letter and an accent ('Władysław' is 'Wladyslaw').
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


def ascii_fold(text: str) -> str:
    """Strip accents; keep letters, digits and spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    return text


def simple_key(text: str) -> str:
    """Lower case, no accents, punctuation to spaces, no leading 'the'."""
    text = _APOS.sub("", ascii_fold(text).lower())
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def fold(text: str) -> str:
    """Lookup key that also folds transliteration variants (for people and places)."""
    key = simple_key(text)
    for pattern, repl in _TRANSLIT:
        key = re.sub(pattern, repl, key)
    return key


def slug(text: str) -> str:
    """A readable id fragment: 'Kim Jong-un' -> 'kim-jong-un'."""
    return simple_key(text).replace(" ", "-") or "x"


def clean_span_text(text: str) -> str:
    """Trim a mention: whitespace folded, leading articles and trailing possessives dropped."""
    text = " ".join(text.split())
    if text.count("(") > text.count(")"):  # 'National Bureau of Investigation (NBI': the tagger cut the bracket
        text = text[:text.rfind("(")]
    text = re.sub(r"^(the|The|a|an|An|A)\s+", "", text)
    text = re.sub(r"[’']s?$", "", text).strip(" ,;:.-–—\"“”()")
    text = re.sub(r"\s+(?:of|and|the|for|on|in)$", "", text)  # 'Council of the Union State of' (the tagger ran on)
    return text
