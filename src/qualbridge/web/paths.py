"""Where the web app keeps its state: the SQLite database, uploads and keys.

``QUALBRIDGE_DATA_DIR`` chooses the folder; by default it is qualbridge's folder in the user's data
directory. Uploads and keys live here, never under a served static path.
"""

from __future__ import annotations

import os
import secrets

from qualbridge.paths import data_dir

__all__ = ["data_dir", "secret_key"]


def secret_key() -> str:
    """The Django secret key: from the environment, else a random one kept in the data folder."""
    if key := os.environ.get("QUALBRIDGE_SECRET_KEY"):
        return key
    if os.environ.get("QUALBRIDGE_PRODUCTION") == "1":  # h15: never a per-server file in production
        from qualbridge.web.settings_services import require_secret_key

        require_secret_key()
    path = data_dir() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()
