"""Finding qualification types by any of their names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualbridge.errors import UnknownCountry
from qualbridge.registry.loader import parse_files
from qualbridge.registry.search import search_qualifications
from tests.registry.conftest import SOURCES, write


@pytest.fixture
def registry(tmp_path: Path, files: dict[str, dict[str, Any]]) -> Any:
    files["qualifications/jj.yaml"] = {
        "jurisdiction": "JJ",
        "types": [
            {
                "id": "jj/gakushi",
                "names": {"ja": "学士", "ja-Latn": "gakushi", "en": "Bachelor's degree"},
                "aliases": ["学士号"],
            },
            {
                "id": "jj/bachelor-honours",
                "names": {"en": "Bachelor (Honours)"},
                "abbreviations": ["BSc (Hons)"],
            },
        ],
        "sources": SOURCES,
        "source": "s",
    }
    reg, problems = parse_files(write(tmp_path, files))
    assert problems == []
    return reg


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("学士", "jj/gakushi"),
        ("学士（工学）", "jj/gakushi"),
        ("GAKUSHI", "jj/gakushi"),
        ("bsc hons", "jj/bachelor-honours"),
        ("B.Sc. (Hons.)", "jj/bachelor-honours"),
        ("Dip", "aa/diploma"),
    ],
)
def test_any_name_finds_the_type(registry: Any, query: str, expected: str) -> None:
    hits = search_qualifications(registry, query)
    assert hits and hits[0].type_id == expected


def test_country_restricts_results(registry: Any) -> None:
    assert all(h.type_id.startswith("aa/") for h in search_qualifications(registry, "Degree", country="aa"))


def test_unknown_country_is_an_error(registry: Any) -> None:
    with pytest.raises(UnknownCountry, match="'zz'"):
        search_qualifications(registry, "Degree", country="zz")


def test_nonsense_finds_nothing(registry: Any) -> None:
    assert search_qualifications(registry, "qwxzv") == []
