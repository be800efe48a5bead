"""How alike two levels' descriptors are: TF-IDF cosine blended with rapidfuzz's token-set ratio.

The default backend needs no model: a TF-IDF vector space fitted on the descriptors of the two
frameworks being compared (so words every level uses, "knowledge", "work or study", weigh little and
the words that grade a level, "basic", "specialised", "forefront", weigh much), cosine similarity
between the vectors, and rapidfuzz's ``token_set_ratio`` for shared wording that TF-IDF's bag of words
misses. The semantic backend (:mod:`.semantic`) gives the same interface with sentence embeddings.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from rapidfuzz import fuzz

#: words that carry no level information
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "can",
        "for",
        "from",
        "has",
        "have",
        "in",
        "including",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "them",
        "these",
        "this",
        "those",
        "to",
        "under",
        "which",
        "while",
        "with",
        "within",
        "without",
        "own",
        "other",
        "others",
        "be",
        "able",
        "must",
        "level",
        "levels",
    ]
)
TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without stop words, with a crude English stem (plural/-ing/-ed).

    >>> tokens("Managing complex technical or professional activities")
    ['manag', 'complex', 'technical', 'professional', 'activit']
    """
    out = []
    for word in TOKEN.findall(text.lower()):
        if word in STOP or len(word) < 2:
            continue
        out.append(_stem(word))
    return out


def _stem(word: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def features(text: str) -> list[str]:
    """Unigrams and bigrams of :func:`tokens` (bigrams keep "direct supervision" apart from "supervision")."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class Backend(Protocol):
    """A similarity: one matrix of scores in [0, 1] for rows of text against columns of text."""

    name: str

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> list[list[float]]: ...


class Lexical:
    """TF-IDF cosine (weight 0.7) plus rapidfuzz token-set ratio (weight 0.3)."""

    name = "lexical"
    TFIDF_WEIGHT = 0.7

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> list[list[float]]:
        docs = [features(t) for t in (*rows, *cols)]
        idf = inverse_document_frequency(docs)
        vectors = [_tfidf(doc, idf) for doc in docs]
        row_vecs, col_vecs = vectors[: len(rows)], vectors[len(rows) :]
        out = []
        for r_text, r_vec in zip(rows, row_vecs, strict=True):
            line = []
            for c_text, c_vec in zip(cols, col_vecs, strict=True):
                fuzzy = fuzz.token_set_ratio(r_text.lower(), c_text.lower()) / 100.0
                line.append(self.TFIDF_WEIGHT * cosine(r_vec, c_vec) + (1 - self.TFIDF_WEIGHT) * fuzzy)
            out.append(line)
        return out


def inverse_document_frequency(docs: Sequence[Sequence[str]]) -> dict[str, float]:
    """Smoothed idf, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1."""
    n = len(docs)
    df = Counter(term for doc in docs for term in set(doc))
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def _tfidf(doc: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(doc)
    vec = {term: (1 + math.log(c)) * idf[term] for term, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {term: v / norm for term, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length sparse vectors.

    >>> cosine({"x": 1.0}, {"x": 1.0}), cosine({"x": 1.0}, {"y": 1.0})
    (1.0, 0.0)
    """
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(term, 0.0) for term, v in a.items())


def backend(semantic: bool = False) -> Backend:
    """The similarity backend: lexical by default, sentence embeddings with ``semantic``."""
    if semantic:
        from qualbridge.referencing.semantic import Semantic

        return Semantic()
    return Lexical()
