"""Load the data files into a :class:`Registry` with one index per question the core asks.

YAML parsing of the whole data set is slower than the start-up budget allows, so the parsed registry
is pickled in the user's cache directory under a hash of every data file's bytes: any edit to any
file changes the hash and the next load re-parses. The hash is also the ``data_version`` that case
records keep so a decision can be replayed against the data it was made with: it covers every folder a
decision depends on (:data:`VERSIONED_FOLDERS`: frameworks, alignments, qualifications, grading scales,
credit systems, institution lists, recognition policies, published recognition statements, fields of
study), and only the files' paths and bytes, so the
same committed files give the same version on any machine and from any git revision
(:mod:`qualbridge.registry.versions` finds and compares versions).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from qualbridge.errors import UnknownFramework, UnknownLevel, UnknownQualification
from qualbridge.registry.models import (
    Alignment,
    Framework,
    Level,
    QualificationType,
    QualificationTypes,
)

T = TypeVar("T")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CACHE_FORMAT = 1

#: every data folder a decision depends on; all of them are hashed into ``data_version``
VERSIONED_FOLDERS = (
    "frameworks",
    "alignments",
    "qualifications",
    "grading",
    "credit",
    "institutions",
    "policies",
    "recognition",  # recognising bodies' published statements, which the engine ranks above ISCED
    "fields",  # ISCED-F fields of study, which decide what a name may match
    "microcredentials",  # the sample micro-credentials that evaluations and stacks cite
    "training",  # the training cases and their reference answers
)

#: data sub-folder -> model of one file in it
FILE_KINDS: dict[str, type[Any]] = {
    "frameworks": Framework,
    "alignments": Alignment,
    "qualifications": QualificationTypes,
}


class DataError(Exception):
    """The data files do not load; ``problems`` lists every one with file and field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


@dataclass
class Registry:
    """All curated data, with indexes. Build it with :func:`load_registry`."""

    data_version: str
    frameworks: dict[str, Framework] = field(default_factory=dict)
    alignments: dict[str, Alignment] = field(default_factory=dict)
    qualification_files: dict[str, QualificationTypes] = field(default_factory=dict)
    qualifications: dict[str, QualificationType] = field(default_factory=dict)
    #: level id ("jp-jeqf:6") -> (framework id, level)
    levels: dict[str, tuple[str, Level]] = field(default_factory=dict)
    #: level id -> its 1-based order within its framework
    level_order: dict[str, int] = field(default_factory=dict)
    #: level id -> qualification-type ids placed there
    types_by_level: dict[str, list[str]] = field(default_factory=dict)
    #: framework id -> alignment ids that start or end there
    alignments_by_framework: dict[str, list[str]] = field(default_factory=dict)
    #: ISO jurisdiction code (upper case, "JP", "GB-SCT") -> qualification-type ids
    types_by_jurisdiction: dict[str, list[str]] = field(default_factory=dict)
    #: id of any item -> the data file it came from (relative to the data folder)
    files: dict[str, str] = field(default_factory=dict)
    #: indexes other modules derive from the data (search index, level graph), built on first use
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derive(self, name: str, build: Callable[[Registry], T]) -> T:
        """Build a derived index once per registry and keep it (``build`` must be pure)."""
        if name not in self.derived:
            self.derived[name] = build(self)
        return cast(T, self.derived[name])

    # -- lookups that raise a typed error naming the closest valid ids -------------------------
    def framework(self, framework_id: str) -> Framework:
        try:
            return self.frameworks[framework_id.strip().lower()]
        except KeyError:
            raise UnknownFramework(framework_id, self.frameworks) from None

    def level(self, level_id: str) -> Level:
        try:
            return self.levels[level_id][1]
        except KeyError:
            raise UnknownLevel(level_id, self.levels) from None

    def qualification(self, type_id: str) -> QualificationType:
        try:
            return self.qualifications[type_id.strip().lower()]
        except KeyError:
            raise UnknownQualification(type_id, self.qualifications) from None

    def framework_of_level(self, level_id: str) -> Framework:
        self.level(level_id)
        return self.frameworks[self.levels[level_id][0]]

    def jurisdictions(self) -> list[str]:
        return sorted(
            {f.jurisdiction.upper() for f in self.frameworks.values()} | set(self.types_by_jurisdiction)
        )


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for kind in FILE_KINDS for p in (data_dir / kind).glob("*.yaml") if p.is_file())


def versioned_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Every file of the :data:`VERSIONED_FOLDERS` (any extension: institution lists are CSV too)."""
    found = []
    for folder in VERSIONED_FOLDERS:
        for path in (data_dir / folder).rglob("*"):
            parts = path.relative_to(data_dir).parts
            if path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(data_dir).as_posix())


def data_hash(files: list[Path], data_dir: Path = DATA_DIR) -> str:
    """A short hash of the files' paths (relative to ``data_dir``) and bytes, nothing else."""
    digest = hashlib.sha256(b"qualbridge data")
    for path in files:
        content = path.read_bytes()
        digest.update(f"\0{path.relative_to(data_dir).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:16]


def data_version(data_dir: Path = DATA_DIR) -> str:
    """The version a decision records: the hash of every versioned file under ``data_dir``."""
    return data_hash(versioned_files(data_dir), data_dir)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file (libyaml when available); a syntax error becomes a ValueError."""
    import yaml  # only needed when the compiled cache is missing or stale

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"not valid YAML: {exc}") from None


def parse_files(data_dir: Path = DATA_DIR) -> tuple[Registry, list[Problem]]:
    """Parse and index every data file; schema problems are collected, not raised."""
    files = data_files(data_dir)
    registry = Registry(data_version=data_version(data_dir))
    problems: list[Problem] = []
    for path in files:
        rel = str(path.relative_to(data_dir))
        model = FILE_KINDS[path.parent.name]
        try:
            raw = read_yaml(path)
        except ValueError as exc:
            problems.append(Problem(rel, "", str(exc)))
            continue
        from pydantic import ValidationError  # only when parsing (see registry.validation)

        from qualbridge.registry.validation import validate

        try:
            item = validate(model, raw)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(str(p) for p in err["loc"])
                problems.append(Problem(rel, loc, err["msg"]))
            continue
        _index(registry, item, rel, problems)
    return _finish(registry), problems


def _claim(registry: Registry, item_id: str, rel: str, problems: list[Problem], what: str) -> bool:
    if item_id in registry.files:
        problems.append(
            Problem(rel, "id", f"duplicate {what} id {item_id!r} (also in {registry.files[item_id]})")
        )
        return False
    registry.files[item_id] = rel
    return True


def _index(registry: Registry, item: object, rel: str, problems: list[Problem]) -> None:
    if isinstance(item, Framework):
        if not _claim(registry, item.id, rel, problems, "framework"):
            return
        registry.frameworks[item.id] = item
        for order, level in enumerate(item.levels, start=1):
            level_id = f"{item.id}:{level.notation}"
            registry.levels[level_id] = (item.id, level)
            registry.level_order[level_id] = order
    elif isinstance(item, Alignment):
        if not _claim(registry, f"alignment {item.id}", rel, problems, "alignment"):
            return
        registry.alignments[item.id] = item
        for fw in (item.source_framework, item.target_framework):
            registry.alignments_by_framework.setdefault(fw, []).append(item.id)
    elif isinstance(item, QualificationTypes):
        code = item.jurisdiction.upper()
        if not _claim(registry, f"qualifications {code}", rel, problems, "jurisdiction"):
            return
        registry.qualification_files[code] = item
        for qt in item.types:
            if not _claim(registry, qt.id, rel, problems, "qualification type"):
                continue
            registry.qualifications[qt.id] = qt
            registry.types_by_jurisdiction.setdefault(item.jurisdiction.upper(), []).append(qt.id)


def _finish(registry: Registry) -> Registry:
    by_level: dict[str, list[str]] = defaultdict(list)
    for qt in registry.qualifications.values():
        for placement in qt.placements:
            by_level[placement.level].append(qt.id)
    registry.types_by_level = dict(by_level)
    return registry


def _cache_path(version: str) -> Path:
    from platformdirs import user_cache_dir

    base = Path(os.environ.get("QUALBRIDGE_CACHE_DIR") or user_cache_dir("qualbridge"))
    # the pickled records follow the model's code: a changed model must never load an old pickle
    model = hashlib.sha256(Path(__file__).with_name("models.py").read_bytes()).hexdigest()[:8]
    return base / f"registry-{version}-{model}-{CACHE_FORMAT}.pickle"


def load_registry(data_dir: Path = DATA_DIR, *, use_cache: bool = True) -> Registry:
    """Load the registry, from the compiled cache when the data have not changed.

    Raises :class:`DataError` when a file does not match the schema; ``qualbridge data check``
    reports the same problems together with the cross-file rules.
    """
    version = data_version(data_dir)
    cache_file = _cache_path(version)
    if use_cache and cache_file.exists():
        try:
            with cache_file.open("rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, Registry):
                return cached
        except Exception:  # a stale or truncated cache is simply rebuilt
            pass
    registry, problems = parse_files(data_dir)
    if problems:
        raise DataError(problems)
    if use_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(registry, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
        except OSError:
            pass  # a read-only cache directory only costs speed
    return registry


@cache
def get_registry() -> Registry:
    """The process-wide registry (loaded once)."""
    return load_registry()
