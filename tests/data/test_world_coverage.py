"""The world's frameworks (issue 14): coverage by region, the level counts their owners publish, and no
note admitting background knowledge on a fact that still passes as verified.

Only facts the data mark as sourced are asserted; the level counts below are those the frameworks'
owners (or Cedefop, ETF, the ACQF inventory) state, each cited in the framework's file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from qualbridge.registry import get_registry
from qualbridge.registry.coverage import frameworks_by_region, unverified_shares
from qualbridge.registry.loader import DATA_DIR, Registry


@pytest.fixture(scope="module")
def reg() -> Registry:
    return get_registry()


#: framework -> number of levels, as the sources cited in its file state it
STATED_LEVEL_COUNTS = {
    "bd-bnqf": 10, "lk-slqf": 12, "lk-nvqf": 7, "bt-bqf": 8, "bt-bvqf": 5, "mv-mnqf": 10, "pk-nqf": 8,
    "pk-nvqf": 8, "in-nsqf": 8, "bn-bdqf": 8, "sg-wsq": 6, "tl-snq": 10, "fj-fqf": 10, "ws-sqf": 10,
    "to-tqf": 10, "vu-vqf": 10, "uz-nqf": 8, "es-mecu": 8, "cz-nsk": 8, "gr-hqf": 8, "ro-cnc": 8,
    "sk-skkr": 8, "bg-bqf": 9, "xk-nqf": 8, "ua-nqf": 8, "ge-nqf": 8, "al-aqf": 8, "ba-bqf": 8, "md-nqf": 8,
    "li-nqfl": 8, "ae-qfe": 10, "bh-nqf": 10, "om-oqf": 10, "jo-jnqf": 10, "ma-cnc": 8, "tn-cnq": 7,
    "na-nqf": 10, "bw-ncqf": 10, "mu-nqf": 10, "ke-knqf": 10, "gh-ntvetqf": 8, "sz-nqf": 10, "ls-lqf": 10,
    "cv-qnq": 8, "sc-snqf": 10, "mz-qnq": 10, "ng-nsqf": 6, "tt-nqftt": 10, "cr-mnc-eftp": 5,
    "caricom-cvq": 5, "zw-znqf": 10,
}  # fmt: skip


def test_at_least_110_frameworks_and_every_region_held(reg: Registry) -> None:
    assert len(reg.frameworks) >= 110
    regions = frameworks_by_region(reg)
    minimum = {
        "asia-pacific": 30,
        "europe": 45,
        "arab-states": 7,
        "africa": 13,
        "americas": 4,
        "regional": 10,
    }
    assert {r: len(regions[r]) >= n for r, n in minimum.items()} == dict.fromkeys(minimum, True), {
        r: len(ids) for r, ids in regions.items()
    }


@pytest.mark.parametrize(("fw_id", "count"), sorted(STATED_LEVEL_COUNTS.items()))
def test_level_count_is_the_one_the_source_states(reg: Registry, fw_id: str, count: int) -> None:
    fw = reg.framework(fw_id)
    assert len(fw.levels) == count
    assert fw.sources and all(s.url.startswith("http") for s in fw.sources.values())


def test_a_framework_known_only_from_a_press_report_is_unverified(reg: Registry) -> None:
    assert reg.framework("mm-nqf").verified is False


def test_liechtenstein_levels_are_the_eqf_levels(reg: Registry) -> None:
    al = reg.alignments["li-nqfl__eu-eqf"]
    assert [(m.from_level, m.to, m.verified) for m in al.mappings] == [
        (str(n), [str(n)], True) for n in range(1, 9)
    ]


def test_iceland_sub_levels_share_the_eqf_level_the_enic_table_gives(reg: Registry) -> None:
    rows = {m.from_level: (m.to, m.verified) for m in reg.alignments["is-isqf__eu-eqf"].mappings}
    assert rows["5.1"] == rows["5.2"] == (["6"], True)
    assert rows["6.1"] == rows["6.2"] == (["7"], True)
    assert rows["1"] == (["2"], True) and rows["7"] == (["8"], True)


def test_unsourced_correspondences_are_never_verified(reg: Registry) -> None:
    """Rows the notes call assumed, by number, or from a transcription stay unverified."""
    pattern = re.compile(r"not read|not seen|not checked|assumed|by number", re.I)
    loose = [
        f"{al.id}:{m.from_level}"
        for al in reg.alignments.values()
        for m in al.mappings
        if m.note and pattern.search(m.note) and m.verified and al.verified
    ]
    assert loose == []


ADMITS = re.compile(r"background knowledge|inferred", re.I)


def _unflagged_admissions(node: Any, where: str, flagged: bool = False) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        flagged = flagged or node.get("verified") is False
        note = node.get("note")
        if isinstance(note, str) and ADMITS.search(note) and not flagged and "not recorded" not in note:
            found.append(where)
        for key, value in node.items():
            if key != "sources":
                found += _unflagged_admissions(value, f"{where}.{key}", flagged)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found += _unflagged_admissions(item, f"{where}[{i}]", flagged)
    return found


def test_facts_from_background_knowledge_are_flagged_unverified() -> None:
    files = [
        p
        for folder in ("frameworks", "alignments", "qualifications")
        for p in sorted((DATA_DIR / folder).glob("*.yaml"))
    ]
    found = [
        hit for p in files for hit in _unflagged_admissions(yaml.safe_load(p.read_text("utf-8")), _rel(p))
    ]
    assert found == []


def _rel(path: Path) -> str:
    return path.relative_to(DATA_DIR).as_posix()


def test_unverified_shares_are_reported_per_kind(reg: Registry) -> None:
    shares = unverified_shares(reg)
    assert set(shares) == {"framework levels", "alignment rows", "placements"}
    assert (
        all(0 <= s.unverified <= s.total for s in shares.values()) and shares["framework levels"].total > 900
    )
