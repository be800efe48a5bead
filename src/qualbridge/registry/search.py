"""Find qualification types by any of their names.

A user types what is on the certificate: "学士（工学）", "gakushi", "BSc (Hons)", "Licence pro". Every
name, abbreviation and alias of every type is normalised once (NFKC, case, punctuation, spacing) into
an index; a query is normalised the same way and tried as written (an exact match scores 100) and without a
bracketed specialisation such as "（工学）" (99).

Otherwise the match **refuses to guess**: rapidfuzz proposes candidates, and a candidate counts only when
every distinctive word of the query (not "of", "degree", "certificate", "education" ..., nor a field of
study named in ISCED-F 2013, such as "agriculture") is found, spelt alike, in the candidate's name. "Master of Philosophy" shares only generic words with "General Certificate
of Education" and is no match for it; "Bachelor of Magic" matches nothing (the caller names the closest
real types, :func:`closest_types`). A kept candidate scores 70–98 by how much of its own name the query
covers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from qualbridge.errors import UnknownCountry
from qualbridge.registry.loader import Registry, read_yaml

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


#: words that say what kind of document something is, or join words, in the languages of the data: shared
#: generic words alone never make two names match
GENERIC_WORDS = frozenset(
    [
        "of",
        "in",
        "the",
        "and",
        "for",
        "a",
        "an",
        "with",
        "to",
        "at",
        "on",
        "by",
        "degree",
        "degrees",
        "certificate",
        "certificates",
        "certification",
        "diploma",
        "diplomas",
        "education",
        "educational",
        "general",
        "higher",
        "national",
        "level",
        "levels",
        "advanced",
        "studies",
        "study",
        "programme",
        "program",
        "course",
        "award",
        "qualification",
        "qualifications",
        "school",
        "final",
        "completion",
        "graduate",
        "de",
        "del",
        "des",
        "du",
        "la",
        "le",
        "les",
        "et",
        "en",
        "d",
        "l",
        "di",
        "e",
        "y",
        "und",
        "der",
        "die",
        "das",
        "fur",
        "für",
        "van",
        "voor",
        "het",
        "een",
        "of",
        "i",
        "o",
        "och",
        "og",
    ]
)
#: how alike two words must be (rapidfuzz ratio, 0..100) to count as the same word
WORD_MATCH = 80.0


def _words(key: str) -> list[str]:
    return key.split()


FIELDS_FILE = Path(__file__).resolve().parent.parent / "data" / "fields" / "isced-f-2013.yaml"


@cache
def field_words(path: Path = FIELDS_FILE) -> frozenset[str]:
    """The words of the ISCED-F 2013 field names ("agriculture", "philosophy", "science" ...), singular."""
    if not path.exists():
        return frozenset()
    from qualbridge.registry.fields import FieldClassification

    fields = FieldClassification.model_validate(read_yaml(path)).fields.values()
    words = {_singular(w) for f in fields for w in normalise(f.name).split()}
    return frozenset(words - GENERIC_WORDS)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _distinctive(words: list[str]) -> list[str]:
    """The words that carry meaning; all of them when every word is generic ("Higher National Diploma")."""
    kept = [w for w in words if w not in GENERIC_WORDS]
    return kept or words


def _wanted(words: list[str]) -> list[str]:
    """The query words a candidate must contain: the distinctive ones that do not name a field of study
    ("Bachelor of Agriculture" needs a bachelor's, in any field); all distinctive words when every one
    names a field."""
    distinctive = _distinctive(words)
    fields = field_words()
    kept = [w for w in distinctive if _singular(w) not in fields]
    return kept or distinctive


def _word_score(word: str, others: list[str]) -> float:
    return max((fuzz.ratio(word, o) for o in others), default=0.0)


def token_score(query: str, name: str) -> float | None:
    """The score of normalised ``name`` for normalised ``query``, or None when it is no match.

    >>> token_score("master of philosophy", "general certificate of education advanced level") is None
    True
    >>> token_score("bachelor of magic", "bachelor") is None
    True
    >>> token_score("bachelor of sience", "bachelor of science") > 90
    True
    >>> token_score("bachelor of agriculture", "bachelor") is not None  # a field, not another type
    True
    """
    q_words, n_words = _words(query), _words(name)
    wanted = _wanted(q_words)
    found = [_word_score(w, n_words) for w in wanted]
    if not found or min(found) < WORD_MATCH:
        return None
    own = _distinctive(n_words)
    covered = sum(_word_score(w, q_words) >= WORD_MATCH for w in own) / len(own)
    quality = sum(found) / len(found) / 100
    return round(70 + 28 * quality * covered, 1)


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
    compact: dict[str, list[int]]  # normalised name without spaces ("b sc hons" = "bsc hons")
    by_country: dict[str, dict[int, str]]  # country code -> {position: normalised name}


def _build_index(registry: Registry) -> _Index:
    keys: list[str] = []
    owners: list[tuple[str, str]] = []
    exact: dict[str, list[int]] = {}
    compact: dict[str, list[int]] = {}
    by_country: dict[str, dict[int, str]] = {}
    for qt in registry.qualifications.values():
        names = [*qt.names.values(), *qt.abbreviations, *qt.aliases]
        for name in dict.fromkeys(names):
            key = normalise(name)
            if not key:
                continue
            exact.setdefault(key, []).append(len(keys))
            compact.setdefault(key.replace(" ", ""), []).append(len(keys))
            by_country.setdefault(qt.id.split("/")[0].upper(), {})[len(keys)] = key
            keys.append(key)
            owners.append((qt.id, name))
    return _Index(keys, owners, exact, compact, by_country)


def _index_for(registry: Registry) -> _Index:
    return registry.derive("search-index", _build_index)


def check_country(registry: Registry, country: str) -> str:
    """Upper-case ``country`` and make sure the registry knows it; raise UnknownCountry otherwise."""
    code = country.strip().upper()
    if code not in registry.types_by_jurisdiction:
        raise UnknownCountry(country, [c.lower() for c in registry.types_by_jurisdiction])
    return code


def _choices(index: _Index, code: str | None) -> dict[int, str]:
    """The names to rank: those of one country when a country is given (position -> name)."""
    if code:
        return index.by_country.get(code, {})
    return dict(enumerate(index.keys))


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
        for pos in index.compact.get(query.replace(" ", ""), []):
            offer(pos, 98.0)  # the same name spelt with other spacing or dots ("B.Sc. (Hons.)")
        for key, _score, pos in process.extract(
            query, _choices(index, code), scorer=fuzz.WRatio, limit=max(100, limit * 10), score_cutoff=50
        ):
            score = token_score(query, key)
            if score is not None:
                offer(pos, min(score, 98.0))
    hits = sorted(best.values(), key=lambda h: (-h.score, h.type_id))
    return hits[:limit]


def closest_types(registry: Registry, text: str, country: str | None = None, n: int = 5) -> list[SearchHit]:
    """The real types whose names come closest to ``text`` by spelling alone: suggestions for a name that
    matched nothing, never an answer."""
    code = check_country(registry, country) if country else None
    index = _index_for(registry)
    query = normalise(without_specialisation(text))
    wanted = _wanted(_words(query))
    ranked: dict[str, tuple[int, float, str]] = {}
    for key, score, pos in process.extract(query, _choices(index, code), scorer=fuzz.WRatio, limit=200):
        type_id, name = index.owners[pos]
        if code and type_id.split("/")[0].upper() != code:
            continue
        shared = sum(_word_score(w, _words(key)) >= WORD_MATCH for w in wanted)  # distinctive words in common
        if type_id not in ranked or ranked[type_id][:2] < (shared, score):
            ranked[type_id] = (shared, float(score), name)
    order = sorted(ranked.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    return [SearchHit(tid, round(score, 1), name) for tid, (_shared, score, name) in order[:n]]
