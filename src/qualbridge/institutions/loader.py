"""Load the institution registry: shipped data files plus the user's imports.

Shipped data lives in ``qualbridge/data/institutions``: one YAML file per country (or per list,
e.g. ``mills.yaml``), or, for long lists, a compact CSV (columns as in
:mod:`qualbridge.institutions.importers`) with a YAML sidecar ``<name>.sources.yaml`` holding the
sources and the defaults. ``qualbridge institutions import`` writes validated imports to the
user's data folder (``$QUALBRIDGE_DATA_DIR``, see :mod:`qualbridge.paths`), read after the
shipped data; an imported institution with a shipped id replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

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
    else:
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            reason = (
                exc.strerror
                if isinstance(exc, OSError)
                else "not UTF-8 text"
                if isinstance(exc, UnicodeDecodeError)
                else f"not valid YAML ({str(exc).splitlines()[0]})"
            )
            raise InvalidInstitutionFile(
                str(path), [RowProblem(0, "file", f"{reason}; fix or remove the file")]
            ) from None
    try:
        return InstitutionFile.model_validate(raw)
    except ValidationError as exc:
        problems = [RowProblem(0, ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        raise InvalidInstitutionFile(str(path), problems) from None


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


def load_institutions(data_dir: Path | None = None, include_user: bool = True) -> InstitutionRegistry:
    """Parse every shipped file (and the user's imports); raises on the first bad file."""
    reg = InstitutionRegistry()
    for path in data_files(data_dir or DATA_DIR):
        reg.add(path.name, load_file(path))
    if include_user:
        for path in data_files(user_dir()):
            reg.add(f"user:{path.name}", load_file(path))
    return reg


_CACHE: dict[str, InstitutionRegistry] = {}


def get_institutions() -> InstitutionRegistry:
    """The registry, loaded once per process."""
    if "default" not in _CACHE:
        _CACHE["default"] = load_institutions()
    return _CACHE["default"]


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
    text = yaml.dump(
        data.model_dump(mode="json", exclude_defaults=True),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
    )
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # atomic: an interrupted import never leaves half a file in place of the old one
    _CACHE.clear()
    return path
