"""Two frameworks side by side as an SVG picture: levels as bars, links drawn by match type, a legend.

Plain SVG built as a string (no JavaScript, no dependency), so the CLI writes it to a file and the web
app can inline it. Each link carries a ``<title>`` naming the decisions it rests on, which browsers show
on hover; a level that a decision left without a counterpart gets a red cross with the decision named.
"""

from __future__ import annotations

from html import escape

from qualbridge.compare.matrix import MatrixRow
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import pick

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


def _label(notation: str, labels: dict[str, str]) -> str:
    """``6  Honours bachelor`` or just ``Level 6`` when the label only repeats the notation."""
    label = pick(labels)
    if not label or label.casefold() in (notation.casefold(), f"level {notation}".casefold()):
        return f"Level {notation}"
    return f"{notation}  {label}"


def _heading(x: int, abbreviation: str, framework_id: str, name: str) -> list[str]:
    line = f"{framework_id} · {name}"
    short = line if len(line) <= 42 else line[:41] + "…"
    return [
        f'<text x="{x}" y="30" font-size="15" font-weight="bold">{escape(abbreviation)}</text>',
        f'<text x="{x}" y="48" font-size="11" fill="#555"><title>{escape(line)}</title>{escape(short)}</text>',
    ]


def render_svg(registry: Registry, a: str, b: str, rows: list[MatrixRow]) -> str:
    """The picture of framework ``a`` (left) against framework ``b`` (right) from ``rows``."""
    fa, fb = registry.frameworks[a], registry.frameworks[b]
    left = [f"{a}:{lv.notation}" for lv in fa.levels]
    right = [f"{b}:{lv.notation}" for lv in fb.levels]
    height_levels = max(len(left), len(right))
    legend_y = TOP + height_levels * (BAR_H + GAP) + 20
    height = legend_y + 20 * (len(STYLES) + 1) + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" role="img">',
        f"<title>{escape(fa.abbreviation)} compared with {escape(fb.abbreviation)}</title>",
        *_heading(LEFT_X, fa.abbreviation, a, pick(fa.names)),
        *_heading(RIGHT_X, fb.abbreviation, b, pick(fb.names)),
    ]
    pos_left = {lv: _y(i, len(left)) for i, lv in enumerate(left)}
    pos_right = {lv: _y(i, len(right)) for i, lv in enumerate(right)}
    for level, level_model in zip(left, fa.levels, strict=True):
        out.append(_bar(LEFT_X, pos_left[level], _label(level_model.notation, level_model.labels), level))
    for level, level_model in zip(right, fb.levels, strict=True):
        out.append(_bar(RIGHT_X, pos_right[level], _label(level_model.notation, level_model.labels), level))
    for row in rows:
        y1 = pos_left[row.level] + BAR_H / 2
        if row.match == "noMatch":
            x = LEFT_X + BAR_W + 14
            tip = f"{row.level}: no counterpart in {b} ({'; '.join(row.decisions)})"
            out.append(
                f'<g><title>{escape(tip)}</title><text x="{x}" y="{y1 + 5:.0f}" font-size="16" '
                f'fill="{NO_MATCH_COLOUR}">\u2715</text></g>'
            )
            continue
        colour, dash, _ = STYLES.get(row.match, STYLES["exactMatch"])
        for target in row.targets:
            y2 = pos_right[target] + BAR_H / 2
            x1, x2 = LEFT_X + BAR_W, RIGHT_X
            mid = (x1 + x2) / 2
            tip = f"{row.level} -> {target}: {row.match}; {'; '.join(row.decisions)}"
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<path d="M{x1},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2},{y2:.0f}" fill="none" '
                f'stroke="{colour}" stroke-width="2.5"{dash_attr}><title>{escape(tip)}</title></path>'
            )
    out.append(f'<text x="{LEFT_X}" y="{legend_y}" font-size="13" font-weight="bold">Legend</text>')
    for i, (colour, dash, text) in enumerate(STYLES.values(), start=1):
        y = legend_y + 20 * i
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{LEFT_X}" y1="{y - 4}" x2="{LEFT_X + 50}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/><text x="{LEFT_X + 60}" y="{y}" font-size="12">{escape(text)}</text>'
        )
    y = legend_y + 20 * (len(STYLES) + 1)
    out.append(
        f'<text x="{LEFT_X + 18}" y="{y}" font-size="16" fill="{NO_MATCH_COLOUR}">\u2715</text>'
        f'<text x="{LEFT_X + 60}" y="{y}" font-size="12">no counterpart (noMatch decision)</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"
