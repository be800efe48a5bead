"""A small invented registry (fixture ids aa-, bb-, rr- ...) that exercises every kind of route.

Nothing here is a claim about a real framework: the ids are made up so the engine's rules can be
tested one at a time. ``rr-rqf`` and ``ss-rqf`` are regional hubs, ``isced-2011`` the classification,
``aa-nqf``..``ee-nqf`` national frameworks, ``zz-nqf`` an isolated one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualbridge.registry.loader import Registry, parse_files
from tests.registry.conftest import write

SOURCES = {
    "s": {
        "url": "https://example.org/ref",
        "title": "Fixture",
        "publisher": "Fixture body",
        "consulted": "2026-11-28",
    }
}


def fw(fid: str, notations: list[str], kind: str = "nqf") -> dict[str, Any]:
    return {
        "id": fid,
        "kind": kind,
        "jurisdiction": "INTL" if kind == "classification" else fid.split("-")[0].upper(),
        "abbreviation": fid.upper(),
        "names": {"en": f"Framework {fid}"},
        "levels": [{"notation": n, "labels": {"en": f"Level {n}"}} for n in notations],
        "sources": SOURCES,
        "source": "s",
    }


def al(
    src: str, tgt: str, rows: list[dict[str, Any]], decided: str, symmetric: bool = True
) -> dict[str, Any]:
    return {
        "id": f"{src}__{tgt}",
        "source_framework": src,
        "target_framework": tgt,
        "body": {"en": f"Body of {src}"},
        "decided_text": decided,
        "report": f"https://example.org/{src}__{tgt}",
        "symmetric": symmetric,
        "mappings": rows,
        "sources": SOURCES,
        "source": "s",
    }


def row(f: str, to: list[str], match: str = "exactMatch", **extra: Any) -> dict[str, Any]:
    return {"from": f, "to": to, "match": match, **extra}


def qt(tid: str, name: str, levels: list[str], isced: str | None = None, **extra: Any) -> dict[str, Any]:
    placements: list[dict[str, Any]] = [{"level": lv} for lv in levels]
    if isced:
        placements.append({"level": f"isced-2011:{isced[0]}", "isced_code": isced})
    return {"id": tid, "names": {"en": name}, "placements": placements, **extra}


def years(n: float, after: str = "upper secondary") -> dict[str, Any]:
    return {"min_years": n, "max_years": n, "after": after}


def files() -> dict[str, dict[str, Any]]:
    ten = [str(i) for i in range(1, 11)]
    return {
        "frameworks/rr-rqf.yaml": fw("rr-rqf", [str(i) for i in range(1, 9)], "rqf"),
        "frameworks/ss-rqf.yaml": fw("ss-rqf", ["1", "2", "3", "4"], "rqf"),
        "frameworks/isced-2011.yaml": fw("isced-2011", [str(i) for i in range(0, 9)], "classification"),
        "frameworks/aa-nqf.yaml": fw("aa-nqf", ten),
        "frameworks/bb-nqf.yaml": fw("bb-nqf", ten),
        "frameworks/cc-nqf.yaml": fw("cc-nqf", ["1", "2", "3", "4", "5"]),
        "frameworks/dd-nqf.yaml": fw("dd-nqf", ["1", "2", "3", "4"]),
        "frameworks/ee-nqf.yaml": fw("ee-nqf", ["1", "2", "3", "4", "5", "6", "7", "8"]),
        "frameworks/zz-nqf.yaml": fw("zz-nqf", ["1", "2"]),
        "alignments/aa-nqf__rr-rqf.yaml": al(
            "aa-nqf",
            "rr-rqf",
            [
                row("1", ["1"]),
                row("2", ["1"]),
                row("3", ["2"]),
                row("4", ["3"]),
                row("5", ["4"]),
                row("6", ["5"], "closeMatch"),
                row("7", ["6"]),
                row("8", ["6"]),
                row("9", ["7"]),
                row("10", ["8"]),
            ],
            "2019-06",
        ),
        "alignments/bb-nqf__rr-rqf.yaml": al(
            "bb-nqf",
            "rr-rqf",
            [
                row("1", ["2"]),
                row("2", ["3"]),
                row("3", ["4"]),
                row("4", ["4"]),
                row("5", ["5"]),
                row("6", ["5"]),
                row("7", ["6"]),
                row("8", [], "noMatch", note="agreed to remain unlevelled"),
                row("9", ["7"]),
                row("10", ["8"]),
            ],
            "2017-06",
        ),
        "alignments/aa-nqf__bb-nqf.yaml": al(
            "aa-nqf", "bb-nqf", [row("7", ["7"]), row("8", ["7"]), row("9", ["9"])], "2020-03-01"
        ),
        "alignments/cc-nqf__rr-rqf.yaml": al(
            "cc-nqf",
            "rr-rqf",
            [
                row("1", ["2"]),
                row("2", ["3"], "broadMatch"),
                row("3", ["4"], verified=False, note="from recall"),
                row("4", ["6"]),
                row("5", ["7"]),
            ],
            "2012",
        ),
        "alignments/dd-nqf__ss-rqf.yaml": al(
            "dd-nqf", "ss-rqf", [row(n, [n]) for n in ["1", "2", "3", "4"]], "2021"
        ),
        "alignments/ss-rqf__rr-rqf.yaml": al(
            "ss-rqf", "rr-rqf", [row("1", ["5"]), row("2", ["6"]), row("3", ["7"]), row("4", ["8"])], "2021"
        ),
        "qualifications/aa.yaml": {
            "jurisdiction": "AA",
            "types": [
                qt(
                    "aa/honours",
                    "Honours Bachelor",
                    ["aa-nqf:8"],
                    "645",
                    duration=years(4),
                    profile="academic",
                    access_to=["aa/master"],
                ),
                qt(
                    "aa/ordinary",
                    "Ordinary Bachelor",
                    ["aa-nqf:7"],
                    "645",
                    duration=years(3),
                    profile="academic",
                    access_to=["aa/graduate-diploma"],
                ),
                qt(
                    "aa/professional",
                    "Professional Bachelor",
                    ["aa-nqf:7"],
                    "655",
                    duration=years(3),
                    profile="professional",
                    access_to=["aa/master"],
                ),
                qt(
                    "aa/graduate-diploma",
                    "Graduate Diploma",
                    ["aa-nqf:8"],
                    "647",
                    duration=years(1, "a bachelor"),
                ),
                qt("aa/master", "Master", ["aa-nqf:9"], "747", duration=years(1.5, "a bachelor")),
                qt("aa/diploma", "Diploma", ["aa-nqf:6"], "554"),
            ],
            "sources": SOURCES,
            "source": "s",
        },
        "qualifications/bb.yaml": {
            "jurisdiction": "BB",
            "types": [
                qt("bb/bachelor", "Bachelor", ["bb-nqf:7"], "645", duration=years(3), profile="academic"),
                qt(
                    "bb/bachelor-long",
                    "Long Bachelor",
                    ["bb-nqf:7"],
                    "645",
                    duration=years(4),
                    profile="academic",
                ),
                qt(
                    "bb/bachelor-short",
                    "Short Bachelor",
                    ["bb-nqf:7"],
                    "645",
                    duration=years(2),
                    profile="academic",
                ),
                qt("bb/honours", "Bachelor with Honours", ["bb-nqf:8"], "645", duration=years(4)),
                qt("bb/diploma", "Diploma", ["bb-nqf:5"], "554"),
            ],
            "sources": SOURCES,
            "source": "s",
        },
        "qualifications/ee.yaml": {
            "jurisdiction": "EE",
            "types": [
                qt(
                    "ee/gakushi",
                    "Gakushi",
                    ["ee-nqf:6"],
                    "665",
                    duration=years(4),
                    profile="academic",
                    aliases=["学士"],
                ),
                qt("ee/shushi", "Shushi", ["ee-nqf:7"], "767", aliases=["修士"]),
            ],
            "sources": SOURCES,
            "source": "s",
        },
    }


def build(tmp: Path, data: dict[str, dict[str, Any]]) -> Registry:
    registry, problems = parse_files(write(tmp, data))
    assert not problems, problems
    return registry


@pytest.fixture(scope="session")
def reg(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    return build(tmp_path_factory.mktemp("compare-data"), files())


@pytest.fixture(scope="session")
def real() -> Registry:
    """The real data set, parsed afresh (schema problems are `qualbridge data check`'s to report)."""
    registry, problems = parse_files()
    if problems:
        pytest.fail(f"the data files do not load: {problems[0]}")
    return registry
