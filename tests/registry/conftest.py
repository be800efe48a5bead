"""A small, valid data set written to a temporary folder; tests break it one fault at a time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

#: consulted today, so the yearly staleness rule of ``data check`` never ages the fixtures out
SOURCES = {
    "s": {
        "url": "https://example.org/ref",
        "title": "Test reference",
        "consulted": dt.date.today().isoformat(),
    }
}


def framework(fid: str, notations: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": fid,
        "kind": "nqf",
        "jurisdiction": fid.split("-")[0].upper(),
        "abbreviation": fid.split("-")[1].upper(),
        "names": {"en": f"Framework {fid}"},
        "levels": [{"notation": n} for n in notations],
        "sources": SOURCES,
        "source": "s",
        **extra,
    }


def base_files() -> dict[str, dict[str, Any]]:
    return {
        "frameworks/aa-qf.yaml": framework("aa-qf", ["1", "2", "3"]),
        "frameworks/bb-qf.yaml": framework("bb-qf", ["1", "2", "3", "4"]),
        "alignments/aa-qf__bb-qf.yaml": {
            "id": "aa-qf__bb-qf",
            "source_framework": "aa-qf",
            "target_framework": "bb-qf",
            "body": {"en": "Test body"},
            "mappings": [
                {"from": "1", "to": ["1"], "match": "exactMatch"},
                {"from": "2", "to": ["2", "3"], "match": "broadMatch"},
                {"from": "3", "to": [], "match": "noMatch"},
            ],
            "sources": SOURCES,
            "source": "s",
        },
        "qualifications/aa.yaml": {
            "jurisdiction": "AA",
            "types": [
                {
                    "id": "aa/diploma",
                    "names": {"en": "Diploma"},
                    "aliases": ["Dip"],
                    "placements": [{"level": "aa-qf:2"}],
                    "access_to": ["aa/degree"],
                },
                {"id": "aa/degree", "names": {"en": "Degree"}, "placements": [{"level": "aa-qf:3"}]},
            ],
            "sources": SOURCES,
            "source": "s",
        },
    }


def write(root: Path, files: dict[str, dict[str, Any]]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture
def files() -> dict[str, dict[str, Any]]:
    return base_files()
