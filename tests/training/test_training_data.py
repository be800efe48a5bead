"""The training cases as data: at least 30 across 15 countries, bilingual, sourced, and an engine
reference still the engine's answer on today's data (h18)."""

from __future__ import annotations

import copy

from qualbridge.registry.training import Basis, TrainingCaseFile
from qualbridge.training.catalogue import read_cases, training_cases
from qualbridge.training.check import _case_problems, training_problems


def test_enough_cases_and_countries() -> None:
    cases = training_cases()
    assert len(cases) >= 30
    assert len({c.country for c in cases}) >= 15


def test_every_case_file_passes_the_check() -> None:
    cases, problems = read_cases()
    assert cases and not problems
    assert training_problems() == []


def test_a_published_basis_names_the_published_source() -> None:
    published = [c for c in training_cases() if Basis.PUBLISHED in c.bases()]
    assert published
    for case in published:
        level = case.reference.elements["level"]
        assert level.basis is Basis.PUBLISHED and "mext-au" in level.sources


def test_worked_examples_cite_the_ear_manual() -> None:
    examples = [c for c in training_cases() if Basis.WORKED_EXAMPLE in c.bases()]
    assert len(examples) >= 5
    for case in examples:
        assert any("ear.enic-naric.net" in s.url for s in case.sources.values())


def test_a_changed_engine_answer_is_reported() -> None:
    case = next(c for c in training_cases() if c.reference.elements["level"].basis is Basis.ENGINE)
    data = copy.deepcopy(case.model_dump(mode="json"))
    level = data["reference"]["elements"]["level"]
    level["substantial"] = not level["substantial"]
    problems = _case_problems(TrainingCaseFile.model_validate(data))
    assert any(p.field == "reference.elements.level" for p in problems)


def test_an_invalid_case_file_is_reported_with_its_field() -> None:
    case = training_cases()[0]
    data = copy.deepcopy(case.model_dump(mode="json"))
    data["case_file"]["credentials"][0]["qualification"] = "xx/no-such-type"
    problems = _case_problems(TrainingCaseFile.model_validate(data))
    assert problems and problems[0].field in ("case_file", "facts")
