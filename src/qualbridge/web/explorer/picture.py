"""Two frameworks side by side for the web page: the core's picture, with links a visitor can open.

:func:`qualbridge.compare.svg.render_svg` draws the picture for files; a page needs more: labels in
the visitor's language, and every link clickable (and reachable with the keyboard), opening the
referencing decision it rests on, or, when the answer rests on several decisions and placements, the
row of the table below the picture that lists each of them with its source. The geometry, colours and
dash patterns are the core's (:data:`qualbridge.compare.svg.STYLES`), so both pictures read the same.
"""

from __future__ import annotations

from html import escape

from django.utils.translation import gettext as _

from qualbridge.compare.matrix import MatrixRow
from qualbridge.compare.svg import BAR_H, BAR_W, GAP, LEFT_X, NO_MATCH_COLOUR, RIGHT_X, STYLES, TOP, WIDTH
from qualbridge.registry import Registry
from qualbridge.web.explorer.catalogue import name

LEGEND = {
    "exactMatch": lambda: _("exact match"),
    "closeMatch": lambda: _("close match"),
    "broadMatch": lambda: _("broad match (target broader)"),
    "narrowMatch": lambda: _("narrow match (target narrower)"),
    "isced": lambda: _("through ISCED 2011 only"),
}


def match_label(match: str) -> str:
    if match == "noMatch":
        return _("no counterpart (noMatch decision)")
    found = LEGEND.get(str(match))
    return found() if found else _("no route")


def row_anchor(level_id: str) -> str:
    return "row-" + level_id.replace(":", "-").replace(".", "-")


def link_target(row: MatrixRow, registry: Registry) -> str:
    """The decision page when the link rests on one referencing decision, else the row of the table."""
    alignments = [d for d in row.decisions if d in registry.alignments]
    if len(row.decisions) == 1 and alignments:
        return f"/frameworks/decisions/{alignments[0]}"
    return f"#{row_anchor(row.level)}"


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _y(index: int, count: int) -> int:
    return TOP + (count - 1 - index) * (BAR_H + GAP)


def _bar(x: int, y: int, text: str, href: str, tip: str) -> str:
    return (
        f'<a href="{escape(href)}" aria-label="{escape(tip)}"><title>{escape(tip)}</title>'
        f'<rect x="{x}" y="{y}" width="{BAR_W}" height="{BAR_H}" rx="4" fill="#eef2f7" stroke="#4a5a70"/>'
        f'<text x="{x + 8}" y="{y + BAR_H * 0.68:.0f}" font-size="13" fill="#1a1a1a">{escape(text)}</text></a>'
    )


def render(registry: Registry, a: str, b: str, rows: list[MatrixRow]) -> str:
    """Inline SVG of framework ``a`` (left) against ``b`` (right); every link and bar is a link."""
    fa, fb = registry.frameworks[a], registry.frameworks[b]
    left = [f"{a}:{lv.notation}" for lv in fa.levels]
    right = [f"{b}:{lv.notation}" for lv in fb.levels]
    legend_y = TOP + max(len(left), len(right)) * (BAR_H + GAP) + 20
    height = legend_y + 20 * (len(STYLES) + 1) + 20
    title = _("%(a)s compared with %(b)s") % {"a": fa.abbreviation, "b": fb.abbreviation}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="system-ui, sans-serif" role="group" aria-label="{escape(title)}" class="alignment">',
        f"<title>{escape(title)}</title>",
    ]
    for fw, x in ((fa, LEFT_X), (fb, RIGHT_X)):
        out.append(
            f"<g><title>{escape(name(fw.names))}</title>"
            f'<text x="{x}" y="30" font-size="15" font-weight="bold">{escape(fw.abbreviation)} · {escape(fw.id)}</text>'
            f'<text x="{x}" y="48" font-size="12" fill="#444">{escape(_short(name(fw.names)))}</text></g>'
        )
    pos_left = {lv: _y(i, len(left)) for i, lv in enumerate(left)}
    pos_right = {lv: _y(i, len(right)) for i, lv in enumerate(right)}
    for fw, ids, x in ((fa, left, LEFT_X), (fb, right, RIGHT_X)):
        positions = pos_left if x == LEFT_X else pos_right
        for level_id, level in zip(ids, fw.levels, strict=True):
            label = name(level.labels) or level.notation
            text = label if level.notation in label else f"{level.notation}  {label}"
            out.append(
                _bar(x, positions[level_id], text, f"/frameworks/{fw.id}#{row_anchor(level_id)}", level_id)
            )
    for row in rows:
        y1 = pos_left[row.level] + BAR_H / 2
        href = escape(link_target(row, registry))
        if row.match == "noMatch":
            tip = _("%(level)s: no counterpart in %(fw)s (%(decisions)s)") % {
                "level": row.level,
                "fw": b,
                "decisions": "; ".join(row.decisions),
            }
            out.append(
                f'<a href="{href}" class="link nomatch" aria-label="{escape(tip)}"><title>{escape(tip)}</title>'
                f'<text x="{LEFT_X + BAR_W + 14}" y="{y1 + 5:.0f}" font-size="16" fill="{NO_MATCH_COLOUR}">\u2715</text></a>'
            )
            continue
        colour, dash, _legend = STYLES.get(str(row.match), STYLES["exactMatch"])
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for target in row.targets:
            y2 = pos_right[target] + BAR_H / 2
            x1, x2 = LEFT_X + BAR_W, RIGHT_X
            mid = (x1 + x2) / 2
            tip = f"{row.level} \u2192 {target}: {match_label(row.match)}"
            out.append(
                f'<a href="{href}" class="link" data-match="{escape(str(row.match))}" aria-label="{escape(tip)}">'
                f"<title>{escape(tip)}</title>"
                f'<path d="M{x1},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2},{y2:.0f}" fill="none" '
                f'stroke="transparent" stroke-width="12"/>'
                f'<path d="M{x1},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2},{y2:.0f}" fill="none" '
                f'stroke="{colour}" stroke-width="2.5"{dash_attr}/></a>'
            )
    legend = escape(_("Legend"))
    out.append(f'<text x="{LEFT_X}" y="{legend_y}" font-size="13" font-weight="bold">{legend}</text>')
    for i, (match, (colour, dash, _text)) in enumerate(STYLES.items(), start=1):
        y = legend_y + 20 * i
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{LEFT_X}" y1="{y - 4}" x2="{LEFT_X + 50}" y2="{y - 4}" stroke="{colour}" stroke-width="2.5"'
            f'{dash_attr}/><text x="{LEFT_X + 60}" y="{y}" font-size="12">{escape(match_label(match))}</text>'
        )
    y = legend_y + 20 * (len(STYLES) + 1)
    out.append(
        f'<text x="{LEFT_X + 18}" y="{y}" font-size="16" fill="{NO_MATCH_COLOUR}">\u2715</text>'
        f'<text x="{LEFT_X + 60}" y="{y}" font-size="12">{escape(match_label("noMatch"))}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)
