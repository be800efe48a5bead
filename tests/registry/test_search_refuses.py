"""Name matching refuses to guess (issue 13): shared generic words are no match, a field of study does not
block one, and the bench corpus is real names with their sources."""

from __future__ import annotations

import csv
from pathlib import Path

from qualbridge.registry import get_registry
from qualbridge.registry.search import closest_types, search_qualifications, token_score

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "data" / "qualification_names.csv"


def test_generic_words_alone_are_no_match() -> None:
    assert token_score("master of philosophy", "general certificate of education") is None
    assert token_score("bachelor of magic", "bachelors degree") is None


def test_a_field_of_study_does_not_block_the_degree_it_qualifies() -> None:
    hits = search_qualifications(get_registry(), "Bachelor of Agriculture", country="us")
    assert hits and hits[0].type_id == "us/bachelor"


def test_an_unknown_name_gets_the_closest_real_types_not_an_answer() -> None:
    registry = get_registry()
    assert search_qualifications(registry, "Bachelor of Magic") == []
    near = closest_types(registry, "Bachelor of Magic")
    assert near and all(h.type_id in registry.qualifications for h in near)


def test_the_bench_corpus_has_300_real_names_each_with_its_source() -> None:
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert len({(r["name"], r["country"]) for r in rows}) >= 300
    assert all(r["source"].startswith("https://") and r["level"] for r in rows)
