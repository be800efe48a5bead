"""The suggestion as a picture: the two ladders of levels side by side, a line per suggested link.

Plain SVG built as a string (like :mod:`qualbridge.compare.svg`, whose layout it follows; that module
draws registry decisions and their evidence, this one draws a draft from pasted or stored text), so the
CLI writes it to a file and the web page inlines it. Line colour and weight say the strength; each
line's ``<title>`` gives the similarity, shown by browsers on hover.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from qualbridge.referencing.model import Suggestion

COLOURS = {"strong": "#1b7f3b", "moderate": "#1f5fbf", "weak": "#c26a00"}
DASH = {"strong": "", "moderate": "", "weak": "6 4"}
BAR_W, BAR_H, GAP, LEFT_X, RIGHT_X, TOP = 200, 24, 8, 30, 400, 60


@dataclass(frozen=True)
class Wording:
    """The picture's words, in the reader's language (defaults: English)."""

    title: str = "Suggested correspondence of levels"
    level: str = "Level"
    strength: dict[str, str] = field(
        default_factory=lambda: {"strong": "strong", "moderate": "moderate", "weak": "weak"}
    )
    similarity: str = "similarity"


def _y(index: int) -> int:
    return TOP + index * (BAR_H + GAP)


def render(suggestion: Suggestion, ref_levels: list[str], wording: Wording | None = None) -> str:
    """An SVG of ``suggestion``; ``ref_levels`` are the reference framework's notations in order."""
    w = wording or Wording()
    src = [lv.notation for lv in suggestion.levels]
    # highest level at the top, as frameworks are drawn
    src_pos = {n: k for k, n in enumerate(reversed(src))}
    ref_pos = {n: k for k, n in enumerate(reversed(ref_levels))}
    rows = max(len(src), len(ref_levels))
    height = _y(rows) + 50
    width = RIGHT_X + BAR_W + LEFT_X
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(w.title)}" font-family="sans-serif" font-size="13">',
        f"<title>{escape(w.title)}</title>",
        f'<text x="{LEFT_X}" y="30" font-weight="bold">{escape(suggestion.source)}</text>',
        f'<text x="{RIGHT_X}" y="30" font-weight="bold">{escape(suggestion.reference)}</text>',
    ]
    for notation, k in src_pos.items():
        out.append(_bar(LEFT_X, _y(k), f"{w.level} {notation}"))
    for notation, k in ref_pos.items():
        out.append(_bar(RIGHT_X, _y(k), f"{w.level} {notation}"))
    for lv in suggestion.levels:
        y1 = _y(src_pos[lv.notation]) + BAR_H // 2
        for target in lv.targets:
            if target not in ref_pos:
                continue
            y2 = _y(ref_pos[target]) + BAR_H // 2
            colour, dash = COLOURS[lv.strength], DASH[lv.strength]
            tip = f"{lv.notation} → {target}: {w.strength[lv.strength]}, {w.similarity} {lv.scores.get(target, 0):.2f}"
            out.append(
                f'<line x1="{LEFT_X + BAR_W}" y1="{y1}" x2="{RIGHT_X}" y2="{y2}" stroke="{colour}" '
                f'stroke-width="{3 if lv.strength == "strong" else 2}"'
                + (f' stroke-dasharray="{dash}"' if dash else "")
                + f"><title>{escape(tip)}</title></line>"
            )
    legend_y = _y(rows) + 20
    for k, name in enumerate(("strong", "moderate", "weak")):
        x = LEFT_X + k * 170
        out.append(
            f'<line x1="{x}" y1="{legend_y}" x2="{x + 30}" y2="{legend_y}" stroke="{COLOURS[name]}" stroke-width="2"'
            + (f' stroke-dasharray="{DASH[name]}"' if DASH[name] else "")
            + "/>"
        )
        out.append(f'<text x="{x + 36}" y="{legend_y + 4}">{escape(w.strength[name])}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _bar(x: int, y: int, text: str) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="{BAR_W}" height="{BAR_H}" rx="3" fill="#eef2f7" stroke="#8899aa"/>'
        f'<text x="{x + 8}" y="{y + 16}">{escape(text)}</text>'
    )
