"""Find qualification types by any of their names.

A user types what is on the certificate: "学士（工学）", "gakushi", "BSc (Hons)", "Licence pro". Every
name, abbreviation and alias of every type is normalised once (NFKC, case, punctuation, spacing) into
an index; a query is normalised the same way and tried as written (an exact match scores 100) and without a
bracketed specialisation such as "（工学）" (99); otherwise rapidfuzz ranks the names (at most 98).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from qualbridge.errors import UnknownCountry
from qualbridge.registry.loader import Registry

_BRACKETS = re.compile(r"[（(\[【〔][^）)\]】〕]*[）)\]】〕]")
_PUNCT = re.compile(r"[\s\.\-_,/'’&·・]+")
#: words inside brackets that are part of the name, not a specialisation
_KEEP_IN_BRACKETS = {"hons", "honours", "honors", "専門職", "professional", "ord", "ordinary"}


def normalise(text: str) -> str:
    """Fold a name for comparison.

    >>> normalise("BSc (Hons)")
    'bsc hons'
    >>> normalise("Ｂａｃｈｅｌｏｒ's")
    'bachelors'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("'", "").replace("’", "")
    text = re.sub(r"[()\[\]（）【】〔〕]", " ", text)
    return _PUNCT.sub(" ", text).strip()


def without_specialisation(text: str) -> str:
    """Drop a bracketed field of study but keep brackets that belong to the name.

    >>> without_specialisation("学士（工学）")
    '学士'
    >>> without_specialisation("BSc (Hons)")
    'BSc (Hons)'
    """

    def _drop(match: re.Match[str]) -> str:
        inner = normalise(match.group(0))
        return match.group(0) if inner in _KEEP_IN_BRACKETS else " "

    return re.sub(r"\s+", " ", _BRACKETS.sub(_drop, text)).strip()


@dataclass(frozen=True)
class SearchHit:
    type_id: str
    score: float  # 0..100
    matched: str  # the name or alias that matched


@dataclass(frozen=True)
class _Index:
    keys: list[str]  # normalised names
    owners: list[tuple[str, str]]  # (type id, original name) per key
    exact: dict[str, list[int]]  # normalised name -> positions in keys


def _build_index(registry: Registry) -> _Index:
    keys: list[str] = []
    owners: list[tuple[str, str]] = []
    exact: dict[str, list[int]] = {}
    for qt in registry.qualifications.values():
        names = [*qt.names.values(), *qt.abbreviations, *qt.aliases]
        for name in dict.fromkeys(names):
            key = normalise(name)
            if not key:
                continue
            exact.setdefault(key, []).append(len(keys))
            keys.append(key)
            owners.append((qt.id, name))
    return _Index(keys, owners, exact)


def _index_for(registry: Registry) -> _Index:
    return registry.derive("search-index", _build_index)


def check_country(registry: Registry, country: str) -> str:
    """Upper-case ``country`` and make sure the registry knows it; raise UnknownCountry otherwise."""
    code = country.strip().upper()
    if code not in registry.types_by_jurisdiction:
        raise UnknownCountry(country, [c.lower() for c in registry.types_by_jurisdiction])
    return code


def search_qualifications(
    registry: Registry, text: str, country: str | None = None, limit: int = 10
) -> list[SearchHit]:
    """Qualification types whose names match ``text``, best first (one hit per type)."""
    code = check_country(registry, country) if country else None
    index = _index_for(registry)
    full = normalise(text)
    stripped = normalise(without_specialisation(text))
    best: dict[str, SearchHit] = {}

    def offer(pos: int, score: float) -> None:
        type_id, name = index.owners[pos]
        if code and type_id.split("/")[0].upper() != code:
            return
        if type_id not in best or best[type_id].score < score:
            best[type_id] = SearchHit(type_id, round(score, 1), name)

    # the whole name as written beats the name without its bracketed field ("学士（医学）" is the
    # six-year bachelor's own name; plain "学士" is the four-year one), which beats any fuzzy match
    for query, exact_score in ((full, 100.0), (stripped, 99.0)):
        if not query:
            continue
        for pos in index.exact.get(query, []):
            offer(pos, exact_score)
        for _key, score, pos in process.extract(
            query, index.keys, scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=70
        ):
            offer(pos, min(float(score), 98.0))
    hits = sorted(best.values(), key=lambda h: (-h.score, h.type_id))
    return hits[:limit]
