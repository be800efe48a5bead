"""Two frameworks side by side for the web page: the core's picture, with links a visitor can open.

:func:`qualbridge.compare.svg.render_svg` draws the picture for files; a page needs more: labels in
the visitor's language, and every link clickable (and reachable with the keyboard), opening the
referencing decision it rests on, or, when the answer rests on several decisions and placements, the
row of the table below the picture that lists each of them with its source. The drawing is the core's;
this module gives it the words and the addresses.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from qualbridge.compare.matrix import MatrixRow
from qualbridge.compare.svg import Wording, render_svg
from qualbridge.registry import Registry
from qualbridge.web.explorer.catalogue import name
from qualbridge.web.i18n import visitor_lang

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


def _foreign(names: dict[str, str]) -> str | None:
    """The language of the name shown, when it is not the visitor's."""
    shown = name(names)
    key = next((k for k, v in names.items() if v == shown), None)
    return key if key and key != visitor_lang() else None


def _decisions(found: list[str], registry: Registry) -> str:
    """What a link rests on, for its tooltip: the referencing decisions by id; placements and counts
    over other countries (the engine's notes, in English) as a number, in the visitor's language, with
    the table below the picture listing each of them."""
    decisions = [d for d in found if d in registry.alignments]
    others = len(found) - len(decisions)
    if not others:
        return "; ".join(decisions)
    more = ngettext(
        "%(count)d placement (listed in the table below)",
        "%(count)d placements and counts (listed in the table below)",
        others,
    ) % {"count": others}
    return "; ".join([*decisions, more])


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
        decisions=lambda found: _decisions(found, registry),
        lang_of=_foreign,
    )
    return render_svg(registry, a, b, rows, wording)
