"""Calibrated confidence (issue 13): a published statement of a recognising body ranks above ISCED and makes
a confident answer; every answer carries one plain sentence and its certainty in words, in en and ja."""

from __future__ import annotations

from qualbridge.compare import compare
from qualbridge.compare.recognition import load_statements
from qualbridge.messages import text
from qualbridge.registry import get_registry


def _verified_statements() -> list[tuple[str, str, str]]:
    return [(s.type_id, s.level, f.framework) for f in load_statements() for s in f.statements if s.verified]


def test_statements_name_real_types_and_levels() -> None:
    registry = get_registry()
    for file in load_statements():
        for st in file.statements:
            assert st.type_id in registry.qualifications and st.level in registry.levels
            assert st.comparable_type is None or st.comparable_type in registry.qualifications


def test_a_verified_published_statement_ranks_above_isced_and_is_confident() -> None:
    found = _verified_statements()
    assert found, "no verified recognition statement in the data"
    for type_id, level, framework in found:
        c = compare(type_id, framework)
        assert c.outcome == "comparable" and c.target_levels == [level]
        best = [r for r in c.routes if r.best]
        assert best and all(r.tier == "direct" for r in best)
        assert best[0].steps[-1].evidence.kind == "recognition-statement"
        isced = [r for r in c.routes if r.tier == "isced"]
        assert all(r.confidence < best[0].confidence for r in isced)
        assert c.certainty is not None and c.certainty.code == "compare.certainty.confident-statement"


def test_an_isced_only_answer_is_called_weak_and_possible() -> None:
    c = compare("jp/tanki-daigakushi", "eu-eqf")
    assert c.outcome == "partially-comparable"
    assert c.certainty is not None and c.certainty.code == "compare.certainty.weak"
    assert c.summary is not None and c.summary.code.startswith("compare.summary.partial")


def test_the_plain_sentence_names_the_home_type_and_level_in_both_languages() -> None:
    (type_id, level, framework), *_ = _verified_statements()
    c = compare(type_id, framework)
    assert c.summary is not None
    registry = get_registry()
    notation = level.split(":", 1)[1]
    en, ja = c.summary.text("en"), c.summary.text("ja")
    abbreviation = registry.frameworks[framework].abbreviation
    assert en.startswith("Comparable to") and abbreviation in en and notation in en
    assert abbreviation in ja and notation in ja and ja != en


def test_an_individual_assessment_says_so_in_words() -> None:
    c = compare("nz-nzqcf:8", "eu-eqf")
    assert c.outcome == "individual-assessment"
    assert c.summary is not None and c.summary.code == "compare.summary.individual"
    assert c.certainty is not None and c.certainty.code == "compare.certainty.none"
    assert text(c.certainty.code, "ja", **c.certainty.params)
