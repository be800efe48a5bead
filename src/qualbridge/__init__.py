"""qualbridge: open recognition software for qualifications across borders.

The functional core (registry, compare, grades, credits, institutions, evaluate, statements) is pure
Python over the curated data in ``qualbridge/data``; the CLI and the Django web app are thin shells.
"""

__version__ = "0.1.0"
