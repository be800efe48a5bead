"""The shipped list of Japanese universities: how many of each type, and that the ones a user
names first are there with the right type.

Floors, from the source cited in ``jp.sources.yaml``: MEXT's 全国大学一覧 of 令和4年度 (as
converted by EJU-Express) names 86 national, 101 public and 626 private universities; one public
university opened since is added from another source.
"""

from __future__ import annotations

from collections import Counter

import pytest

from qualbridge.institutions.loader import DATA_DIR, load_file
from qualbridge.institutions.models import RecognitionStatus

FLOORS = {"national": 86, "public": 101, "private": 600}


@pytest.fixture(scope="module")
def jp():
    return load_file(DATA_DIR / "jp.csv")


def test_counts_by_type_reach_the_floors(jp):
    counts = Counter(i.type for i in jp.institutions)
    assert set(counts) <= {"national", "public", "private"}, counts
    for type_, floor in FLOORS.items():
        assert counts[type_] >= floor, (type_, counts)


def test_no_university_is_listed_twice(jp):
    names = Counter(i.official_name for i in jp.institutions)
    assert [n for n, c in names.items() if c > 1] == []


@pytest.mark.parametrize(
    ("name", "type_"),
    [
        ("東京大学", "national"),
        ("京都大学", "national"),
        ("琉球大学", "national"),
        ("早稲田大学", "private"),
        ("慶應義塾大学", "private"),
        ("東京都立大学", "public"),
        ("大阪公立大学", "public"),
        ("同志社大学", "private"),
        ("立命館アジア太平洋大学", "private"),
    ],
)
def test_well_known_universities_are_there_with_their_type(shipped, name, type_):
    result = shipped.match(name, country="JP")
    assert result.best is not None, result.to_dict()
    inst = shipped.get(result.best.id)
    assert inst.official_name == name
    assert inst.type == type_
    assert inst.recognition.status is RecognitionStatus.RECOGNISED


def test_a_former_name_finds_the_renamed_university(shipped):
    result = shipped.match("首都大学東京", country="JP")
    assert result.best is not None
    assert shipped.get(result.best.id).official_name == "東京都立大学"


def test_rows_not_from_a_mext_list_say_they_are_unverified(jp):
    mext_lists = {"eju-mext"}
    for inst in jp.institutions:
        key = inst.source or jp.source
        assert key in jp.sources
        if key not in mext_lists:
            assert inst.verified is False, inst.id
        assert inst.recognition.source == key
