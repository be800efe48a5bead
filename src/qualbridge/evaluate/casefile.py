"""The case file: what an applicant brings and what they ask for, as a recognising body receives it.

A case file (YAML or JSON) names the applicant, the purpose of recognition (further study, employment,
professional practice) with what is requested, the recognising body's policy, and one or more
credentials: country, qualification (type id or the name on the diploma), institution, programme and
field (ISCED-F 2013), dates, duration, credits with their system, transcript and the documents present.
A refugee or displaced applicant may come with a background paper instead of documents (EAR manual
ch. 12). ``load_case`` turns every problem into :class:`~qualbridge.errors.CaseFieldError` whose
message starts with the field's path (``credentials[0].awarded: ...``), so the applicant knows which
line to fix; the JSON Schema in ``examples/cases/case.schema.json`` is generated from these models.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator, model_validator

from qualbridge.errors import CaseFieldError, InvalidCaseFile
from qualbridge.registry.base import Strict

LangText = dict[str, str]
IscedField = Annotated[str, Field(pattern=r"^[0-9]{2,4}$", description="ISCED-F 2013 code: 2, 3 or 4 digits")]


class Purpose(StrEnum):
    """What the applicant asks recognition for."""

    FURTHER_STUDY = "further-study"
    EMPLOYMENT = "employment"
    PROFESSIONAL_PRACTICE = "professional-practice"


class DocumentKind(StrEnum):
    """A kind of document an applicant brings (a background paper may stand in for missing ones)."""

    DIPLOMA = "diploma"
    TRANSCRIPT = "transcript"
    DIPLOMA_SUPPLEMENT = "diploma-supplement"
    PROGRAMME_DESCRIPTION = "programme-description"
    IDENTITY = "identity"
    TRANSLATION = "translation"
    BACKGROUND_PAPER = "background-paper"  # stands in for missing documents (EAR manual ch. 12)
    OTHER = "other"


class Document(Strict):
    kind: DocumentKind
    note: str | None = None
    certified: bool = False  # a certified copy, or verified with the awarding institution


class GivenCredits(Strict):
    amount: float = Field(gt=0)
    system: str = Field(description="credit-system id, e.g. jp-tani, gb-credit, ects")


class GradeEntry(Strict):
    course: str | None = None
    grade: str | float
    credits: float | None = Field(default=None, gt=0)


class Transcript(Strict):
    scale: str = Field(description="grading-scale id, e.g. jp-s-f, gb-class")
    grades: list[GradeEntry] = Field(default_factory=list)
    average: str | float | None = Field(default=None, description="overall grade as printed, if any")

    @model_validator(mode="after")
    def _something(self) -> Transcript:
        if not self.grades and self.average is None:
            raise ValueError("a transcript needs grades or an average")
        return self


class Programme(Strict):
    name: str | None = None
    field: IscedField | None = None


class Credential(Strict):
    country: str = Field(description="ISO 3166-1 alpha-2 code of the awarding country")
    qualification: str = Field(description="qualification-type id (jp/gakushi) or the name on the diploma")
    title: str | None = Field(default=None, description="the title as written on the diploma")
    institution: str | None = Field(default=None, description="institution id (jp/tokyo-daigaku) or name")
    programme: Programme | None = None
    started: dt.date | None = None
    awarded: dt.date | None = None
    awarded_year: int | None = Field(
        default=None, ge=1900, le=2100, description="the year of the award, when the exact date is not given"
    )
    completed: bool = Field(default=True, description="false for studies not completed (partial studies)")
    duration_years: float | None = Field(default=None, gt=0, le=12)
    credits: GivenCredits | None = None
    transcript: Transcript | None = None
    learning_outcomes: list[str] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    principal: bool = False  # the credential the application is for (default: the first)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.strip().upper()

    @model_validator(mode="after")
    def _dates(self) -> Credential:
        today = dt.date.today()
        for name in ("started", "awarded"):
            value = getattr(self, name)
            if value is not None and value > today:
                raise _FieldProblem(name, f"{value.isoformat()} is after today ({today.isoformat()})")
        if self.awarded_year is not None and self.awarded_year > today.year:
            raise _FieldProblem("awarded_year", f"{self.awarded_year} is after this year ({today.year})")
        if self.awarded and self.awarded_year is not None and self.awarded.year != self.awarded_year:
            raise _FieldProblem(
                "awarded_year", f"{self.awarded_year} is not the year of awarded ({self.awarded.isoformat()})"
            )
        if self.started and self.awarded and self.started > self.awarded:
            raise _FieldProblem(
                "awarded", f"{self.awarded.isoformat()} is before started ({self.started.isoformat()})"
            )
        return self

    def has(self, kind: DocumentKind) -> bool:
        return any(d.kind is kind for d in self.documents)


class Applicant(Strict):
    given_name: str | None = None
    family_name: str | None = None
    birth_date: dt.date | None = None
    refugee: bool = Field(default=False, description="refugee or displaced person (LRC Art. VII)")


class BackgroundPaper(Strict):
    """A reconstruction of the applicant's education from the evidence that exists (EAR ch. 12)."""

    prepared_by: str | None = None
    prepared_on: dt.date | None = None
    summary: str
    evidence: list[str] = Field(min_length=1, description="what the reconstruction rests on")


class PurposeSpec(Strict):
    kind: Purpose
    requested: str | None = Field(
        default=None, description="home qualification type the applicant asks to be compared with"
    )
    required_level: str | None = Field(
        default=None, description="home level the purpose requires, e.g. gb-fheq:6"
    )
    field: IscedField | None = Field(default=None, description="field of the study or post sought")
    description: str | None = None


class Case(Strict):
    reference: str = Field(min_length=1)
    received: dt.date | None = None
    policy: str = Field(description="recognition policy id, e.g. jp-nic, gb-enic")
    applicant: Applicant = Field(default_factory=Applicant)
    purpose: PurposeSpec
    credentials: list[Credential] = Field(min_length=1)
    background_paper: BackgroundPaper | None = None
    notes: str | None = None

    @property
    def principal_index(self) -> int:
        return next((i for i, c in enumerate(self.credentials) if c.principal), 0)


class _FieldProblem(ValueError):
    """Raised inside a validator to name the sub-field that is wrong."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def _shown(value: Any) -> str:
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "a list"
    return repr(value)


def parse_case(raw: Any, source: str = "case file") -> Case:
    """Validate parsed YAML/JSON as a :class:`Case`; the first problem becomes a CaseFieldError."""
    if not isinstance(raw, dict):
        raise InvalidCaseFile(
            f"{source}: a case file must be a mapping with reference, policy, purpose and credentials."
        )
    try:
        return Case.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, _FieldProblem):
            raise CaseFieldError(_path((*loc, cause.field)), cause.message) from None
        field = _path(loc) or "(top level)"
        if err["type"] == "missing":
            raise CaseFieldError(field, "is required but missing") from None
        if err["type"] == "extra_forbidden":
            raise CaseFieldError(field, "is not a case-file field (see examples/cases/README.md)") from None
        given = err.get("input")
        raise CaseFieldError(field, f"{err['msg']} (got {_shown(given)})") from None


def load_case(path: Path) -> Case:
    """Read a YAML or JSON case file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidCaseFile(f"Cannot read case file {str(path)!r}: {exc}.") from None
    try:
        if path.suffix.lower() == ".json":
            raw = json.loads(text)
        else:
            import yaml

            raw = yaml.safe_load(text)
    except (ValueError, ImportError) as exc:
        raise InvalidCaseFile(f"{path.name}: not valid YAML or JSON: {exc}") from None
    except Exception as exc:  # yaml.YAMLError
        raise InvalidCaseFile(f"{path.name}: not valid YAML: {exc}") from None
    return parse_case(raw, path.name)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a case file (written to ``examples/cases/case.schema.json``)."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:qualbridge:schema:case:1"
    schema["title"] = "qualbridge case file"
    return schema
