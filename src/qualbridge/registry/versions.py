"""Data versions: find the data a decision was made with, and say what changed between two versions.

A case records the ``data_version`` of the data it was decided on (see :mod:`qualbridge.registry.loader`:
a hash of the committed files' paths and bytes). Because the hash depends on nothing else, the version of
any git revision can be computed from git's objects without checking it out, so a recorded version leads
back to the revision(s) that hold exactly those data (:func:`find_revisions`), and :func:`materialise`
writes that data folder out again for a replay. :func:`diff_folders` compares two data folders item by
item (frameworks and their levels, referencing rows, qualification types and their placements) and file
by file for the other folders (grading, credit, institutions, policies).

A version is named by a data folder, a git revision (``main``, ``HEAD~3``, a commit hash) or a recorded
data version (16 hex digits, looked up in the history of the data folder).
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.registry.loader import DATA_DIR, VERSIONED_FOLDERS, parse_files, versioned_files
from qualbridge.registry.models import as_dict


class UnknownDataVersion(QualbridgeError):
    """A version spec names no data folder, git revision or recorded data version."""

    code = "unknown-data-version"

    def __init__(self, spec: str, why: str) -> None:
        self.spec = spec
        super().__init__(
            f"{spec!r} is not a data version: {why}. Give a data folder, a git revision "
            "(e.g. main, HEAD~1, a commit hash) or a recorded data_version (16 hex digits)."
        )


# -- git ---------------------------------------------------------------------------------------------


def _git(*args: str, cwd: Path = DATA_DIR, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise QualbridgeError("git is not installed: give data folders instead of revisions") from None
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, args, done.stdout, done.stderr)
    return done.stdout


def _repo_paths(data_dir: Path = DATA_DIR) -> tuple[Path, str]:
    """The git work tree holding ``data_dir`` and the data folder's path inside it."""
    try:
        top = Path(_git("rev-parse", "--show-toplevel", cwd=data_dir).decode().strip())
    except subprocess.CalledProcessError:
        raise QualbridgeError(
            f"{data_dir} is not in a git checkout: give data folders instead of revisions"
        ) from None
    return top, data_dir.resolve().relative_to(top.resolve()).as_posix()


def _commit(rev: str, top: Path) -> str | None:
    try:
        return _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", cwd=top).decode().strip()
    except subprocess.CalledProcessError:
        return None


def version_at(rev: str, data_dir: Path = DATA_DIR) -> str:
    """The data_version of the data folder at git revision ``rev`` (computed from git's objects)."""
    top, inside = _repo_paths(data_dir)
    commit = _commit(rev, top)
    if commit is None:
        raise UnknownDataVersion(rev, "no such git revision")
    return _versions_of([commit], top, inside)[commit]


def _versions_of(commits: list[str], top: Path, inside: str) -> dict[str, str]:
    """data_version of each commit, hashing each blob once."""
    blob_cache: dict[str, bytes] = {}
    out = {}
    for commit in commits:
        listing = _git(
            "ls-tree", "-r", "-z", commit, "--", *[f"{inside}/{f}" for f in VERSIONED_FOLDERS], cwd=top
        )
        entries = []
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, path = record.split(b"\t", 1)
            rel = path.decode()[len(inside) + 1 :]
            if any(p.startswith(".") or p == "__pycache__" for p in rel.split("/")):
                continue
            entries.append((rel, meta.split()[2].decode()))
        missing = [blob for _, blob in entries if blob not in blob_cache]
        if missing:
            blob_cache.update(_read_blobs(missing, top))
        out[commit] = _hash_entries(sorted((rel, blob_cache[blob]) for rel, blob in entries))
    return out


def _read_blobs(blobs: list[str], top: Path) -> dict[str, bytes]:
    raw = _git("cat-file", "--batch", cwd=top, stdin="".join(f"{b}\n" for b in blobs).encode())
    out, pos = {}, 0
    for blob in blobs:
        header_end = raw.index(b"\n", pos)
        size = int(raw[pos:header_end].split()[2])
        out[blob] = raw[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return out


def _hash_entries(entries: list[tuple[str, bytes]]) -> str:
    """Same scheme as :func:`qualbridge.registry.loader.data_hash`."""
    digest = hashlib.sha256(b"qualbridge data")
    for rel, content in entries:
        digest.update(f"\0{rel}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:16]


def find_revisions(version: str, data_dir: Path = DATA_DIR, limit: int = 500) -> list[str]:
    """The commits (newest first) whose data folder has ``version``; empty when none of the last
    ``limit`` commits that touched the data does."""
    top, inside = _repo_paths(data_dir)
    log = _git("log", f"-{limit}", "--format=%H", "HEAD", "--", inside, cwd=top).decode().split()
    if not log:
        return []
    # the version can also hold between two commits that touched the data: the newest such commit
    # is the one listed; its descendants up to the next data change hold the same data
    versions = _versions_of(log, top, inside)
    return [c for c in log if versions[c] == version]


def materialise(rev: str, into: Path, data_dir: Path = DATA_DIR) -> Path:
    """Write the data folder of git revision ``rev`` under ``into``; return that data folder."""
    top, inside = _repo_paths(data_dir)
    commit = _commit(rev, top)
    if commit is None:
        raise UnknownDataVersion(rev, "no such git revision")
    archive = _git("archive", "--format=tar", commit, "--", inside, cwd=top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / inside


def resolve(spec: str, scratch: Path, data_dir: Path = DATA_DIR) -> tuple[Path, str]:
    """A data folder for ``spec`` (folder, git revision or recorded version) and a label saying which."""
    folder = Path(spec)
    if folder.is_dir():
        if (folder / "frameworks").is_dir():
            return folder, f"folder {folder}"
        raise UnknownDataVersion(spec, "the folder has no frameworks/ sub-folder")
    top, _ = _repo_paths(data_dir)
    if _commit(spec, top) is not None:
        return materialise(spec, scratch, data_dir), f"revision {spec}"
    if len(spec) == 16 and all(c in "0123456789abcdef" for c in spec):
        revisions = find_revisions(spec, data_dir)
        if revisions:
            return materialise(
                revisions[0], scratch, data_dir
            ), f"version {spec} (commit {revisions[0][:12]})"
        raise UnknownDataVersion(spec, "no commit in the history of the data folder has this data_version")
    raise UnknownDataVersion(spec, "no such folder or git revision")


# -- diff --------------------------------------------------------------------------------------------


@dataclass
class DataDiff:
    """What changed from ``old`` to ``new``: per kind of item, the ids added, removed and changed (with
    a line per change), and the other files changed."""

    old_version: str
    new_version: str
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    files: dict[str, list[str]] = field(default_factory=dict)  # "added"/"removed"/"changed" -> paths

    @property
    def empty(self) -> bool:
        return self.old_version == self.new_version

    def as_json(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "same": self.empty,
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "files": self.files,
        }


def diff_folders(old_dir: Path, new_dir: Path) -> DataDiff:
    """Compare two data folders (see the module docstring)."""
    old, _ = parse_files(old_dir)
    new, _ = parse_files(new_dir)
    out = DataDiff(old.data_version, new.data_version)
    out.files = _file_changes(old_dir, new_dir)
    if out.empty:
        return out
    pairs: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
        "frameworks": (old.frameworks, new.frameworks),
        "alignments": (old.alignments, new.alignments),
        "qualifications": (old.qualifications, new.qualifications),
    }
    for kind, (a, b) in pairs.items():
        out.added[kind] = sorted(set(b) - set(a))
        out.removed[kind] = sorted(set(a) - set(b))
        out.changed[kind] = {
            key: lines for key in sorted(set(a) & set(b)) if (lines := _item_changes(kind, a[key], b[key]))
        }
    return out


def _file_changes(old_dir: Path, new_dir: Path) -> dict[str, list[str]]:
    def contents(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in versioned_files(folder)}

    a, b = contents(old_dir), contents(new_dir)
    return {
        "added": sorted(set(b) - set(a)),
        "removed": sorted(set(a) - set(b)),
        "changed": sorted(k for k in set(a) & set(b) if a[k] != b[k]),
    }


def _item_changes(kind: str, old: Any, new: Any) -> list[str]:
    if old == new:
        return []
    if kind == "frameworks":
        return _keyed_changes("level", _by(old.levels, "notation"), _by(new.levels, "notation"), old, new)
    if kind == "alignments":
        return _keyed_changes(
            "row", _by(old.mappings, "from_level"), _by(new.mappings, "from_level"), old, new
        )
    return _field_changes(as_dict(old), as_dict(new))


def _by(items: list[Any], key: str) -> dict[str, dict[str, Any]]:
    return {getattr(i, key): as_dict(i) for i in items}


def _keyed_changes(what: str, a: dict[str, Any], b: dict[str, Any], old: Any, new: Any) -> list[str]:
    lines = [f"{what} {k} added" for k in b if k not in a]
    lines += [f"{what} {k} removed" for k in a if k not in b]
    for k in a:
        if k in b and a[k] != b[k]:
            lines += [f"{what} {k}: {line}" for line in _field_changes(a[k], b[k])]
    top_old = {k: v for k, v in as_dict(old).items() if k not in ("levels", "mappings")}
    top_new = {k: v for k, v in as_dict(new).items() if k not in ("levels", "mappings")}
    return _field_changes(top_old, top_new) + lines


def _field_changes(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return [
        f"{key}: {_short(a.get(key))} -> {_short(b.get(key))}"
        for key in sorted(set(a) | set(b))
        if a.get(key) != b.get(key)
    ]


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
