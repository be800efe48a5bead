"""Fuzzy matching of a free-text institution name against the registry.

Two stages keep it fast at tens of thousands of institutions: a character-trigram inverted index
(weighted by inverse document frequency, the commonest trigrams such as those of "university"
ignored) picks a few dozen candidate names, then rapidfuzz scores only those. Every name of an
institution (official, romanised, English, acronyms, aliases, former names) is indexed; an
institution scores its best name. When the top two institutions are within ``margin`` points the
result is ``ambiguous`` and ``best`` is ``None``: the caller sees both and chooses; nothing is
picked silently.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from qualbridge.institutions.models import Institution
from qualbridge.institutions.normalise import has_cjk, key
from qualbridge.institutions.romanise import romanise_ja

#: scores are 0-100; a top candidate below ACCEPT is never ``best``
ACCEPT = 80.0
#: candidates below FLOOR are not reported at all
FLOOR = 50.0
#: top two within MARGIN points -> ambiguous
MARGIN = 4.0
#: trigram candidates rescored per query
SHORTLIST = 30
#: a trigram in more than this share of names is too common to select candidates
MAX_DF_SHARE = 0.05


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str  # display name (English where known)
    official_name: str
    country: str
    score: float
    matched_name: str  # which of the institution's names matched
    recognition: str
    is_mill: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MatchResult:
    query: str
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous: bool = False
    best: Candidate | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "best": self.best.to_dict() if self.best else None,
            "ambiguous": self.ambiguous,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def _grams(text: str) -> set[str]:
    padded = f" {text} "
    if len(padded) < 3:
        return {padded}
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _TrigramIndex:
    """Inverted index from trigram to name rows, with idf weights."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.size = len(keys)
        postings: dict[str, list[int]] = defaultdict(list)
        for row, k in enumerate(keys):
            for g in _grams(k):
                postings[g].append(row)
        self.max_df = max(8, int(self.size * MAX_DF_SHARE))
        #: trigram -> (rows, the trigram's idf repeated per row, so a query only concatenates)
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for g, rows in postings.items():
            idf = math.log((1 + self.size) / (1 + len(rows))) + 1.0
            self.postings[g] = (np.asarray(rows, dtype=np.int32), np.full(len(rows), idf, dtype=np.float32))

    def shortlist(self, query_key: str, n: int) -> np.ndarray:
        known = [self.postings[g] for g in _grams(query_key) if g in self.postings]
        hits = [h for h in known if len(h[0]) <= self.max_df]
        if len(hits) < 2:  # only common trigrams ("tokyo" in a small list): use them all
            hits = known
        if not hits:
            return np.empty(0, dtype=np.int32)
        rows = np.concatenate([h[0] for h in hits])
        weights = np.concatenate([h[1] for h in hits])
        uniq, inverse = np.unique(rows, return_inverse=True)  # cost grows with the hits, not the index
        if len(uniq) <= n:
            return uniq
        acc = np.bincount(inverse, weights=weights)
        return uniq[np.argpartition(acc, -n)[-n:]]


#: token_set_ratio forgives dropped words; it is docked this much so that full names win
SUBSET_PENALTY = 6.0


def _scores(query_key: str, keys: list[str], compact: list[str]) -> np.ndarray:
    """Best of: ratio of the token-sorted keys with spaces removed (romanisations split words
    freely) and token_set_ratio less SUBSET_PENALTY (a word dropped from the name)."""
    a = process.cdist([query_key.replace(" ", "")], compact, scorer=fuzz.ratio)[0]
    b = process.cdist([query_key], keys, scorer=fuzz.token_set_ratio)[0] - SUBSET_PENALTY
    best: np.ndarray = np.maximum(a, b)
    return best


class Matcher:
    """Match names against a fixed list of institutions. Build once, query many times."""

    def __init__(self, institutions: Iterable[Institution]) -> None:
        self.institutions = list(institutions)
        self._rows: list[tuple[int, str, str]] = []  # (institution index, name, key)
        seen: set[tuple[int, str]] = set()
        for i, inst in enumerate(self.institutions):
            for name in inst.all_names():
                k = key(name)
                if k and (i, k) not in seen:
                    seen.add((i, k))
                    self._rows.append((i, name, k))
        self._compact = [k.replace(" ", "") for _, _, k in self._rows]
        self._indexes: dict[str | None, tuple[_TrigramIndex, list[int]]] = {}
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for row, (_, _, k) in enumerate(self._rows):
            self._by_key[k].append(row)
        self.countries = sorted({inst.country for inst in self.institutions})

    def _index(self, country: str | None) -> tuple[_TrigramIndex, list[int]]:
        if country not in self._indexes:
            rows = [
                r
                for r, (i, _, _) in enumerate(self._rows)
                if country is None or self.institutions[i].country == country
            ]
            self._indexes[country] = (_TrigramIndex([self._rows[r][2] for r in rows]), rows)
        return self._indexes[country]

    def _query_keys(self, name: str) -> list[str]:
        keys = [key(name)]
        if has_cjk(name):  # a Japanese query also matches romanised-only names
            latn = romanise_ja(name.strip())
            if latn:
                keys.append(key(latn))
        return [k for k in keys if k]

    def match(self, name: str, country: str | None = None, limit: int = 5) -> MatchResult:
        """Candidates for ``name`` best first; ``best`` only when clear (see module docstring)."""
        index, rows = self._index(country)
        best_by_inst: dict[int, tuple[float, str]] = {}
        for qk in self._query_keys(name):
            local = index.shortlist(qk, SHORTLIST)
            picked = [rows[j] for j in local.tolist()]
            picked.extend(
                r
                for r in self._by_key.get(qk, ())
                if r not in picked
                and (country is None or self.institutions[self._rows[r][0]].country == country)
            )
            if not picked:
                continue
            scores = _scores(qk, [self._rows[r][2] for r in picked], [self._compact[r] for r in picked])
            for row, s in zip(picked, scores.tolist(), strict=True):
                inst_i, row_name, _ = self._rows[row]
                if s > best_by_inst.get(inst_i, (-1.0, ""))[0]:
                    best_by_inst[inst_i] = (s, row_name)
        ranked = sorted(best_by_inst.items(), key=lambda kv: (-kv[1][0], self.institutions[kv[0]].id))
        candidates = [
            self._candidate(i, score, matched)
            for i, (score, matched) in ranked[: max(limit, 2)]
            if score >= FLOOR
        ]
        ambiguous = len(candidates) >= 2 and candidates[0].score - candidates[1].score < MARGIN
        best = candidates[0] if candidates and not ambiguous and candidates[0].score >= ACCEPT else None
        return MatchResult(query=name, candidates=candidates[:limit], ambiguous=ambiguous, best=best)

    def match_many(
        self, names: Iterable[str], country: str | None = None, limit: int = 5
    ) -> list[MatchResult]:
        """Match a batch; the index for ``country`` is built once and shared."""
        return [self.match(n, country=country, limit=limit) for n in names]

    def _candidate(self, i: int, score: float, matched: str) -> Candidate:
        inst = self.institutions[i]
        return Candidate(
            id=inst.id,
            name=inst.display_name,
            official_name=inst.official_name,
            country=inst.country,
            score=round(score, 1),
            matched_name=matched,
            recognition=inst.recognition.status.value,
            is_mill=inst.is_mill,
        )


def baseline_extract_one(name: str, choices: Sequence[str]) -> int | None:
    """Plain rapidfuzz, for the benchmark: the index of the best WRatio match over raw names."""
    found = process.extractOne(name, choices, scorer=fuzz.WRatio)
    return None if found is None else int(found[2])
