"""Where the web app keeps its state: the SQLite database, uploads and keys.

``QUALBRIDGE_DATA_DIR`` chooses the folder; by default it is qualbridge's folder in the user's data
directory. Uploads and keys live here, never under a served static path.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir


def data_dir() -> Path:
    path = Path(os.environ.get("QUALBRIDGE_DATA_DIR") or user_data_dir("qualbridge"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """The Django secret key: from the environment, else a random one kept in the data folder."""
    if key := os.environ.get("QUALBRIDGE_SECRET_KEY"):
        return key
    path = data_dir() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()
