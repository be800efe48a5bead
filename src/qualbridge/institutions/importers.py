"""Importers: a documented CSV and DEQAR's institution JSON, each validated row by row.

A bad row never passes silently and never stops the good rows from being read: every problem is
reported with its line number, field and what would be valid, and the caller decides whether to
keep the good rows (``qualbridge institutions import --skip-bad``) or refuse the file.

CSV columns (header row required; only ``country`` and ``name`` are required; lists are
separated by ``;``):

=======================  ===============================================================
``id``                   ``cc/slug``; generated from the romanised or English name if empty
``country``              ISO 3166-1 alpha-2 code (``JP``)
``name``                 official name in its original script (``東京大学``)
``lang``                 BCP 47 language of ``name`` (default ``ja`` for a JP name in kanji/kana, else ``en``)
``romanisation``         Latin-script form of ``name`` (stored as ``<lang>-Latn``)
``romanisation_generated`` ``true`` when the romanisation was made by rule, not by the source
``name_en``              English name
``acronyms``, ``aliases`` ``;``-separated
``former_names``         ``;``-separated, each ``name|valid_from|valid_to`` (dates optional)
``type``                 the country's own category (``national``, ``public``, ``private`` ...)
``recognition``          ``recognised`` | ``not-recognised`` | ``unknown`` (default)
``recognition_body``     who says so (English); ``recognition_date`` when
``is_mill``              ``true`` for a known degree / accreditation mill
``identifiers``          ``;``-separated ``scheme=value`` (``whed=IAU-000001;eter=DE0001``)
``website``              address of the institution's site
``source``               key into the file's sources (data files) or a URL (imports)
``verified``, ``note``   ``false`` when a fact could not be confirmed, and why
=======================  ===============================================================

DEQAR JSON: a list of institution records, a paged API answer ``{"results": [...]}``, or one
record. Read fields: ``deqar_id``, ``eter_id`` (or an identifier whose ``resource`` is ETER or
WHED), ``name_primary``, ``names_actual`` / ``names_former`` (each with ``name_official``,
``name_official_transliterated``, ``name_english``, ``acronym``, ``name_valid_to``,
``alternative_names[].name``), ``countries[].country`` (an object with ``iso_3166_alpha2`` or
the code itself), ``identifiers`` / ``identifiers_local`` / ``identifiers_national``,
``website_link``, ``founding_date``, ``closing_date``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pycountry
from pydantic import ValidationError

from qualbridge.errors import QualbridgeError
from qualbridge.institutions.models import FormerName, Institution, Recognition, RecognitionStatus
from qualbridge.institutions.normalise import has_cjk
from qualbridge.institutions.romanise import romanise_ja

CSV_COLUMNS = [
    "id", "country", "name", "lang", "romanisation", "romanisation_generated", "name_en",
    "acronyms", "aliases", "former_names", "type", "recognition", "recognition_body",
    "recognition_date", "is_mill", "identifiers", "website", "source", "verified", "note",
]  # fmt: skip
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


class RowProblem(NamedTuple):
    """One problem of an imported row: its line (0 for the file as a whole), the column, what is wrong."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}:" + (f" {self.field}:" if self.field else "") + f" {self.message}"


@dataclass
class ImportResult:
    institutions: list[Institution] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


class InvalidInstitutionFile(QualbridgeError):
    """An institution file with bad rows; ``problems`` lists every one with its line number."""

    code = "invalid-institution-file"

    def __init__(self, path: str, problems: list[RowProblem]) -> None:
        self.path = path
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"{path}: {len(problems)} bad row(s): {shown}{more}.")


def slug(text: str) -> str:
    """ASCII slug of a Latin-script name: ``Tōkyō Daigaku`` -> ``tokyo-daigaku``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _bool(value: str, name: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def check_country(code: str) -> str:
    cc = code.strip().upper()
    if len(cc) != 2 or pycountry.countries.get(alpha_2=cc) is None:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. JP, GB, US)")
    return cc


def _pydantic_problems(line: int, exc: ValidationError) -> list[RowProblem]:
    return [
        RowProblem(line, ".".join(str(p) for p in err["loc"]) or "row", err["msg"]) for err in exc.errors()
    ]


def row_to_institution(row: dict[str, str], line: int, defaults: dict[str, Any] | None = None) -> Institution:
    """One CSV row -> Institution; raises ValueError / ValidationError naming the bad field."""
    get = {k: (v or "").strip() for k, v in row.items() if k is not None}
    try:
        country = check_country(get.get("country", ""))
    except ValueError as exc:
        raise ValueError(f"country: {exc}") from None
    name = get.get("name", "")
    if not name:
        raise ValueError("name: the official name is required")
    lang = get.get("lang") or ("ja" if country == "JP" and has_cjk(name) else "en")
    names = {lang: name}
    romanisation = get.get("romanisation", "")
    generated = _bool(get.get("romanisation_generated", ""), "romanisation_generated")
    if not romanisation and lang == "ja" and has_cjk(name):
        romanisation, generated = romanise_ja(name), True
    if romanisation and romanisation != name:
        names[f"{lang.split('-')[0]}-Latn"] = romanisation
    if get.get("name_en"):
        names["en"] = get["name_en"]
    former = []
    for item in _list(get.get("former_names", "")):
        parts = [p.strip() or None for p in item.split("|")]
        former.append(
            FormerName(
                name=parts[0] or "",
                valid_from=parts[1] if len(parts) > 1 else None,
                valid_to=parts[2] if len(parts) > 2 else None,
            )
        )
    identifiers = {}
    for item in _list(get.get("identifiers", "")):
        scheme, sep, value = item.partition("=")
        if not sep or not scheme.strip() or not value.strip():
            raise ValueError(f"identifiers: {item!r} is not scheme=value (e.g. whed=IAU-000001)")
        identifiers[scheme.strip().lower()] = value.strip()
    status_text = get.get("recognition") or "unknown"
    try:
        status = RecognitionStatus(status_text)
    except ValueError:
        raise ValueError(
            f"recognition: {status_text!r} is not one of {', '.join(s.value for s in RecognitionStatus)}"
        ) from None
    is_mill = _bool(get.get("is_mill", ""), "is_mill")
    source = get.get("source") or (defaults or {}).get("source")
    recognition = Recognition(
        status=status,
        body={"en": get["recognition_body"]} if get.get("recognition_body") else {},
        decided_text=get.get("recognition_date") or None,
        source=(defaults or {}).get("recognition_source") or source,
    )
    inst_id = get.get("id") or f"{country.lower()}/{slug(romanisation or get.get('name_en') or name)}"
    if inst_id.endswith("/"):
        raise ValueError("id: give an id or a Latin-script name (romanisation or name_en) to make one")
    verified = _bool(get.get("verified") or "true", "verified")
    return Institution(
        id=inst_id, country=country, names=names, official_lang=lang,
        acronyms=_list(get.get("acronyms", "")), aliases=_list(get.get("aliases", "")),
        former_names=former, type=get.get("type") or None, recognition=recognition,
        is_mill=is_mill, identifiers=identifiers, website=get.get("website") or None,
        romanisation_generated=generated, source=source, verified=verified,
        note=get.get("note") or None,
    )  # fmt: skip


def read_csv(text: str, defaults: dict[str, Any] | None = None) -> ImportResult:
    """Parse CSV text; every bad row becomes a problem with its line number."""
    result = ImportResult()
    first = text.split("\n", 1)[0]
    # spreadsheets in much of Europe save "CSV" with semicolons; lists inside a cell then need quotes
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = reader.fieldnames or []
    missing = [c for c in ("country", "name") if c not in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if missing or unknown:
        if missing:
            result.problems.append(RowProblem(1, "header", f"missing column(s) {', '.join(missing)}"))
        if unknown:
            result.problems.append(
                RowProblem(
                    1, "header", f"unknown column(s) {', '.join(unknown)}; valid: {', '.join(CSV_COLUMNS)}"
                )
            )
        return result
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            result.problems.append(RowProblem(line, "row", f"more fields than the {len(header)} columns"))
            continue
        try:
            inst = row_to_institution(row, line, defaults)
        except ValidationError as exc:
            result.problems.extend(_pydantic_problems(line, exc))
            continue
        except ValueError as exc:
            field_name, _, msg = str(exc).partition(": ")
            result.problems.append(RowProblem(line, field_name if msg else "", msg or str(exc)))
            continue
        if inst.id in seen:
            result.problems.append(RowProblem(line, "id", f"{inst.id!r} repeats line {seen[inst.id]}"))
            continue
        seen[inst.id] = line
        result.institutions.append(inst)
    return result


def _iter_json_records(text: str) -> list[tuple[int, Any]]:
    """(line, record) for each element of the top-level list, or of ``results``, or one object."""
    decoder = json.JSONDecoder()
    data = json.loads(text)
    if isinstance(data, dict) and not isinstance(data.get("results"), list):
        return [(1, data)]
    match = re.search(r'"results"\s*:\s*\[', text) if isinstance(data, dict) else re.search(r"\[", text)
    if match is None:
        return []
    pos = match.end()
    out: list[tuple[int, Any]] = []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return out
        obj, end = decoder.raw_decode(text, pos)
        out.append((text.count("\n", 0, pos) + 1, obj))
        pos = end


def _country_code(entry: Any) -> str:
    country = entry.get("country") if isinstance(entry, dict) else entry
    if isinstance(country, dict):
        country = country.get("iso_3166_alpha2") or country.get("iso_3166_alpha3") or ""
    code = str(country or "")
    if len(code) == 3 and (found := pycountry.countries.get(alpha_3=code.upper())):
        code = found.alpha_2
    return check_country(code)


def deqar_to_institution(rec: dict[str, Any]) -> Institution:
    """One DEQAR institution record -> Institution."""
    if not isinstance(rec, dict):
        raise ValueError(f"record: expected an object, got {type(rec).__name__}")
    countries = rec.get("countries") or []
    if isinstance(countries, (str, dict)):
        countries = [countries]
    if not countries:
        raise ValueError("countries: at least one country is required")
    try:
        cc = _country_code(countries[0])
    except ValueError as exc:
        raise ValueError(f"countries: {exc}") from None
    actual = rec.get("names_actual") or []
    current = actual[0] if actual else {}
    official = current.get("name_official") or rec.get("name_primary")
    if not official:
        raise ValueError("names_actual: no name_official and no name_primary")
    names = {"xx": official}
    if current.get("name_official_transliterated"):
        names["xx-Latn"] = current["name_official_transliterated"]
    if current.get("name_english"):
        names["en"] = current["name_english"]
    lang = "en" if names.get("en") == official else "und"
    names = {(k.replace("xx", lang)): v for k, v in names.items()}
    acronyms = [n["acronym"] for n in actual if n.get("acronym")]
    aliases = [a["name"] for n in actual for a in n.get("alternative_names") or [] if a.get("name")]
    former = []
    for n in rec.get("names_former") or []:
        for text in (n.get("name_official"), n.get("name_english")):
            if text:
                former.append(FormerName(name=text, valid_to=n.get("name_valid_to")))
    identifiers: dict[str, str] = {}
    if rec.get("deqar_id") or rec.get("id"):
        raw_id = rec.get("id")
        number = f"{raw_id:04d}" if isinstance(raw_id, int) else str(raw_id or "").strip()
        identifiers["deqar"] = str(rec.get("deqar_id") or f"DEQARINST{number}")
    if rec.get("eter_id"):
        identifiers["eter"] = str(rec["eter_id"])
    for group in ("identifiers", "identifiers_local", "identifiers_national"):
        for ident in rec.get(group) or []:
            resource = str(ident.get("resource") or "").lower()
            if resource in {"eter", "whed"} and ident.get("identifier"):
                identifiers[resource] = str(ident["identifier"])
    latin = names.get("en") or names.get("und-Latn") or official
    inst_id = f"{cc.lower()}/{slug(latin) or 'deqar-' + str(rec.get('id', ''))}"
    note = None
    if rec.get("closing_date"):
        note = f"closed {rec['closing_date']} (DEQAR)"
    return Institution(
        id=inst_id, country=cc, names=names, official_lang=lang, acronyms=acronyms, aliases=aliases,
        former_names=former, identifiers=identifiers, website=rec.get("website_link") or None,
        recognition=Recognition(status=RecognitionStatus.UNKNOWN, note="listed in DEQAR; see its QA reports"),
        note=note,
    )  # fmt: skip


def read_deqar_json(text: str) -> ImportResult:
    result = ImportResult()
    try:
        records = _iter_json_records(text)
    except json.JSONDecodeError as exc:
        result.problems.append(RowProblem(exc.lineno, "json", exc.msg))
        return result
    seen: dict[str, int] = {}
    for line, rec in records:
        try:
            inst = deqar_to_institution(rec)
        except ValidationError as exc:
            result.problems.extend(_pydantic_problems(line, exc))
            continue
        except (ValueError, TypeError, AttributeError) as exc:
            field_name, _, msg = str(exc).partition(": ")
            result.problems.append(RowProblem(line, field_name if msg else "record", msg or str(exc)))
            continue
        if inst.id in seen:
            result.problems.append(
                RowProblem(line, "id", f"{inst.id!r} repeats the record at line {seen[inst.id]}")
            )
            continue
        seen[inst.id] = line
        result.institutions.append(inst)
    return result


FORMATS = ("csv", "deqar")


def read_file(path: Path, fmt: str | None = None) -> ImportResult:
    """Read ``path`` as ``csv`` or ``deqar`` (guessed from the extension when ``fmt`` is None)."""
    if fmt is not None and fmt.strip().lower() not in FORMATS:
        raise QualbridgeError(f"Unknown format {fmt!r}; valid: {', '.join(FORMATS)}.")
    fmt = (
        fmt.strip().lower()
        if fmt
        else ("deqar" if path.suffix.lower() == ".json" else "csv" if path.suffix.lower() == ".csv" else None)
    )
    if path.is_dir():
        raise QualbridgeError(f"{str(path)!r} is a folder: give a CSV or DEQAR JSON file.")
    if fmt not in FORMATS:
        raise QualbridgeError(
            f"Cannot tell the format of {path.name!r}: give --format csv or --format deqar."
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise QualbridgeError(f"Cannot read {str(path)!r}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise QualbridgeError(f"{str(path)!r} is not UTF-8 text.") from None
    return read_text(text, fmt)


def read_text(text: str, fmt: str) -> ImportResult:
    """The text of a ``csv`` or ``deqar`` file (the web app's uploads come as text, not as a path)."""
    if fmt not in FORMATS:
        raise QualbridgeError(f"Unknown format {fmt!r}; valid: {', '.join(FORMATS)}.")
    return read_csv(text) if fmt == "csv" else read_deqar_json(text)
