"""Two frameworks side by side for the web page: the core's picture, with links a visitor can open.

:func:`qualbridge.compare.svg.render_svg` draws the picture for files; a page needs more: labels in
the visitor's language, and every link clickable (and reachable with the keyboard), opening the
referencing decision it rests on, or, when the answer rests on several decisions and placements, the
row of the table below the picture that lists each of them with its source. The drawing is the core's;
this module gives it the words and the addresses.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from qualbridge.compare.matrix import MatrixRow
from qualbridge.compare.svg import Wording, render_svg
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


def render(registry: Registry, a: str, b: str, rows: list[MatrixRow]) -> str:
    """Inline SVG of framework ``a`` (left) against ``b`` (right); every link and bar is a link."""
    wording = Wording(
        name=name,
        title=lambda fa, fb: _("%(a)s compared with %(b)s") % {"a": fa, "b": fb},
        legend=_("Legend"),
        legend_label=match_label,
        match_label=match_label,
        no_counterpart=lambda level, fw, decisions: (
            _("%(level)s: no counterpart in %(fw)s (%(decisions)s)")
            % {"level": level, "fw": fw, "decisions": decisions}
        ),
        level_href=lambda fw, level_id: f"/frameworks/{fw}#{row_anchor(level_id)}",
        row_href=lambda row: link_target(row, registry),
    )
    return render_svg(registry, a, b, rows, wording)
