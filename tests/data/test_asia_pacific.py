"""Asia-Pacific, African and other regional data as an evaluator depends on it.

Only facts marked as sourced are asserted: the AQF-NZQF one-to-one referencing (NZQA), the NZQCF
comparisons with the EQF, the Irish NFQ and the HKQF (NZQA's published tables), the level counts of
the frameworks and the placements of qualification types on them. Rows and placements that the data
marks ``verified: false`` (merged table cells, the ASEAN level tables nobody has seen, the AQF-EQF
rows, ISCED placements without a sourced code) are never treated as truth here.
"""

from __future__ import annotations

import pytest

from qualbridge.registry.check import check
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Alignment, LevelMapping, MatchType
from qualbridge.registry.search import search_qualifications

FRAMEWORKS = (
    "au-aqf", "nz-nzqcf", "ph-pqf", "za-nqf", "kz-nqf", "my-mqf", "id-kkni", "th-nqf", "th-tqf-hed",
    "vn-vqf", "asean-aqrf", "sadc-qf", "pacific-pqf", "africa-acqf", "vussc-tqf", "caricom-cqf",
)  # fmt: skip
ALIGNMENTS = (
    "au-aqf__nz-nzqcf", "nz-nzqcf__eu-eqf", "nz-nzqcf__ie-nfq", "nz-nzqcf__hk-qf", "au-aqf__eu-eqf",
    "my-mqf__asean-aqrf", "ph-pqf__asean-aqrf", "id-kkni__asean-aqrf",
)  # fmt: skip
JURISDICTIONS = ("au", "nz", "ph", "za", "kz", "my", "id", "th", "vn")
MY_FILES = (
    tuple(f"frameworks/{f}.yaml" for f in FRAMEWORKS)
    + tuple(f"alignments/{a}.yaml" for a in ALIGNMENTS)
    + tuple(f"qualifications/{j}.yaml" for j in JURISDICTIONS)
)

#: level counts stated by the framework owners (NZQA, PQF-NCC, SAQA, MQA, Perpres 8/2012, Decision
#: 1982/QD-TTg, OHEC, the AQRF, SADCQF, ACQF and VUSSC pages, the CQF flyer)
SOURCED_LEVEL_COUNTS = {
    "au-aqf": 10, "nz-nzqcf": 10, "ph-pqf": 8, "za-nqf": 10, "kz-nqf": 8, "my-mqf": 8, "id-kkni": 9,
    "th-tqf-hed": 6, "vn-vqf": 8, "asean-aqrf": 8, "sadc-qf": 10, "africa-acqf": 10, "vussc-tqf": 10,
    "caricom-cqf": 10,
}  # fmt: skip


@pytest.fixture(scope="module")
def checked() -> tuple[Registry, list[str]]:
    registry, problems = check()
    return registry, [str(p) for p in problems]


@pytest.fixture(scope="module")
def reg(checked: tuple[Registry, list[str]]) -> Registry:
    return checked[0]


def rows(reg: Registry, alignment_id: str) -> dict[str, LevelMapping]:
    """Mapping rows of one alignment keyed by source level, verified rows only."""
    alignment: Alignment = reg.alignments[alignment_id]
    return {m.from_level: m for m in alignment.mappings if m.verified}


def placed(reg: Registry, type_id: str, framework: str) -> list[str]:
    """Verified placements of a type on one framework, as level notations."""
    qt = reg.qualification(type_id)
    return [
        p.level.split(":")[1] for p in qt.placements if p.verified and p.level.startswith(f"{framework}:")
    ]


# ------------------------------------------------------------------------------------------------ files


def test_my_files_pass_every_data_rule(checked: tuple[Registry, list[str]]) -> None:
    _, problems = checked
    assert [p for p in problems if p.startswith(MY_FILES)] == []


def test_every_file_i_own_is_loaded(reg: Registry) -> None:
    assert set(FRAMEWORKS) <= set(reg.frameworks)
    assert set(ALIGNMENTS) <= set(reg.alignments)
    assert {j.upper() for j in JURISDICTIONS} <= set(reg.types_by_jurisdiction)


@pytest.mark.parametrize(("framework", "count"), sorted(SOURCED_LEVEL_COUNTS.items()))
def test_framework_has_its_sourced_number_of_levels(reg: Registry, framework: str, count: int) -> None:
    levels = reg.framework(framework).levels
    assert [lv.notation for lv in levels] == [str(n) for n in range(1, count + 1)]


def test_regional_frameworks_are_regional(reg: Registry) -> None:
    regional = {"asean-aqrf", "sadc-qf", "pacific-pqf", "africa-acqf", "vussc-tqf", "caricom-cqf"}
    assert {f for f in regional if reg.framework(f).kind.value == "rqf"} == regional


def test_unsourced_level_structures_are_flagged(reg: Registry) -> None:
    """The Thai NQF and Pacific QF level tables were not seen: every level must say so."""
    for framework in ("th-nqf", "pacific-pqf"):
        assert all(not lv.verified for lv in reg.framework(framework).levels), framework


def test_aqrf_holds_no_descriptor_text_it_could_not_check(reg: Registry) -> None:
    """The AQRF's descriptor table was not readable in any copy consulted: the paraphrases once held
    from recall were removed, so no page or referencing suggestion shows a guess as the AQRF's words.
    The eight levels and two domains stay (they are sourced)."""
    aqrf = reg.framework("asean-aqrf")
    assert [lv.notation for lv in aqrf.levels] == [str(n) for n in range(1, 9)]
    assert [d.id for d in aqrf.domains] == ["knowledge-skills", "application-responsibility"]
    assert all(not any(lv.descriptors.values()) for lv in aqrf.levels)


def test_nzqcf_descriptors_are_the_seven_strands_and_never_the_superseded_three(reg: Registry) -> None:
    """NZQA replaced the knowledge / skills / application wording with seven strands: a level either
    holds text for every strand or none (levels whose current text was not read), and the old domains
    are gone from the descriptors (their wording survives in notes only, as history)."""
    fw = reg.framework("nz-nzqcf")
    strands = [d.id for d in fw.domains]
    assert len(strands) == 7 and "skills" not in strands and "application" not in strands
    described = [lv for lv in fw.levels if lv.descriptors]
    assert described and all(set(lv.descriptors) == set(strands) for lv in described)
    assert all(lv.verified and all(t["en"].strip() for t in lv.descriptors.values()) for lv in described)


def test_aqf_descriptors_marked_sourced_are_the_criteria_wording(reg: Registry) -> None:
    """Every AQF level criterion opens "Graduates at this level will ...": a sourced level holding a
    shortened paraphrase (as the file once did) fails here. Unverified levels are not checked."""
    fw = reg.framework("au-aqf")
    sourced = [lv for lv in fw.levels if lv.verified and lv.descriptors]
    assert sourced
    for lv in sourced:
        assert all(t["en"].startswith("Graduates at this level will ") for t in lv.descriptors.values()), (
            lv.notation
        )


def test_lao_nqf_known_from_a_presentation_is_unverified_with_no_type_on_it(reg: Registry) -> None:
    fw = reg.framework("la-lnqf")
    assert fw.verified is False and fw.status.value == "unconfirmed"
    assert not any(lv.descriptors for lv in fw.levels)
    assert all(not lv.startswith("la-lnqf:") for lv in reg.types_by_level if reg.types_by_level[lv])


# ------------------------------------------------------------------------------------------- alignments


def test_aqf_and_nzqcf_are_one_to_one_on_all_ten_levels(reg: Registry) -> None:
    table = rows(reg, "au-aqf__nz-nzqcf")
    assert {level: m.to for level, m in table.items()} == {str(n): [str(n)] for n in range(1, 11)}
    assert all(m.match is MatchType.EXACT for m in table.values())


@pytest.mark.parametrize("target", ["eu-eqf", "ie-nfq", "hk-qf"])
def test_nzqcf_8_has_no_match(reg: Registry, target: str) -> None:
    row = rows(reg, f"nz-nzqcf__{target}")["8"]
    assert row.match is MatchType.NO_MATCH
    assert row.to == []


def test_nzqcf_to_eqf_follows_the_joint_report(reg: Registry) -> None:
    table = rows(reg, "nz-nzqcf__eu-eqf")
    expected = {"1": "2", "2": "3", "3": "4", "4": "4", "5": "5", "6": "5", "7": "6", "9": "7", "10": "8"}
    assert {level: m.to for level, m in table.items() if level != "8"} == {
        k: [v] for k, v in expected.items()
    }
    # no NZQCF level sits at EQF 1
    assert all("1" not in m.to for m in table.values())


def test_nzqcf_to_nfq_agrees_with_both_routes_through_the_eqf(reg: Registry) -> None:
    """NZQA built the NFQ comparison on the EQF: NZ -> NFQ must land where NFQ -> EQF meets NZ -> EQF."""
    nz_eqf = rows(reg, "nz-nzqcf__eu-eqf")
    nfq_eqf = {m.from_level: m.to for m in reg.alignments["ie-nfq__eu-eqf"].mappings if m.verified}
    for level, row in rows(reg, "nz-nzqcf__ie-nfq").items():
        for nfq in row.to:
            if nfq in nfq_eqf:
                assert set(nfq_eqf[nfq]) <= set(nz_eqf[level].to), (level, nfq)


def test_nzqcf_to_hkqf_sourced_rows(reg: Registry) -> None:
    table = rows(reg, "nz-nzqcf__hk-qf")
    sourced = {"1": "1", "2": "2", "4": "3", "6": "4", "7": "5", "9": "6", "10": "7"}
    assert {level: m.to for level, m in table.items() if level != "8"} == {k: [v] for k, v in sourced.items()}


def test_merged_table_cells_are_not_ground_truth(reg: Registry) -> None:
    hk = {m.from_level: m for m in reg.alignments["nz-nzqcf__hk-qf"].mappings}
    assert not hk["3"].verified and not hk["5"].verified


@pytest.mark.parametrize("alignment_id", ["my-mqf__asean-aqrf", "ph-pqf__asean-aqrf", "id-kkni__asean-aqrf"])
def test_unseen_aqrf_level_tables_are_unverified(reg: Registry, alignment_id: str) -> None:
    assert rows(reg, alignment_id) == {}


@pytest.mark.parametrize("alignment_id", ALIGNMENTS)
def test_every_alignment_row_names_existing_levels(reg: Registry, alignment_id: str) -> None:
    alignment = reg.alignments[alignment_id]
    source_levels = {lv.notation for lv in reg.framework(alignment.source_framework).levels}
    target_levels = {lv.notation for lv in reg.framework(alignment.target_framework).levels}
    froms = [m.from_level for m in alignment.mappings]
    assert set(froms) == source_levels and len(froms) == len(set(froms))
    for m in alignment.mappings:
        assert set(m.to) <= target_levels, (m.from_level, m.to)
        assert (m.match is MatchType.NO_MATCH) == (m.to == [])


# --------------------------------------------------------------------------------- qualification types


@pytest.mark.parametrize(
    ("type_id", "framework", "level"),
    [
        ("au/bachelor", "au-aqf", "7"),
        ("au/bachelor-honours", "au-aqf", "8"),
        ("au/masters-coursework", "au-aqf", "9"),
        ("au/doctoral", "au-aqf", "10"),
        ("nz/ncea-level-3", "nz-nzqcf", "3"),
        ("nz/bachelor", "nz-nzqcf", "7"),
        ("nz/bachelor-honours", "nz-nzqcf", "8"),
        ("nz/masters", "nz-nzqcf", "9"),
        ("ph/shs-diploma", "ph-pqf", "2"),
        ("ph/baccalaureate", "ph-pqf", "6"),
        ("za/nsc", "za-nqf", "4"),
        ("za/bachelor", "za-nqf", "7"),
        ("za/honours", "za-nqf", "8"),
        ("my/diploma", "my-mqf", "4"),
        ("my/bachelor", "my-mqf", "6"),
        ("id/sarjana", "id-kkni", "6"),
        ("id/sarjana-terapan", "id-kkni", "6"),
        ("th/parinya-tri", "th-tqf-hed", "2"),
        ("th/parinya-tho", "th-tqf-hed", "4"),
        ("vn/cu-nhan", "vn-vqf", "6"),
        ("vn/thac-si", "vn-vqf", "7"),
        ("vn/tien-si", "vn-vqf", "8"),
    ],
)
def test_sourced_placements(reg: Registry, type_id: str, framework: str, level: str) -> None:
    assert placed(reg, type_id, framework) == [level]


def test_aus_senior_secondary_certificate_is_not_on_an_aqf_level(reg: Registry) -> None:
    assert not any(p.level.startswith("au-aqf:") for p in reg.qualification("au/ssce").placements)


def test_trans_tasman_bachelor_degrees_meet_at_the_same_level(reg: Registry) -> None:
    """An Australian Bachelor Degree reads as NZQCF 7, where the NZ Bachelor's Degree sits."""
    (aqf,) = placed(reg, "au/bachelor", "au-aqf")
    assert rows(reg, "au-aqf__nz-nzqcf")[aqf].to == placed(reg, "nz/bachelor", "nz-nzqcf")


def test_nz_micro_credential(reg: Registry) -> None:
    mc = reg.qualification("nz/micro-credential")
    assert mc.is_micro_credential
    assert mc.credits is not None and mc.credits.system == "nz-credit" and mc.credits.max_amount == 40
    others = [t for t in reg.types_by_jurisdiction["NZ"] if t != "nz/micro-credential"]
    assert not any(reg.qualification(t).is_micro_credential for t in others)


def test_vqf_credit_minima_rise_with_the_level(reg: Registry) -> None:
    """Decision 1982/QD-TTg: 5, 15, 25 credits for the elementary certificates, 60 for college."""
    minima = [
        reg.qualification(t).credits.amount  # type: ignore[union-attr]
        for t in ("vn/so-cap-i", "vn/so-cap-ii", "vn/so-cap-iii", "vn/cao-dang")
    ]
    assert minima == [5, 15, 25, 60]


def test_unverified_isced_placements_carry_no_programme_code(reg: Registry) -> None:
    for j in JURISDICTIONS:
        for t in reg.types_by_jurisdiction[j.upper()]:
            for p in reg.qualification(t).placements:
                if p.level.startswith("isced-2011:") and not p.verified:
                    assert p.isced_code is None, t


@pytest.mark.parametrize("j", JURISDICTIONS)
def test_each_jurisdiction_has_upper_secondary_and_a_bachelor(reg: Registry, j: str) -> None:
    levels = {p.level for t in reg.types_by_jurisdiction[j.upper()] for p in reg.qualification(t).placements}
    assert {"isced-2011:3", "isced-2011:6"} <= levels


@pytest.mark.parametrize(
    ("script_tag", "latin_tag"), [("th", "th-Latn"), ("kk", "kk-Latn"), ("ru", "ru-Latn")]
)
def test_non_latin_names_have_a_romanisation(reg: Registry, script_tag: str, latin_tag: str) -> None:
    named = [
        qt for qt in reg.qualifications.values() if qt.id[:2] in JURISDICTIONS and script_tag in qt.names
    ]
    assert named
    for qt in named:
        latin = qt.names.get(latin_tag, "")
        assert latin and not any("\u0400" <= ch <= "\u04ff" or "\u0e00" <= ch <= "\u0e7f" for ch in latin), (
            qt.id
        )


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        ("ปริญญาตรี", "TH", "th/parinya-tri"),
        ("Диплом бакалавра", "KZ", "kz/bachelor"),
        ("Bằng thạc sĩ", "VN", "vn/thac-si"),
        ("NC II", "PH", "ph/nc-ii"),
        ("NCEA Level 3", "NZ", "nz/ncea-level-3"),
    ],
)
def test_certificate_names_find_their_type(reg: Registry, query: str, country: str, expected: str) -> None:
    hits = search_qualifications(reg, query, country)
    assert hits and hits[0].type_id == expected and hits[0].score == 100
