"""The comparability engine: where a qualification or a level lands in another framework, and why.

``compare("jp/gakushi", "eu-eqf")`` returns a :class:`Comparison` with the outcome, the target levels,
the comparable qualification types there, a confidence with what it rests on, every route with its
evidence, and caveats. ``matrix(a, b)`` gives the level-by-level table between two frameworks and
``render_svg`` draws it. See :mod:`qualbridge.compare.routes` for how routes are ranked and scored.
"""

from qualbridge.compare.comparison import compare
from qualbridge.compare.engine import Engine, get_engine
from qualbridge.compare.matrix import MatrixRow, all_pairs, matrix, render_table
from qualbridge.compare.model import Comparison, Outcome
from qualbridge.compare.svg import render_svg

__all__ = [
    "Comparison",
    "Engine",
    "MatrixRow",
    "Outcome",
    "all_pairs",
    "compare",
    "get_engine",
    "matrix",
    "render_svg",
    "render_table",
]
