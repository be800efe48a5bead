"""The shipped data: it passes every rule and covers what issue 2 promises."""

from __future__ import annotations

import pytest

from qualbridge.registry import get_registry
from qualbridge.registry.check import check

REQUIRED = [
    "isced-2011",
    "ehea-qf",
    "eu-eqf",
    "asean-aqrf",
    "sadc-qf",
    "pacific-pqf",
    "jp-jeqf",
    "au-aqf",
    "nz-nzqcf",
    "ph-pqf",
    "za-nqf",
    "kz-nqf",
    "my-mqf",
    "id-kkni",
    "th-nqf",
    "vn-vqf",
    "hk-qf",
    "kr-kqf",
    "in-nheqf",
    "gb-rqf",
    "gb-fheq",
    "gb-scqf",
    "gb-cqfw",
    "ie-nfq",
    "de-dqr",
    "fr-nqf",
    "nl-nlqf",
]


def test_data_check_passes() -> None:
    _, problems = check()
    assert [str(p) for p in problems] == []


def test_required_frameworks_exist() -> None:
    frameworks = get_registry().frameworks
    assert [f for f in REQUIRED if f not in frameworks] == []
    assert len(frameworks) >= 45
    assert {"africa-acqf", "vussc-tqf", "caricom-cqf"} & set(frameworks)


def test_enough_european_nqfs_are_referenced_to_the_eqf() -> None:
    reg = get_registry()
    european = {a.source_framework for a in reg.alignments.values() if a.target_framework == "eu-eqf"}
    named = {"gb-rqf", "gb-fheq", "gb-scqf", "gb-cqfw", "ie-nfq", "de-dqr", "fr-nqf", "nl-nlqf", "ehea-qf"}
    others = {f for f in european - named if reg.frameworks[f].kind.value == "nqf"}
    assert len(others) >= 15, sorted(others)


@pytest.mark.parametrize("country", ["US", "CN"])
def test_countries_without_an_nqf_sit_on_isced(country: str) -> None:
    reg = get_registry()
    types = [reg.qualifications[t] for t in reg.types_by_jurisdiction[country]]
    assert types and all(any(p.level.startswith("isced-2011:") for p in t.placements) for t in types)


def test_isced_has_every_level_and_programme_codes() -> None:
    isced = get_registry().framework("isced-2011")
    assert [lv.notation for lv in isced.levels] == [str(n) for n in range(9)]
    codes = {code for lv in isced.levels for code in lv.programme_codes}
    assert {"344", "544", "645", "665", "746", "766", "844"} <= codes


def test_every_national_system_has_upper_secondary_and_higher_education() -> None:
    """Each jurisdiction's types reach ISCED 3 (upper secondary) and ISCED 6 (bachelor)."""
    reg = get_registry()
    missing = []
    for code, type_ids in reg.types_by_jurisdiction.items():
        isced = {p.level for t in type_ids for p in reg.qualifications[t].placements}
        if not {"isced-2011:3", "isced-2011:6"} <= isced:
            missing.append(code)
    assert missing == []
