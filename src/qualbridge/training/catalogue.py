"""The training cases (``data/training/*.yaml``), read once and looked up by id.

Each file is one :class:`~qualbridge.registry.training.TrainingCaseFile`. A file that does not match
the schema is reported by ``qualbridge data check`` (:mod:`qualbridge.training.check`); here it is a
:class:`~qualbridge.registry.loader.DataError`, never a case silently left out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import ValidationError

from qualbridge.errors import UnknownId
from qualbridge.registry.loader import DATA_DIR, DataError, Problem, read_yaml
from qualbridge.registry.training import TrainingCaseFile

TRAINING_DIR = DATA_DIR / "training"


class UnknownTrainingCase(UnknownId):
    code = "unknown-training-case"
    kind = "training case"


def read_cases(directory: Path = TRAINING_DIR) -> tuple[list[TrainingCaseFile], list[Problem]]:
    """Every training case that parses, and a problem for each file that does not."""
    cases, problems = [], []
    for path in sorted(directory.glob("*.yaml")):
        rel = f"training/{path.name}"
        try:
            case = TrainingCaseFile.model_validate(read_yaml(path))
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"])
                problems.append(Problem(rel, field, err["msg"]))
            continue
        except ValueError as exc:
            problems.append(Problem(rel, "", str(exc)))
            continue
        if case.id != path.stem:
            problems.append(Problem(rel, "id", f"id {case.id!r} differs from the file name {path.stem!r}"))
        cases.append(case)
    return cases, problems


@cache
def training_cases() -> tuple[TrainingCaseFile, ...]:
    """All training cases, in id order (raises DataError when a file is invalid)."""
    cases, problems = read_cases()
    if problems:
        raise DataError(problems)
    return tuple(sorted(cases, key=lambda c: c.id))


def get_training_case(case_id: str) -> TrainingCaseFile:
    for case in training_cases():
        if case.id == case_id:
            return case
    raise UnknownTrainingCase(case_id, [c.id for c in training_cases()])


def expected_answers(case: TrainingCaseFile) -> tuple[dict[str, bool], str]:
    """The reference as :func:`qualbridge.training.scoring.score` reads it."""
    return (
        {name: element.substantial for name, element in case.reference.elements.items()},
        case.reference.decision.outcome,
    )
