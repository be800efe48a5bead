"""qualbridge: open recognition software for qualifications across borders.

The functional core (registry, compare, grades, credits, institutions, evaluate, statements) is pure
Python over the curated data in ``qualbridge/data``; the CLI and the Django web app are thin shells.
"""

import os

__version__ = "0.1.0"

# qualbridge uses no pydantic plugins; skipping their discovery (an entry-point scan) saves ~30 ms at start.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
