"""Grade conversion: grading scales as sourced data and four named, explained conversion methods.

>>> from qualbridge import grades
>>> grades.convert("75", "in-percent", "de-1-5").value
2.2
"""

from qualbridge.grades.convert import Conversion, UnknownMethod, convert, default_method
from qualbridge.grades.methods import METHOD_NAMES, MethodNotApplicable
from qualbridge.grades.scales import Scale, get_scale, load_scales, scales_for

__all__ = [
    "METHOD_NAMES",
    "Conversion",
    "MethodNotApplicable",
    "Scale",
    "UnknownMethod",
    "convert",
    "default_method",
    "get_scale",
    "load_scales",
    "scales_for",
]
