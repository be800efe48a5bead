"""Two frameworks side by side as an SVG picture: levels as bars, links drawn by match type, a legend.

Plain SVG built as a string (no JavaScript, no dependency), so the CLI writes it to a file and the web
app can inline it. Each link carries a ``<title>`` naming the decisions it rests on, which browsers show
on hover; a level that a decision left without a counterpart gets a red cross with the decision named.
The web page passes a :class:`Wording` in the visitor's language and the addresses bars and links open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from qualbridge.compare.matrix import MatrixRow
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import LangText, pick

#: match type -> (colour, dash pattern, legend text)
STYLES: dict[str, tuple[str, str, str]] = {
    "exactMatch": ("#1b7f3b", "", "exact match"),
    "closeMatch": ("#1f5fbf", "", "close match"),
    "broadMatch": ("#c26a00", "8 4", "broad match (target broader)"),
    "narrowMatch": ("#7a3fb0", "3 3", "narrow match (target narrower)"),
    "isced": ("#777777", "1 5", "through ISCED 2011 only"),
}
NO_MATCH_COLOUR = "#c0392b"

BAR_W, BAR_H, GAP = 250, 26, 8
LEFT_X, RIGHT_X, TOP = 40, 470, 70
WIDTH = RIGHT_X + BAR_W + 40


def _legend_text(match: str) -> str:
    return STYLES[match][2] if match in STYLES else "no counterpart (noMatch decision)"


@dataclass(frozen=True)
class Wording:
    """The picture's words and links; the defaults give the plain English file of the CLI."""

    name: Callable[[LangText], str] = pick
    title: Callable[[str, str], str] = "{} compared with {}".format
    legend: str = "Legend"
    legend_label: Callable[[str], str] = _legend_text
    match_label: Callable[[str], str] = str  # in a link's tooltip
    no_counterpart: Callable[[str, str, str], str] = "{}: no counterpart in {} ({})".format
    level_href: Callable[[str, str], str] | None = None  # (framework id, level id) -> address
    row_href: Callable[[MatrixRow], str] | None = None
    #: the decisions and placements a link rests on, for its tooltip (default: their ids and notes)
    decisions: Callable[[list[str]], str] = "; ".join
    #: the language of the name ``name`` shows, when it is not the picture's (marked with ``lang``)
    lang_of: Callable[[LangText], str | None] = lambda names: None


def _a(href: str | None, inner: str, attrs: str = "", tip: str = "") -> str:
    """``inner`` as a keyboard-reachable link when there is somewhere to go."""
    if href is None:
        return inner
    label = f' aria-label="{escape(tip)}"' if tip else ""
    return f'<a href="{escape(href)}"{attrs}{label}>{inner}</a>'


def _y(index: int, count: int) -> int:
    """Top of the bar for level ``index`` (0 = lowest), highest level drawn at the top."""
    return TOP + (count - 1 - index) * (BAR_H + GAP)


def _bar(x: int, y: int, text: str, tip: str) -> str:
    if len(text) > 34:  # keep the label inside its bar; the full label is in the tooltip
        tip, text = f"{tip}: {text}", text[:33] + "…"
    return (
        f'<g><title>{escape(tip)}</title><rect x="{x}" y="{y}" width="{BAR_W}" height="{BAR_H}" rx="4" '
        f'fill="#eef2f7" stroke="#4a5a70"/><text x="{x + 8}" y="{y + BAR_H * 0.68:.0f}" font-size="13">'
        f"{escape(text)}</text></g>"
    )


def _label(notation: str, label: str) -> str:
    """``6  Honours bachelor`` or just ``Level 6`` when the label only repeats the notation."""
    if not label or label.casefold() in (notation.casefold(), f"level {notation}".casefold()):
        return f"Level {notation}"
    return f"{notation}  {label}"


def _heading(x: int, abbreviation: str, framework_id: str, name: str, lang: str | None = None) -> list[str]:
    line = f"{framework_id} · {name}"
    short = line if len(line) <= 42 else line[:41] + "…"
    marked = f' lang="{escape(lang)}"' if lang else ""
    return [
        f'<text x="{x}" y="30" font-size="15" font-weight="bold">{escape(abbreviation)}</text>',
        f'<text x="{x}" y="48" font-size="11" fill="#555"{marked}><title>{escape(line)}</title>'
        f"{escape(short)}</text>",
    ]


def render_svg(
    registry: Registry, a: str, b: str, rows: list[MatrixRow], wording: Wording | None = None
) -> str:
    """The picture of framework ``a`` (left) against framework ``b`` (right) from ``rows``."""
    w = wording or Wording()
    fa, fb = registry.frameworks[a], registry.frameworks[b]
    left = [f"{a}:{lv.notation}" for lv in fa.levels]
    right = [f"{b}:{lv.notation}" for lv in fb.levels]
    legend_y = TOP + max(len(left), len(right)) * (BAR_H + GAP) + 20
    height = legend_y + 20 * (len(STYLES) + 1) + 20
    title = w.title(fa.abbreviation, fb.abbreviation)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" role="group" '
        f'aria-label="{escape(title)}" class="alignment">',
        f"<title>{escape(title)}</title>",
        *_heading(LEFT_X, fa.abbreviation, a, w.name(fa.names), w.lang_of(fa.names)),
        *_heading(RIGHT_X, fb.abbreviation, b, w.name(fb.names), w.lang_of(fb.names)),
    ]
    positions: dict[str, int] = {}
    for fw, ids, x in ((fa, left, LEFT_X), (fb, right, RIGHT_X)):
        for i, (level_id, level) in enumerate(zip(ids, fw.levels, strict=True)):
            positions[level_id] = y = _y(i, len(ids))
            href = w.level_href(fw.id, level_id) if w.level_href else None
            out.append(_a(href, _bar(x, y, _label(level.notation, w.name(level.labels)), level_id)))
    for row in rows:
        y1 = positions[row.level] + BAR_H / 2
        href = w.row_href(row) if w.row_href else None
        decisions = w.decisions(list(row.decisions))
        if row.match == "noMatch":
            tip = w.no_counterpart(row.level, b, decisions)
            cross = (
                f'<g><title>{escape(tip)}</title><text x="{LEFT_X + BAR_W + 14}" y="{y1 + 5:.0f}" '
                f'font-size="16" fill="{NO_MATCH_COLOUR}">\u2715</text></g>'
            )
            out.append(_a(href, cross, ' class="link nomatch"', tip))
            continue
        colour, dash, _ = STYLES.get(str(row.match), STYLES["exactMatch"])
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for target in row.targets:
            y2 = positions[target] + BAR_H / 2
            x1, x2 = LEFT_X + BAR_W, RIGHT_X
            mid = (x1 + x2) / 2
            curve = f"M{x1},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2},{y2:.0f}"
            tip = f"{row.level} \u2192 {target}: {w.match_label(str(row.match))}; {decisions}"
            line = (
                f'<path d="{curve}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}>'
                f"<title>{escape(tip)}</title></path>"
            )
            if href is not None:  # a wider, invisible stroke makes the thin line easy to click
                line = f'<path d="{curve}" fill="none" stroke="transparent" stroke-width="12"/>' + line
            out.append(_a(href, line, f' class="link" data-match="{escape(str(row.match))}"', tip))
    out.append(
        f'<text x="{LEFT_X}" y="{legend_y}" font-size="13" font-weight="bold">{escape(w.legend)}</text>'
    )
    for i, (match, (colour, dash, _text)) in enumerate(STYLES.items(), start=1):
        y = legend_y + 20 * i
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{LEFT_X}" y1="{y - 4}" x2="{LEFT_X + 50}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/><text x="{LEFT_X + 60}" y="{y}" font-size="12">'
            f"{escape(w.legend_label(match))}</text>"
        )
    y = legend_y + 20 * (len(STYLES) + 1)
    out.append(
        f'<text x="{LEFT_X + 18}" y="{y}" font-size="16" fill="{NO_MATCH_COLOUR}">\u2715</text>'
        f'<text x="{LEFT_X + 60}" y="{y}" font-size="12">{escape(w.legend_label("noMatch"))}</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"
