"""Generated romanisation of Japanese institution names (modified Hepburn with macrons).

Used where a source gives only the name in kanji: the result is marked generated
(``romanisation_generated: true``) because a rule cannot know every reading. pykakasi supplies
the readings; long vowels ``ou``/``oo`` become ``ō`` and ``uu`` becomes ``ū``. The trailing
大学 / 大学院大学 is written ``Daigaku`` / ``Daigakuin Daigaku``.

>>> romanise_ja("東京大学")
'Tōkyō Daigaku'
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_SUFFIXES = [
    ("大学院大学", "Daigakuin Daigaku"),
    ("大學院大學", "Daigakuin Daigaku"),
    ("大学校", "Daigakkō"),
    ("大学", "Daigaku"),
    ("大學", "Daigaku"),
]


@cache
def _kakasi() -> Any:
    import pykakasi  # imported lazily: only the data build and cross-script queries need it

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def _macrons(word: str) -> str:
    return re.sub("ou|oo", "ō", word).replace("uu", "ū")


def romanise_ja(text: str) -> str:
    """Romanise a Japanese name; returns ``""`` when pykakasi is not installed."""
    try:
        kks = _kakasi()
    except ImportError:
        return ""
    suffix = ""
    for ja, latn in _SUFFIXES:
        if text.endswith(ja) and len(text) > len(ja):
            text, suffix = text[: -len(ja)], latn
            break
    parts = [w for p in kks.convert(text) for w in re.split(r"[\s・\-]+", p["hepburn"]) if w]
    words: list[str] = []
    carry = ""
    for part in parts:  # a one- or two-letter reading (a particle, a prefix) joins the next word
        if len(part) <= 2:
            carry += part
        else:
            words.append(carry + part)
            carry = ""
    if carry:
        words.append(carry)
    out = " ".join(_macrons(w).capitalize() for w in words)
    return f"{out} {suffix}".strip()
