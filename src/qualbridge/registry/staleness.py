"""How old the data's sources are: every source's ``consulted`` date, per file and source key.

A fact is only as current as the last time someone read its source. ``qualbridge data check --stale
DAYS`` lists the sources consulted more than DAYS ago with the number of facts citing each, so a
reviewer knows what to re-read; ``qualbridge data check`` itself fails once a source is past
:data:`YEARLY_LIMIT_DAYS` (the holidays project's practice: every country file reviewed once a year),
and on a ``consulted`` date in the future (a typo that would keep a source fresh for ever).

Every versioned data folder is read (frameworks, alignments, qualifications, grading, credit,
institutions, policies): any mapping named ``sources`` whose entries carry a ``consulted`` date counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qualbridge.registry.loader import DATA_DIR, Problem, read_yaml, versioned_files

#: a source not re-read for longer than this fails ``qualbridge data check``
YEARLY_LIMIT_DAYS = 365


@dataclass(frozen=True)
class SourceAge:
    """One source of one data file and how long ago it was consulted."""

    file: str
    key: str
    url: str
    consulted: dt.date
    age_days: int
    facts: int  # facts that name this source (``source: key``), the file's default counting once
    is_default: bool  # the file's default source: facts without their own ``source`` cite it

    def as_json(self) -> dict[str, Any]:
        return {**self.__dict__, "consulted": self.consulted.isoformat()}


def source_ages(data_dir: Path = DATA_DIR, today: dt.date | None = None) -> list[SourceAge]:
    """Every dated source of every versioned YAML file, oldest first."""
    today = today or dt.date.today()
    out: list[SourceAge] = []
    for path in versioned_files(data_dir):
        if path.suffix != ".yaml":
            continue
        try:
            raw = read_yaml(path)
        except ValueError:
            continue  # the schema check reports unreadable files
        rel = path.relative_to(data_dir).as_posix()
        out.extend(_ages_in(rel, raw, today))
    return sorted(out, key=lambda a: (a.consulted, a.file, a.key))


def _ages_in(rel: str, raw: Any, today: dt.date) -> Iterator[SourceAge]:
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), dict):
        return
    counts: dict[str, int] = {}
    for key in _source_refs(raw):
        counts[key] = counts.get(key, 0) + 1
    default = raw.get("source")
    for key, entry in raw["sources"].items():
        consulted = _as_date(entry.get("consulted") if isinstance(entry, dict) else None)
        if consulted is None:
            continue  # the schema check reports a missing or malformed date
        yield SourceAge(
            file=rel,
            key=str(key),
            url=str(entry.get("url", "")),
            consulted=consulted,
            age_days=(today - consulted).days,
            facts=counts.get(str(key), 0),
            is_default=key == default,
        )


def _source_refs(node: Any) -> Iterator[str]:
    """Every ``source: key`` reference anywhere in a parsed file (the sources table itself excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources":
                continue
            if key == "source" and isinstance(value, str):
                yield value
            else:
                yield from _source_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _source_refs(item)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def stale_sources(days: int, data_dir: Path = DATA_DIR, today: dt.date | None = None) -> list[SourceAge]:
    """The sources consulted more than ``days`` days ago."""
    return [a for a in source_ages(data_dir, today) if a.age_days > days]


def staleness_problems(data_dir: Path = DATA_DIR, today: dt.date | None = None) -> list[Problem]:
    """Problems for ``data check``: sources past the yearly limit, and consulted dates in the future."""
    problems = []
    for age in source_ages(data_dir, today):
        where = f"sources.{age.key}.consulted"
        if age.age_days > YEARLY_LIMIT_DAYS:
            problems.append(
                Problem(
                    age.file,
                    where,
                    f"consulted {age.consulted.isoformat()}, {age.age_days} days ago (limit "
                    f"{YEARLY_LIMIT_DAYS}): re-read {age.url} and update the facts citing it and this date",
                )
            )
        elif age.age_days < 0:
            problems.append(
                Problem(age.file, where, f"consulted {age.consulted.isoformat()} is in the future")
            )
    return problems
