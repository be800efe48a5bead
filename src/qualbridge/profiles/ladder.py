"""A country's education system as a ladder: each qualification at the years of schooling it completes.

Plain SVG as a string (no script, no dependency), like :mod:`qualbridge.compare.svg`, so the CLI writes
it to a file, the web page inlines it and the PDF brief embeds it. The vertical axis counts cumulative
years of schooling from the first year of primary school; a box spans the range the data gives (a
range is drawn as a range, never as its midpoint); columns group the types by profile; an arrow says
"gives access to". A box whose years the data could not confirm has a dashed border and says so in
its tooltip. Types without years of schooling are listed under the picture, not guessed onto it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from qualbridge.profiles.country import CountryProfile, Stage
from qualbridge.registry.models import LangText, pick

COLUMNS = ("general", "vocational", "academic", "professional", None)
COLUMN_W, BOX_H, ROW_H, LEFT, TOP = 190, 30, 34, 70, 60
COLOURS = {"general": "#1f5fbf", "vocational": "#c26a00", "academic": "#1b7f3b", "professional": "#7a3fb0"}


@dataclass(frozen=True)
class LadderWording:
    """The picture's words; the defaults give the English file of the CLI."""

    lang: str = "en"
    title: str = "Education system of {country}: qualifications by years of schooling"
    axis: str = "years of schooling"
    unverified: str = "years of schooling not confirmed by a source"
    leads_to: str = "gives access to"
    profiles: tuple[tuple[str, str], ...] = (
        ("general", "general"),
        ("vocational", "vocational"),
        ("academic", "academic"),
        ("professional", "professional"),
        ("", "other"),
    )
    href: str | None = None  # "{id}" is replaced by the type id (a link to the type's page)

    def name(self, names: LangText) -> str:
        return pick(names, self.lang)

    def lang_attr(self, names: LangText) -> str:
        """`` lang="en"`` when the name shown is not in the picture's language (WCAG 3.1.2), else ``""``."""
        shown = self.name(names)
        key = next((k for k, v in names.items() if v == shown), self.lang)
        return "" if key == self.lang else f' lang="{escape(key)}"'


def render_ladder(profile: CountryProfile, wording: LadderWording | None = None) -> str:
    """The ladder of ``profile`` as an SVG document; empty when no type has years of schooling."""
    w = wording or LadderWording()
    placed = [s for s in profile.stages if s.years_of_schooling is not None]
    columns = [c for c in COLUMNS if any(s.profile == c for s in placed)]
    if not placed:
        return ""
    low = min(s.years_of_schooling.min for s in placed if s.years_of_schooling) - 1
    high = max(s.years_of_schooling.max for s in placed if s.years_of_schooling)
    height = TOP + (high - low + 1) * ROW_H + 30
    boxes, starts = _boxes(placed, columns, high)
    width = starts[-1] + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="ladder-title" font-family="sans-serif" font-size="12">',
        f'<title id="ladder-title">{escape(w.title.format(country=w.name(profile.names)))}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
        f'<text x="{LEFT - 55}" y="{TOP - 30}" font-weight="bold">{escape(w.axis)}</text>',
    ]
    profiles = dict(w.profiles)
    for index, column in enumerate(columns):
        label = profiles.get(column or "", column or "")
        parts.append(
            f'<text x="{starts[index] + 8}" y="{TOP - 10}" font-weight="bold">{escape(label)}</text>'
        )
    for year in range(low + 1, high + 1):
        parts.append(
            f'<text x="{LEFT - 10}" y="{_y(year, high) + BOX_H / 2 + 4}" text-anchor="end">{year}</text>'
        )
    parts += _arrows(placed, boxes, w)
    parts += [_box(stage, boxes[stage.id], w) for stage in placed]
    parts.append("</svg>")
    return "\n".join(parts)


def _y(year: int, high: int) -> float:
    return TOP + (high - year) * ROW_H


def _lanes(stages: list[Stage], columns: list[str | None]) -> dict[str, tuple[int, int]]:
    """type id -> (column, lane): two types of one profile whose years overlap sit side by side."""
    out: dict[str, tuple[int, int]] = {}
    for column, profile in enumerate(columns):
        lanes: list[list[tuple[int, int]]] = []
        for stage in (s for s in stages if s.profile == profile):
            years = stage.years_of_schooling
            assert years is not None
            span = (years.min, years.max)
            lane = next(
                (i for i, held in enumerate(lanes) if all(span[0] > b or span[1] < a for a, b in held)), None
            )
            if lane is None:
                lanes.append([])
                lane = len(lanes) - 1
            lanes[lane].append(span)
            out[stage.id] = (column, lane)
    return out


def _boxes(
    stages: list[Stage], columns: list[str | None], high: int
) -> tuple[dict[str, tuple[float, float, float]], list[float]]:
    """type id -> (x, y of the top, height), and the x where each column starts."""
    lanes = _lanes(stages, columns)
    widths = [1 + max((lane for c, lane in lanes.values() if c == i), default=0) for i in range(len(columns))]
    starts: list[float] = [LEFT + sum(widths[:i]) * COLUMN_W for i in range(len(columns) + 1)]
    out: dict[str, tuple[float, float, float]] = {}
    for stage in stages:
        years = stage.years_of_schooling
        assert years is not None
        column, lane = lanes[stage.id]
        box_h = BOX_H + (years.max - years.min) * ROW_H
        out[stage.id] = (starts[column] + lane * COLUMN_W + 4, _y(years.max, high), box_h)
    return out, starts


def _box(stage: Stage, where: tuple[float, float, float], w: LadderWording) -> str:
    x, y, box_h = where
    years = stage.years_of_schooling
    assert years is not None
    colour = COLOURS.get(stage.profile or "", "#555555")
    dash = "" if years.verified else ' stroke-dasharray="4 3"'
    span = f"{years.min}" if years.min == years.max else f"{years.min}–{years.max}"
    tip = f"{w.name(stage.names)} ({span})"
    note = "" if years.verified else f"<desc>{escape(w.unverified)}</desc>"
    label = escape(_shorten(w.name(stage.names)))
    lang = w.lang_attr(stage.names)
    inner = (
        f'<g><title{lang}>{escape(tip)}</title>{note}<rect x="{x}" y="{y}" width="{COLUMN_W - 12}" '
        f'height="{box_h}" rx="4" '
        f'fill="#fff" stroke="{colour}" stroke-width="2"{dash}/>'
        f'<text x="{x + 6}" y="{y + 19}" fill="#111"{lang}>{label}</text></g>'
    )
    if w.href is None:
        return inner
    return f'<a href="{escape(w.href.format(id=stage.id))}" aria-label="{escape(tip)}">{inner}</a>'


def _arrows(stages: list[Stage], boxes: dict[str, tuple[float, float, float]], w: LadderWording) -> list[str]:
    out: list[str] = []
    for stage in stages:
        x, y, _ = boxes[stage.id]
        for target in stage.leads_to:
            if target not in boxes or target == stage.id:
                continue
            tx, ty, th = boxes[target]
            out.append(
                f'<line x1="{x + COLUMN_W / 2 - 6}" y1="{y}" x2="{tx + COLUMN_W / 2 - 6}" y2="{ty + th}" '
                f'stroke="#888" stroke-width="1" marker-end="url(#arrow)"><title>{escape(w.leads_to)}: '
                f"{escape(target)}</title></line>"
            )
    return out


def _shorten(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
