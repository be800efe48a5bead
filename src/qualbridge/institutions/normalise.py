"""Normalisation of institution names for matching.

People write the same institution many ways: "Univ. of Tokyo", "The University of Tokyo",
"Tokyo Daigaku", "Tōkyō Daigaku", "東京大学". Matching compares *keys*: NFKC, case-folded,
Latin diacritics stripped, punctuation dropped, abbreviations expanded, the word for
"university" in several languages and scripts folded to ``university``, stop words dropped,
romanised long vowels folded (ō / ou / oo / oh -> o, uu -> u) and the tokens sorted, so word
order does not matter.

>>> key("Univ. of Tokyo") == key("The University of Tokyo") == key("Tokyo Daigaku")
True
>>> key("Tōkyō Daigaku") == key("Toukyou daigaku") == key("tokyo university")
True
>>> key("東京大学")
'university 東京'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: words (after lower-casing and dropping dots) that stand for a longer word
ABBREVIATIONS: dict[str, str] = {
    "univ": "university",
    "uni": "university",
    "u": "university",
    "univs": "university",
    "daigaku": "university",
    "universitat": "university",
    "universitaet": "university",
    "universite": "university",
    "universita": "university",
    "universidad": "university",
    "universidade": "university",
    "universiteit": "university",
    "universitet": "university",
    "uniwersytet": "university",
    "daigakuin": "graduate",
    "inst": "institute",
    "institut": "institute",
    "instituto": "institute",
    "tech": "technology",
    "techn": "technology",
    "technol": "technology",
    "coll": "college",
    "sci": "science",
    "sciences": "science",
    "med": "medical",
    "natl": "national",
    "nat": "national",
    "intl": "international",
    "int": "international",
    "acad": "academy",
    "educ": "education",
    "edu": "education",
    "eng": "engineering",
    "engg": "engineering",
    "agric": "agriculture",
    "poly": "polytechnic",
    "pref": "prefectural",
    "mt": "mount",
    "joshi": "womens",
    "women": "womens",
    "woman": "womens",
    "womans": "womens",
}

STOP_WORDS = frozenset(
    [
        "the",
        "of",
        "at",
        "in",
        "for",
        "and",
        "a",
        "an",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "der",
        "die",
        "das",
        "fur",
        "y",
        "e",
        "di",
        "del",
        "da",
        "do",
        "dos",
    ]
)

#: script forms of "university" (and "graduate university") folded to the English word
_SCRIPT_WORDS = [
    ("大学院大学", " graduate university "),
    ("大學院大學", " graduate university "),
    ("大学校", " university "),  # e.g. 防衛大学校 (a ministry-run school, not a MEXT university)
    ("大學", " university "),
    ("大学", " university "),
    ("대학교", " university "),
    ("대학", " university "),
]

_PUNCT = re.compile(r"[^\w\s]+")
_APOSTROPHES = re.compile(r"[\u0027\u2019\u02bc`´]")
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LONG_OH = re.compile(r"oh(?=[^aeiou]|$)")


def _strip_latin_diacritics(text: str) -> str:
    """Drop accents from Latin letters only: kana voicing marks must survive."""
    out = []
    for ch in text:
        if "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            base = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in base if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


def fold_long_vowels(token: str) -> str:
    """Fold Hepburn long-vowel spellings: ``toukyou``, ``tookyoo``, ``tohkyoh`` -> ``tokyo``.

    >>> [fold_long_vowels(t) for t in ["toukyou", "ohtani", "kyuushuu", "keiou"]]
    ['tokyo', 'otani', 'kyushu', 'keio']
    """
    if not token.isascii():
        return token
    token = _LONG_OH.sub("o", token)
    token = token.replace("ou", "o").replace("oo", "o").replace("uu", "u")
    return token


def tokens(name: str) -> list[str]:
    """The normalised tokens of ``name``, in their original order."""
    text = unicodedata.normalize("NFKC", name).casefold()
    for word, repl in _SCRIPT_WORDS:
        text = text.replace(word, repl)
    text = _strip_latin_diacritics(text)
    text = text.replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    text = _PUNCT.sub(" ", text).replace("_", " ")
    out: list[str] = []
    for raw in _SPACES.split(text.strip()):
        if not raw:
            continue
        word = ABBREVIATIONS.get(raw, raw)
        if word in STOP_WORDS:
            continue
        out.append(fold_long_vowels(word))
    return out


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The matching key: normalised tokens, sorted, joined by single spaces."""
    return " ".join(sorted(tokens(name)))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
