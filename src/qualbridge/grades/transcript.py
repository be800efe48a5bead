"""Convert a transcript: a CSV of courses (name, credits, grade) in one scale and one credit system.

Streaming and flat in memory: rows are read with the csv module one at a time, each distinct grade
string is converted once (a bounded cache) with precomputed per-scale coefficients for the linear
and Bavarian methods, and only running sums are kept. A row that cannot be read is reported with its
line number and the rest still convert.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TextIO, TypedDict, Unpack

from qualbridge.errors import QualbridgeError
from qualbridge.grades.convert import convert, default_method, settle
from qualbridge.grades.methods import GradeTable
from qualbridge.grades.scales import Scale, get_scale

CACHE_LIMIT = 100_000  # distinct grade strings remembered; beyond it grades are computed each time
ERROR_LIMIT = 1_000  # row errors kept in full; the count goes on
#: a sanity bound on one course, not a fact: far above any course in any credit system (a full-time
#: year is at most 120 credits in the systems we hold), and it keeps the sums finite
MAX_COURSE_CREDITS = 10_000


class CourseResult(NamedTuple):
    line: int
    name: str
    credits: float
    grade: str
    value: float
    label: str | None
    passed: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "name": self.name,
            "credits": self.credits,
            "grade": self.grade,
            "value": self.value,
            "label": self.label,
            "passed": self.passed,
        }


class RowError(NamedTuple):
    line: int
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"line": self.line, "error": self.message}


Hit = tuple[float, float, str | None, bool, float]  # reported value, exact value, label, passed, source value


class GradeConverter:
    """One (source, target, method) pair compiled for many grades."""

    def __init__(
        self,
        src: Scale,
        tgt: Scale,
        method: str | None = None,
        from_table: GradeTable | None = None,
        to_table: GradeTable | None = None,
    ) -> None:
        self.src, self.tgt = src, tgt
        self.method = method or default_method(
            src, tgt, tables_given=from_table is not None or to_table is not None
        )
        self.tables = (from_table, to_table)
        self.cache: dict[str, Hit] = {}
        lo, hi = sorted((src.best, src.worst))
        self.lo, self.hi = lo, hi
        # y = a*x + b on each side of the pass, for linear and the Bavarian formula
        self.coef: tuple[float, float, float, float] | None = None
        if self.method == "linear":
            ap = (tgt.best - tgt.lowest_pass) / (src.best - src.lowest_pass)
            af = (tgt.lowest_pass - tgt.worst) / (src.lowest_pass - src.worst)
            self.coef = (ap, tgt.lowest_pass - ap * src.lowest_pass, af, tgt.worst - af * src.worst)
        elif self.method == "bavarian":
            convert(src.best, src, tgt, "bavarian")  # raises MethodNotApplicable for a wrong target
            ap = -3 / (src.best - src.lowest_pass)
            self.coef = (ap, 1 - ap * src.best, 0.0, tgt.worst)

    def __call__(self, grade: str) -> Hit:
        hit = self.cache.get(grade)
        if hit is None:
            hit = self._compute(grade)
            if len(self.cache) < CACHE_LIMIT:
                self.cache[grade] = hit
        return hit

    def _compute(self, grade: str) -> Hit:
        src, tgt = self.src, self.tgt
        if self.coef is not None and src.label(grade) is None:
            try:
                x = float(grade)
            except ValueError:
                x = math.nan
            if self.lo <= x <= self.hi:  # False for nan: falls through to the full path and its message
                passed = src.passes(x)
                ap, bp, af, bf = self.coef
                exact = ap * x + bp if passed else af * x + bf
                if self.method == "bavarian":
                    value = math.floor(round(exact, 9) * 10) / 10 if passed else exact
                else:
                    value = settle(tgt, exact, passed)
                return value, exact, tgt.label_for(value, passed), passed, x
        c = convert(grade, src, tgt, self.method, from_table=self.tables[0], to_table=self.tables[1])
        return c.value, c.exact, c.label, c.passed, c.source_value


@dataclass
class TranscriptSummary:
    from_scale: str
    to_scale: str
    method: str
    rows: int = 0
    converted: int = 0
    failed_courses: int = 0
    total_credits: float = 0.0
    earned_credits: float = 0.0
    average: float | None = None
    average_label: str | None = None
    source_average: float | None = None
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    credits: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.from_scale,
            "to": self.to_scale,
            "method": self.method,
            "rows": self.rows,
            "converted": self.converted,
            "failed_courses": self.failed_courses,
            "total_credits": self.total_credits,
            "earned_credits": self.earned_credits,
            "average": self.average,
            "average_label": self.average_label,
            "source_average": self.source_average,
            "error_count": self.error_count,
            "errors": [e.as_json() for e in self.errors],
            "credits": self.credits,
        }


def _columns(first: Sequence[str]) -> tuple[int, int, int] | None:
    """Column positions from a header row, or None when the row is data."""
    cells = [c.strip().casefold() for c in first]
    if "grade" not in cells or "credits" not in cells:
        return None
    name_col = next((cells.index(k) for k in ("name", "course", "title") if k in cells), 0)
    return name_col, cells.index("credits"), cells.index("grade")


class ConversionOptions(TypedDict, total=False):
    """How a transcript's grades convert, the same for every row (see :class:`GradeConverter`)."""

    method: str | None
    from_table: GradeTable | None  # grading table (shares of each grade) of the source scale
    to_table: GradeTable | None
    line_of: Callable[[], int] | None  # the csv reader's current line number, for row errors


def _converter(from_scale: str | Scale, to_scale: str | Scale, options: ConversionOptions) -> GradeConverter:
    src = from_scale if isinstance(from_scale, Scale) else get_scale(from_scale)
    tgt = to_scale if isinstance(to_scale, Scale) else get_scale(to_scale)
    return GradeConverter(src, tgt, options.get("method"), options.get("from_table"), options.get("to_table"))


def convert_rows(
    rows: Iterable[Sequence[str]],
    from_scale: str | Scale,
    to_scale: str | Scale,
    *,
    summary: TranscriptSummary | None = None,
    report_csv_errors: bool = False,
    **options: Unpack[ConversionOptions],
) -> Iterator[CourseResult | RowError]:
    """Convert rows (name, credits, grade; a header row is recognised) one at a time.

    Pass a :class:`TranscriptSummary` to have the averages filled in as the rows go by. With
    ``report_csv_errors`` a line the csv module refuses (a field over its size limit) is a
    :class:`RowError` and the rest still convert; without it, ``csv.Error`` reaches the caller.
    """
    conv = _converter(from_scale, to_scale, options)
    src, tgt, line_of = conv.src, conv.tgt, options.get("line_of")
    acc = summary if summary is not None else TranscriptSummary(src.id, tgt.id, conv.method)
    acc.from_scale, acc.to_scale, acc.method = src.id, tgt.id, conv.method
    yield from _run(_guarded(rows, line_of) if report_csv_errors else rows, conv, acc, line_of, emit=True)


def summarise(
    rows: Iterable[Sequence[str]],
    from_scale: str | Scale,
    to_scale: str | Scale,
    **options: Unpack[ConversionOptions],
) -> TranscriptSummary:
    """The averages and totals only (the fast path: no per-course objects)."""
    conv = _converter(from_scale, to_scale, options)
    acc = TranscriptSummary(conv.src.id, conv.tgt.id, conv.method)
    for _ in _run(rows, conv, acc, options.get("line_of"), emit=False):
        pass
    return acc


def sniff_delimiter(first_line: str) -> str:
    """The field separator of a CSV from its first line: ``,`` unless ``;`` or a tab is more common.

    Spreadsheets in much of Europe save "CSV" with semicolons (the comma is their decimal mark).

    >>> sniff_delimiter("name;credits;grade")
    ';'
    >>> sniff_delimiter("Math,2,S")
    ','
    """
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def read_csv(fh: TextIO) -> tuple[Iterator[list[str]], Callable[[], int]]:
    """A csv reader over ``fh`` (separated by ``,``, ``;`` or tabs) and the current line number."""
    first = fh.readline()
    reader = csv.reader(itertools.chain([first], fh) if first else fh, delimiter=sniff_delimiter(first))
    return reader, lambda: reader.line_num


_DECIMAL_COMMA = re.compile(r"\s*\d+,\d{1,2}\s*")


def decimal(text: str) -> str:
    """``"7,5"`` -> ``"7.5"`` (a decimal comma, one or two decimals); anything else unchanged.

    >>> decimal("7,5"), decimal("1,000"), decimal("S")
    ('7.5', '1,000', 'S')
    """
    return text.replace(",", ".") if _DECIMAL_COMMA.fullmatch(text) else text


def _undecodable(row: Sequence[str]) -> bool:
    """True when a cell holds bytes that were not UTF-8 (read with ``errors="surrogateescape"``)."""
    for cell in row:
        if not cell.isascii():
            try:
                cell.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def _guarded(
    rows: Iterable[Sequence[str]], line_of: Callable[[], int] | None
) -> Iterator[Sequence[str] | RowError]:
    """The rows, with a row the csv module refuses (a field over its 131,072-character limit, a NUL)
    turned into a :class:`RowError` for that line; the reader goes on with the next line."""
    iterator = iter(rows)
    count = 0
    while True:
        count += 1
        try:
            yield next(iterator)
        except StopIteration:
            return
        except csv.Error as exc:
            line = line_of() if line_of is not None else count
            if "field larger than field limit" in str(exc):
                message = (
                    f"a field is longer than {csv.field_size_limit():,} characters: no course name, credit "
                    "or grade is; is a quote left open, or is this not a transcript?"
                )
            else:
                message = f"not a CSV row ({exc})"
            yield RowError(line, message)


def _record(acc: TranscriptSummary, err: RowError) -> None:
    acc.error_count += 1
    if len(acc.errors) < ERROR_LIMIT:
        acc.errors.append(err)


def _run(
    rows: Iterable[Sequence[str] | RowError],
    conv: GradeConverter,
    acc: TranscriptSummary,
    line_of: Callable[[], int] | None,
    *,
    emit: bool,
) -> Iterator[CourseResult | RowError]:
    cols: tuple[int, int, int] = (0, 1, 2)
    first = True
    count = 0
    credits_sum = earned = weighted = src_weighted = 0.0
    failed = converted = 0
    for row in rows:
        count += 1
        line = line_of() if line_of is not None else count
        if isinstance(row, RowError):  # a line the csv module refused
            acc.rows += 1
            _record(acc, row)
            if emit:
                yield row
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if first:
            first = False
            header = _columns(row)
            if header is not None:
                cols = header
                continue
        acc.rows += 1
        try:
            name, raw_credits, grade = row[cols[0]], row[cols[1]], decimal(row[cols[2]].strip())
        except IndexError:
            err = RowError(line, f"expected 3 columns (name, credits, grade), found {len(row)}")
        else:
            try:
                if _undecodable(row):
                    raise UnicodeError
                cr = float(decimal(raw_credits))
                if not 0 <= cr <= MAX_COURSE_CREDITS:
                    raise ValueError
            except UnicodeError:
                err = RowError(line, "not UTF-8 text: save the file as CSV in UTF-8")
            except ValueError:
                err = RowError(
                    line, f"credits {raw_credits!r} is not a number from 0 to {MAX_COURSE_CREDITS:,}"
                )
            else:
                try:
                    value, exact, label, passed, x = conv(grade)
                except QualbridgeError as exc:
                    err = RowError(line, str(exc))
                else:
                    converted += 1
                    credits_sum += cr
                    weighted += exact * cr
                    if passed:
                        earned += cr
                    else:
                        failed += 1
                    src_weighted += x * cr
                    if emit:
                        yield CourseResult(line, name, cr, grade, value, label, passed)
                    continue
        _record(acc, err)
        if emit:
            yield err
    acc.converted, acc.failed_courses = converted, failed
    acc.total_credits, acc.earned_credits = credits_sum, earned
    if credits_sum > 0:
        exact_avg = weighted / credits_sum
        tgt = conv.tgt
        passed_avg = tgt.passes(exact_avg)
        if conv.method == "bavarian":
            acc.average = math.floor(round(exact_avg, 9) * 10) / 10 if passed_avg else exact_avg
        else:
            acc.average = settle(tgt, exact_avg, passed_avg)
        acc.average_label = tgt.label_for(acc.average, passed_avg)
        acc.source_average = round(src_weighted / credits_sum, 4)
