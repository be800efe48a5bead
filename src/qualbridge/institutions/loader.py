"""Load the institution registry: shipped data files plus the user's imports.

Shipped data lives in ``qualbridge/data/institutions``: one YAML file per country (or per list,
e.g. ``mills.yaml``), or, for long lists, a compact CSV (columns as in
:mod:`qualbridge.institutions.importers`) with a YAML sidecar ``<name>.sources.yaml`` holding the
sources and the defaults. ``qualbridge institutions import`` writes validated imports to the
user's data folder (``$QUALBRIDGE_DATA_DIR``, see :mod:`qualbridge.paths`), read after the
shipped data; an imported institution with a shipped id replaces it.

Where the imports are kept is an :class:`ImportStore`: the user's folder by default. The web app,
which may run on several servers, keeps them in its shared storage and passes its store to
:func:`get_institutions`; every server then sees an import as soon as the store's ``version`` changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Protocol

import pycountry
import yaml
from pydantic import ValidationError

from qualbridge.errors import UnknownCountry, UnknownId
from qualbridge.institutions.importers import InvalidInstitutionFile, RowProblem, read_csv
from qualbridge.institutions.matcher import Matcher, MatchResult
from qualbridge.institutions.models import Institution, InstitutionFile
from qualbridge.paths import data_dir

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "institutions"
#: libyaml where PyYAML was built with it: an import of tens of thousands of institutions loads in
#: seconds instead of a minute (the pure-Python parser is the bottleneck)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class UnknownInstitution(UnknownId):
    code = "unknown-institution"
    kind = "institution"


def user_dir() -> Path:
    """Where imports are kept."""
    return data_dir() / "institutions"


def load_file(path: Path) -> InstitutionFile:
    """One YAML file, or one CSV with its sidecar; raises InvalidInstitutionFile on any bad row."""
    if path.suffix == ".csv":
        sidecar = path.with_suffix(".sources.yaml")
        if not sidecar.exists():
            raise InvalidInstitutionFile(str(path), [RowProblem(0, "sources", f"no sidecar {sidecar.name}")])
        meta = yaml.load(sidecar.read_text(encoding="utf-8"), Loader=_Loader) or {}
        defaults = {"source": meta.get("source"), "recognition_source": meta.get("recognition_source")}
        result = read_csv(path.read_text(encoding="utf-8"), defaults)
        if result.problems:
            raise InvalidInstitutionFile(str(path), result.problems)
        meta.pop("recognition_source", None)
        raw = {**meta, "institutions": [i.model_dump(exclude_defaults=True) for i in result.institutions]}
        return _validated(raw, str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InvalidInstitutionFile(
            str(path), [RowProblem(0, "file", f"{reason}; fix or remove the file")]
        ) from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, where: str) -> InstitutionFile:
    """An institution file's YAML text (``where`` names it in errors)."""
    try:
        raw = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        reason = f"not valid YAML ({str(exc).splitlines()[0]})"
        raise InvalidInstitutionFile(
            where, [RowProblem(0, "file", f"{reason}; fix or remove the file")]
        ) from None
    return _validated(raw, where)


def _validated(raw: Any, where: str) -> InstitutionFile:
    try:
        return InstitutionFile.model_validate(raw)
    except ValidationError as exc:
        problems = [RowProblem(0, ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        raise InvalidInstitutionFile(where, problems) from None


def dump_yaml(data: InstitutionFile) -> str:
    """The YAML text an import is kept as (read back by :func:`parse_yaml`)."""
    return str(
        yaml.dump(
            data.model_dump(mode="json", exclude_defaults=True),
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
        )
    )


def data_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.suffix == ".csv" or (p.suffix == ".yaml" and not p.name.endswith(".sources.yaml"))
    )  # fmt: skip


@dataclass
class InstitutionRegistry:
    files: dict[str, InstitutionFile] = field(default_factory=dict)
    by_id: dict[str, Institution] = field(default_factory=dict)
    #: institution id -> file name it came from (to resolve its ``source`` key)
    file_of: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, data: InstitutionFile) -> None:
        self.files[name] = data
        for inst in data.institutions:
            self.by_id[inst.id] = inst
            self.file_of[inst.id] = name

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.by_id.values())

    def get(self, inst_id: str) -> Institution:
        try:
            return self.by_id[inst_id]
        except KeyError:
            raise UnknownInstitution(inst_id, self.by_id) from None

    def by_country(self, country: str) -> list[Institution]:
        return [i for i in self.by_id.values() if i.country == country]

    def check_country(self, country: str | None) -> str | None:
        """Upper-case ISO code, or UnknownCountry naming the codes that have data."""
        if country is None:
            return None
        cc = country.strip().upper()
        if len(cc) != 2 or pycountry.countries.get(alpha_2=cc) is None:
            raise UnknownCountry(country, self.matcher.countries)
        return cc

    def match(self, name: str, country: str | None = None, limit: int = 5) -> MatchResult:
        return self.matcher.match(name, country=self.check_country(country), limit=limit)

    def match_many(self, names: list[str], country: str | None = None, limit: int = 5) -> list[MatchResult]:
        return self.matcher.match_many(names, country=self.check_country(country), limit=limit)


class ImportStore(Protocol):
    """Where imported institution lists are kept."""

    def version(self) -> str:
        """Changes whenever an import is added, replaced or removed (cheap: asked on every look-up)."""

    def files(self) -> Iterable[tuple[str, InstitutionFile]]:
        """Every import, as (name, parsed file), in the order they apply."""


class FolderStore:
    """The user's data folder (``qualbridge institutions import`` writes there)."""

    def version(self) -> str:
        return "|".join(f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in data_files(user_dir()))

    def files(self) -> Iterable[tuple[str, InstitutionFile]]:
        return [(f"user:{path.name}", load_file(path)) for path in data_files(user_dir())]


_FOLDER = FolderStore()


@cache
def _shipped(folder: Path) -> tuple[tuple[str, InstitutionFile], ...]:
    return tuple((path.name, load_file(path)) for path in data_files(folder))


def load_institutions(
    data_dir: Path | None = None, include_user: bool = True, store: ImportStore | None = None
) -> InstitutionRegistry:
    """Every shipped file (parsed once per process) and the imports; raises on the first bad file."""
    reg = InstitutionRegistry()
    for name, data in _shipped(data_dir or DATA_DIR):
        reg.add(name, data)
    if include_user:
        for name, data in (store or _FOLDER).files():
            reg.add(name, data)
    return reg


#: per kind of store, the registry as of one version of its imports (an older version is never asked again)
_CACHE: dict[str, tuple[str, InstitutionRegistry]] = {}


def get_institutions(store: ImportStore | None = None) -> InstitutionRegistry:
    """The shipped institutions with the imports of ``store`` (the user's folder when none is given),
    loaded again only when the imports have changed."""
    store = store or _FOLDER
    kind, version = type(store).__qualname__, store.version()
    cached = _CACHE.get(kind)
    if cached is None or cached[0] != version:
        cached = _CACHE[kind] = (version, load_institutions(store=store))
    return cached[1]


def match(name: str, country: str | None = None, limit: int = 5) -> MatchResult:
    """Match ``name`` against the shipped and imported institutions (see :class:`Matcher`)."""
    return get_institutions().match(name, country=country, limit=limit)


def match_many(names: list[str], country: str | None = None, limit: int = 5) -> list[MatchResult]:
    return get_institutions().match_many(names, country=country, limit=limit)


def save_import(name: str, data: InstitutionFile) -> Path:
    """Write a validated import to the user's folder; later loads include it."""
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    text = dump_yaml(data)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # atomic: an interrupted import never leaves half a file in place of the old one
    _CACHE.clear()
    return path
