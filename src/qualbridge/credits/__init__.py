"""Credit systems as sourced data and workload conversion between them (by hours and by year share).

>>> from qualbridge import credits
>>> credits.convert(124, "jp-tani", "ects").by_year.value
240.0
"""

from qualbridge.credits.convert import CreditConversion, MethodResult, UnknownCreditMethod, convert
from qualbridge.credits.systems import get_system, load_systems

__all__ = ["CreditConversion", "MethodResult", "UnknownCreditMethod", "convert", "get_system", "load_systems"]
