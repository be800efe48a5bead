"""Where qualbridge keeps what a user adds: imported institutions, the web app's database, uploads, keys.

``QUALBRIDGE_DATA_DIR`` chooses the folder; by default it is qualbridge's folder in the user's data
directory. The curated data shipped with the package stay read-only under ``qualbridge/data``.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def data_dir() -> Path:
    """The user's qualbridge data folder, created on first use (0700: only its owner may enter)."""
    path = Path(os.environ.get("QUALBRIDGE_DATA_DIR") or user_data_dir("qualbridge"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
