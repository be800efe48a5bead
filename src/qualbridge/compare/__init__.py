"""The comparability engine: where a qualification or a level lands in another framework, and why.

``compare("jp/gakushi", "eu-eqf")`` returns a :class:`Comparison` with the outcome, the target levels,
the comparable qualification types there, a confidence with what it rests on, every route with its
evidence, and caveats; each caveat and confidence factor is a code with its parameters, worded by
:mod:`qualbridge.messages` (see :mod:`qualbridge.compare.explanation`), and ``evidence_hints`` says what
would firm the answer up. ``matrix(a, b)`` gives the level-by-level table between two frameworks (each row
read off a level's :class:`Comparison`) and ``render_svg`` draws it. See :mod:`qualbridge.compare.routes`
for how routes are ranked and scored.
"""

from qualbridge.compare.comparison import compare
from qualbridge.compare.engine import Engine, get_engine
from qualbridge.compare.hints import Hint, evidence_hints
from qualbridge.compare.matrix import MatrixRow, all_pairs, matrix, render_table
from qualbridge.compare.model import Caveat, Comparison, Factor, Outcome
from qualbridge.compare.svg import render_svg

__all__ = [
    "Caveat",
    "Comparison",
    "Engine",
    "Factor",
    "Hint",
    "MatrixRow",
    "Outcome",
    "all_pairs",
    "compare",
    "evidence_hints",
    "get_engine",
    "matrix",
    "render_svg",
    "render_table",
]
