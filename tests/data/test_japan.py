"""The Japanese data as an evaluator depends on it: JEQF complete, placements coherent, names usable.

Only facts marked as sourced are asserted (JEQF levels from NIC-Japan's framework page; ISCED codes
665, 766 and 544 and credit minima from NIC-Japan's list of qualifications). Placements that the data
marks ``verified: false`` are never treated as truth here.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from qualbridge.registry.check import check
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Placement, QualificationType
from qualbridge.registry.search import search_qualifications

MY_FILES = ("frameworks/jp-jeqf.yaml", "frameworks/isced-2011.yaml", "qualifications/jp.yaml")


@pytest.fixture(scope="module")
def checked() -> tuple[Registry, list[str]]:
    registry, problems = check()
    return registry, [str(p) for p in problems]


@pytest.fixture(scope="module")
def reg(checked: tuple[Registry, list[str]]) -> Registry:
    return checked[0]


def jp_types(reg: Registry) -> list[QualificationType]:
    return [reg.qualifications[t] for t in reg.types_by_jurisdiction["JP"]]


def verified_placements(qt: QualificationType, framework: str) -> list[Placement]:
    return [p for p in qt.placements if p.verified and p.level.startswith(f"{framework}:")]


def jeqf_level(qt: QualificationType) -> int:
    (placement,) = verified_placements(qt, "jp-jeqf")
    return int(placement.level.split(":")[1])


def test_japanese_files_pass_every_data_rule(checked: tuple[Registry, list[str]]) -> None:
    _, problems = checked
    assert [p for p in problems if p.startswith(MY_FILES)] == []


def test_jeqf_has_eight_levels_and_no_descriptors(reg: Registry) -> None:
    jeqf = reg.framework("jp-jeqf")
    assert [lv.notation for lv in jeqf.levels] == [str(n) for n in range(1, 9)]
    # JEQF is built on legal requirements, not learning outcomes: inventing descriptors would mislead
    assert all(not lv.descriptors for lv in jeqf.levels)
    assert {"ja", "ja-Latn", "en"} <= set(jeqf.names)


@pytest.mark.parametrize("level", range(1, 9))
def test_every_jeqf_level_holds_a_japanese_type(reg: Registry, level: int) -> None:
    placed = [t for t in reg.types_by_level.get(f"jp-jeqf:{level}", []) if t.startswith("jp/")]
    assert placed, f"no Japanese qualification type on JEQF level {level}"


def test_every_japanese_type_sits_on_exactly_one_verified_jeqf_level(reg: Registry) -> None:
    wrong = [qt.id for qt in jp_types(reg) if len(verified_placements(qt, "jp-jeqf")) != 1]
    assert wrong == []


def test_bachelor_is_jeqf_6_and_isced_665(reg: Registry) -> None:
    gakushi = reg.qualification("jp/gakushi")
    assert jeqf_level(gakushi) == 6
    assert [(p.level, p.isced_code) for p in verified_placements(gakushi, "isced-2011")] == [
        ("isced-2011:6", "665")
    ]
    assert gakushi.credits is not None and gakushi.credits.system == "jp-tani"
    assert (gakushi.credits.amount, gakushi.credits.minimum) == (124, True)


def test_six_year_bachelor_is_a_separate_type_on_jeqf_7_and_isced_766(reg: Registry) -> None:
    six = reg.qualification("jp/gakushi-6year")
    assert jeqf_level(six) == 7
    assert [(p.level, p.isced_code) for p in verified_placements(six, "isced-2011")] == [
        ("isced-2011:7", "766")
    ]
    assert six.duration is not None and six.duration.min_years == 6
    assert six.credits is not None and (six.credits.amount, six.credits.max_amount) == (182, 188)


def test_associate_degree_is_jeqf_5_and_isced_544(reg: Registry) -> None:
    tanki = reg.qualification("jp/tanki-daigakushi")
    assert jeqf_level(tanki) == 5
    assert [p.isced_code for p in verified_placements(tanki, "isced-2011")] == ["544"]


@pytest.mark.parametrize(
    ("type_id", "level"),
    [
        ("jp/hakushi", 8),
        ("jp/shushi", 7),
        ("jp/homu-hakushi", 7),
        ("jp/senmonshi", 5),
        ("jp/kodo-senmonshi", 6),
        ("jp/kotogakko-sotsugyo", 3),
    ],
)
def test_anchor_types_from_the_jeqf_table(reg: Registry, type_id: str, level: int) -> None:
    # 法務博士（専門職） is a professional degree at level 7 despite "博士" in its name
    assert jeqf_level(reg.qualification(type_id)) == level


def test_every_isced_code_belongs_to_its_level(reg: Registry) -> None:
    for qt in jp_types(reg):
        for p in qt.placements:
            if p.isced_code:
                level = p.level.split(":")[1]
                assert p.isced_code[0] == level, (qt.id, p.isced_code)
                assert p.isced_code in reg.level(p.level).programme_codes, (qt.id, p.isced_code)


def test_verified_jeqf_and_isced_placements_agree_in_order(reg: Registry) -> None:
    """A type higher on JEQF is never lower on ISCED (among verified placements only)."""
    pairs = []
    for qt in jp_types(reg):
        isced = verified_placements(qt, "isced-2011")
        if isced:
            pairs.append((jeqf_level(qt), int(isced[0].level.split(":")[1]), qt.id))
    assert len(pairs) >= 3
    for a in pairs:
        for b in pairs:
            if a[0] < b[0]:
                assert a[1] <= b[1], (a, b)


def test_access_leads_to_known_types_not_below(reg: Registry) -> None:
    for qt in jp_types(reg):
        for target in qt.access_to:
            other = reg.qualification(target)
            assert jeqf_level(other) >= jeqf_level(qt), (qt.id, target)


def _is_japanese(text: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA")) for ch in text)


def test_every_japanese_type_has_ja_romanised_and_english_names(reg: Registry) -> None:
    for qt in jp_types(reg):
        assert {"ja", "ja-Latn", "en"} <= set(qt.names), qt.id
        assert _is_japanese(qt.names["ja"]), qt.id
        assert not _is_japanese(qt.names["ja-Latn"]) and re.search(r"[a-z]", qt.names["ja-Latn"]), qt.id
        assert qt.names["en"].isascii(), qt.id


def test_unverified_placements_say_why(reg: Registry) -> None:
    silent = [qt.id for qt in jp_types(reg) for p in qt.placements if not p.verified and not p.note]
    assert silent == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学士（工学）", "jp/gakushi"),
        ("学士(経済学)", "jp/gakushi"),
        ("Bachelor of Engineering", "jp/gakushi"),
        ("修士（理学）", "jp/shushi"),
        ("博士（工学）", "jp/hakushi"),
        ("法務博士（専門職）", "jp/homu-hakushi"),
        ("短期大学士", "jp/tanki-daigakushi"),
        ("kōdo senmonshi", "jp/kodo-senmonshi"),
        ("高卒認定", "jp/kosotsu-nintei"),
    ],
)
def test_certificate_names_find_their_type(reg: Registry, text: str, expected: str) -> None:
    hits = search_qualifications(reg, text, country="JP")
    assert hits and hits[0].type_id == expected, hits[:3]


def test_six_year_field_names_find_the_six_year_bachelor(reg: Registry) -> None:
    hits = search_qualifications(reg, "学士（医学）", country="JP")
    assert hits and hits[0].type_id == "jp/gakushi-6year", hits[:3]
