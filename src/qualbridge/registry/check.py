"""``qualbridge data check``: every rule the data must satisfy, all problems reported at once.

The loader already rejects what the schema forbids; these are the rules that span fields and files:
references resolve, levels are ordered, every referencing decision covers each source level and is
monotone, every fact has a source, no two types of one jurisdiction share a name, and no source is
past its yearly review (:mod:`qualbridge.registry.staleness`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from qualbridge.registry.credits import CreditSystem
from qualbridge.registry.eligibility import ELIGIBILITY_POLICY_FILES, EligibilityPolicy
from qualbridge.registry.fields import FieldClassification
from qualbridge.registry.grading import GradingFile
from qualbridge.registry.loader import DATA_DIR, Problem, Registry, parse_files, read_yaml
from qualbridge.registry.models import (
    ID_PATTERNS,
    Alignment,
    Framework,
    MatchType,
    QualificationTypes,
    Source,
)
from qualbridge.registry.recognition import RecognitionFile
from qualbridge.registry.search import normalise
from qualbridge.registry.staleness import staleness_problems
from qualbridge.registry.training import TrainingCaseFile


def check(data_dir: Path = DATA_DIR, today: dt.date | None = None) -> tuple[Registry, list[Problem]]:
    """Parse everything under ``data_dir`` and return the registry with every problem found
    (``today`` dates the staleness rule; the real date by default)."""
    registry, problems = parse_files(data_dir)
    credit_systems = set(_validate_folder(data_dir, "credit", CreditSystem, problems))
    _validate_folder(data_dir, "grading", GradingFile, problems)
    _validate_folder(data_dir, "policies", EligibilityPolicy, problems, ELIGIBILITY_POLICY_FILES)  # h13
    _validate_folder(data_dir, "recognition", RecognitionFile, problems)  # h13: published statements
    _validate_folder(data_dir, "fields", FieldClassification, problems)  # h13: ISCED-F for name matching
    for rule in (_framework_rules, _alignment_rules, _qualification_rules):
        problems.extend(rule(registry))
    problems.extend(_credit_references(registry, credit_systems))
    problems.extend(staleness_problems(data_dir, today))
    return registry, problems


#: data folders read by their own modules (grades, credits), validated here all the same
OTHER_KINDS: dict[str, type[BaseModel]] = {
    "grading": GradingFile,
    "credit": CreditSystem,
    "eligibility-policy": EligibilityPolicy,
    "recognition": RecognitionFile,
    "fields": FieldClassification,
    "training": TrainingCaseFile,  # h18: worked cases for evaluators (rules in qualbridge.training.check)
}


def _validate_folder(
    data_dir: Path,
    folder: str,
    model: type[BaseModel],
    problems: list[Problem],
    only: tuple[str, ...] = (),
) -> list[str]:
    """Validate every file of one folder (or only the files named) against its model; return the file
    stems that pass."""
    valid = []
    for path in sorted((data_dir / folder).glob("*.yaml")):
        if only and path.name not in only:
            continue
        rel = str(path.relative_to(data_dir))
        try:
            model.model_validate(read_yaml(path))
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(Problem(rel, ".".join(str(p) for p in err["loc"]), err["msg"]))
            continue
        except ValueError as exc:
            problems.append(Problem(rel, "", str(exc)))
            continue
        valid.append(path.stem)
    return valid


def _credit_references(registry: Registry, credit_systems: set[str]) -> Iterator[Problem]:
    if not credit_systems:  # a data folder without credit systems (test fixtures) has nothing to check
        return
    for code, qfile in registry.qualification_files.items():
        for i, qt in enumerate(qfile.types):
            if qt.credits and qt.credits.system not in credit_systems:
                yield Problem(
                    registry.files[f"qualifications {code}"],
                    f"types[{i}].credits.system",
                    f"unknown credit system {qt.credits.system!r}; defined: {', '.join(sorted(credit_systems))}",
                )


def _source_problems(
    rel: str, where: str, key: str | None, default: str | None, sources: dict[str, Source]
) -> Iterator[Problem]:
    effective = key or default
    if effective is None:
        yield Problem(rel, where, "no source: set `source:` here or a file-level default")
    elif effective not in sources:
        yield Problem(rel, f"{where}.source", f"unknown source {effective!r}; defined: {sorted(sources)}")


def _bad_format(kind: str, value: str) -> str | None:
    """A message when ``value`` is not a well-formed identifier of ``kind`` (see ID_PATTERNS)."""
    if re.fullmatch(ID_PATTERNS[kind], value):
        return None
    return f"{value!r} is not a valid {kind} id (expected {ID_PATTERNS[kind]})"


def _framework_rules(registry: Registry) -> Iterator[Problem]:
    for fw in registry.frameworks.values():
        rel = registry.files[fw.id]
        if message := _bad_format("framework", fw.id):
            yield Problem(rel, "id", message)
        if not fw.levels:
            yield Problem(rel, "levels", "a framework needs at least one level")
        yield from _source_problems(rel, "source", fw.source, None, fw.sources)
        if not rel.endswith(f"/{fw.id}.yaml"):
            yield Problem(rel, "id", f"file name should be {fw.id}.yaml")
        if fw.parent and fw.parent not in registry.frameworks:
            yield Problem(rel, "parent", f"unknown framework {fw.parent!r}")
        domains = {d.id for d in fw.domains}
        seen: set[str] = set()
        previous: float | None = None
        for i, level in enumerate(fw.levels):
            where = f"levels[{i}]"
            if level.notation in seen:
                yield Problem(rel, f"{where}.notation", f"duplicate level {level.notation!r}")
            seen.add(level.notation)
            number = _as_number(level.notation)
            if number is not None and previous is not None and number <= previous:
                yield Problem(rel, f"{where}.notation", f"level {level.notation!r} is out of order")
            previous = number if number is not None else previous
            if level.source:
                yield from _source_problems(rel, where, level.source, fw.source, fw.sources)
            for domain in level.descriptors:
                if domain not in domains:
                    yield Problem(
                        rel, f"{where}.descriptors.{domain}", f"unknown domain; declared: {sorted(domains)}"
                    )


def _as_number(notation: str) -> float | None:
    try:
        return float(notation)
    except ValueError:
        return None


def _alignment_rules(registry: Registry) -> Iterator[Problem]:
    for al in registry.alignments.values():
        rel = registry.files[f"alignment {al.id}"]
        yield from _source_problems(rel, "source", al.source, None, al.sources)
        expected_id = f"{al.source_framework}__{al.target_framework}"
        if not rel.endswith(f"/{al.id}.yaml") or not al.id.startswith(expected_id):
            yield Problem(rel, "id", f"id and file name should start with {expected_id}")
        missing = [f for f in (al.source_framework, al.target_framework) if f not in registry.frameworks]
        for fw_id in missing:
            yield Problem(
                rel,
                "source_framework" if fw_id == al.source_framework else "target_framework",
                f"unknown framework {fw_id!r}",
            )
        if missing:
            continue
        yield from _mapping_rules(registry, al, rel)


def _mapping_rules(registry: Registry, al: Alignment, rel: str) -> Iterator[Problem]:
    src, tgt = registry.frameworks[al.source_framework], registry.frameworks[al.target_framework]
    src_levels = {lv.notation for lv in src.levels}
    tgt_levels = {lv.notation for lv in tgt.levels}
    covered: dict[str, int] = {}
    rows: list[tuple[int, int, int]] = []  # (source order, min target order, max target order)
    for i, row in enumerate(al.mappings):
        where = f"mappings[{i}]"
        if row.source:
            yield from _source_problems(rel, where, row.source, al.source, al.sources)
        if row.from_level not in src_levels:
            yield Problem(
                rel, f"{where}.from", f"{src.id} has no level {row.from_level!r}; levels: {_list(src)}"
            )
            continue
        if row.from_level in covered:
            yield Problem(
                rel,
                f"{where}.from",
                f"level {row.from_level!r} mapped twice (also mappings[{covered[row.from_level]}])",
            )
        covered[row.from_level] = i
        if row.match is MatchType.NO_MATCH and row.to:
            yield Problem(rel, f"{where}.to", "a noMatch row lists no target levels")
        if row.match is not MatchType.NO_MATCH and not row.to:
            yield Problem(rel, f"{where}.to", f"a {row.match} row needs at least one target level")
        bad = [t for t in row.to if t not in tgt_levels]
        for t in bad:
            yield Problem(rel, f"{where}.to", f"{tgt.id} has no level {t!r}; levels: {_list(tgt)}")
        if row.to and not bad:
            orders = [registry.level_order[f"{tgt.id}:{t}"] for t in row.to]
            rows.append((registry.level_order[f"{src.id}:{row.from_level}"], min(orders), max(orders)))
    for notation in (lv.notation for lv in src.levels):
        if notation not in covered:
            yield Problem(
                rel, "mappings", f"level {notation!r} of {src.id} is not covered (give a target or noMatch)"
            )
    rows.sort()
    for (o1, lo1, hi1), (o2, lo2, hi2) in itertools.pairwise(rows):
        if lo2 < lo1 or hi2 < hi1:
            yield Problem(
                rel, "mappings", f"not monotone: level #{o2} of {src.id} maps lower than level #{o1}"
            )


def _list(fw: Framework) -> str:
    return ", ".join(lv.notation for lv in fw.levels)


def _qualification_rules(registry: Registry) -> Iterator[Problem]:
    for code, qfile in registry.qualification_files.items():
        rel = registry.files[f"qualifications {code}"]
        yield from _qualification_file_rules(registry, qfile, rel)


def _qualification_file_rules(registry: Registry, qfile: QualificationTypes, rel: str) -> Iterator[Problem]:
    prefix = qfile.jurisdiction.lower()
    names: dict[str, str] = {}
    for i, qt in enumerate(qfile.types):
        where = f"types[{i}]"
        yield from _source_problems(rel, where, qt.source, qfile.source, qfile.sources)
        if message := _bad_format("qualification", qt.id):
            yield Problem(rel, f"{where}.id", message)
        if qt.id.split("/")[0] != prefix:
            yield Problem(rel, f"{where}.id", f"{qt.id!r} should start with {prefix}/")
        for j, placement in enumerate(qt.placements):
            if placement.level not in registry.levels:
                yield Problem(rel, f"{where}.placements[{j}].level", f"unknown level {placement.level!r}")
            if placement.source:
                yield from _source_problems(
                    rel, f"{where}.placements[{j}]", placement.source, None, qfile.sources
                )
            for kind, value in (("level", placement.level), ("isced_code", placement.isced_code)):
                if value is not None and (message := _bad_format(kind, value)):
                    yield Problem(rel, f"{where}.placements[{j}].{kind}", message)
            if placement.isced_code and not placement.level.startswith("isced-2011:"):
                yield Problem(
                    rel, f"{where}.placements[{j}].isced_code", "an ISCED code belongs on an isced-2011 level"
                )
            if placement.isced_code and placement.level.startswith("isced-2011:"):
                level = registry.levels.get(placement.level)
                if (
                    level
                    and level[1].programme_codes
                    and placement.isced_code not in level[1].programme_codes
                ):
                    yield Problem(
                        rel,
                        f"{where}.placements[{j}].isced_code",
                        f"{placement.isced_code} is not an ISCED programme code of {placement.level}",
                    )
        for target in qt.access_to:
            if target not in registry.qualifications and target not in registry.levels:
                yield Problem(rel, f"{where}.access_to", f"unknown qualification type or level {target!r}")
        for name in dict.fromkeys([*qt.names.values(), *qt.abbreviations, *qt.aliases]):
            key = normalise(name)
            if key in names and names[key] != qt.id:
                yield Problem(rel, f"{where}.aliases", f"name {name!r} collides with {names[key]}")
            names.setdefault(key, qt.id)
