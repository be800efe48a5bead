"""Where the web app keeps its state: the SQLite database, uploads and keys.

``QUALBRIDGE_DATA_DIR`` chooses the folder; by default it is qualbridge's folder in the user's data
directory. Uploads and keys live here, never under a served static path. The folder is made 0700 and
every file in it 0600: it holds password hashes, sessions, applicants' documents and signing keys.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from qualbridge.paths import data_dir

__all__ = ["data_dir", "private_file", "secret_key"]


def private_file(path: Path) -> Path:
    """Make ``path`` a file only its owner can read and write (created empty if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)
    return path


def secret_key() -> str:
    """The Django secret key: from the environment, else a random one kept in the data folder."""
    if key := os.environ.get("QUALBRIDGE_SECRET_KEY"):
        return key
    path = data_dir() / "secret_key"
    if not path.exists():
        private_file(path)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()
