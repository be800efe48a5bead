"""European NQFs referenced to the EQF: the referencing rows a credential evaluator relies on.

Only rows confirmed in a source are asserted (each case cites it). Rows that the data takes from the
third-party transcription of Cedefop's 2024 level tables are ``verified: false`` and are never asserted
as truth; a separate test keeps them marked that way.
"""

from __future__ import annotations

import pytest

from qualbridge.registry.check import check
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Alignment, LevelMapping

#: frameworks curated from eqf-referencing.md (issue 2); the EQF itself is curated elsewhere
CURATED = [
    "at-nqr", "be-cfc", "be-vks", "ch-nqf", "cy-cyqf", "dk-nqf", "ee-ekr", "fi-nqf", "hr-hko", "hu-mkkr", "it-qnq",
    "lt-ltks", "lu-clq", "lv-lki", "mt-mqf", "no-nkr", "pl-prk", "pt-qnq", "se-seqf", "si-sok", "tr-tqf",
]  # fmt: skip


@pytest.fixture(scope="module")
def reg() -> Registry:
    registry, problems = check()
    assert [str(p) for p in problems if any(f in p.file for f in CURATED)] == []
    return registry


def alignment(reg: Registry, framework: str) -> Alignment:
    return reg.alignments[f"{framework}__eu-eqf"]


def row(reg: Registry, framework: str, level: str) -> LevelMapping:
    (found,) = [m for m in alignment(reg, framework).mappings if m.from_level == level]
    return found


SOURCED_ROWS = [
    # Slovenia, 10-level SOK -- nok.si register: Diploma tretje stopnje (doctorate) is SQF 10 / EQF 8
    ("si-sok", "10", "8"),
    # nok.si SOK scheme: the magisterij znanosti/umetnosti at SOK 9 was referenced to EQF 8
    ("si-sok", "9", "8"),
    # nok.si register: Diploma druge stopnje (enoviti magistrski) is SQF 8 / EQF 7
    ("si-sok", "8", "7"),
    # nok.si SOK scheme: short-cycle višja strokovna izobrazba SOK 6 / EOK 5; matura SOK 5 / EOK 4; SOK 4 / EOK 4
    ("si-sok", "6", "5"),
    ("si-sok", "5", "4"),
    ("si-sok", "4", "4"),
    # Poland -- Nuffic "Polen: niveau van diploma's" gives PRK and EQF side by side (IV-4 ... VII-7)
    ("pl-prk", "4", "4"),
    ("pl-prk", "5", "5"),
    ("pl-prk", "6", "6"),
    ("pl-prk", "7", "7"),
    # Cyprus -- cyqf.gov.cy diagram: sub-levels 5a-5c sit under EQF 5 and 7a-7c under EQF 7
    ("cy-cyqf", "5a", "5"),
    ("cy-cyqf", "5c", "5"),
    ("cy-cyqf", "7c", "7"),
    # Norway -- NOKUT: NKR 6/7/8 = EQF 6/7/8; Cedefop 2024: VET certificates at "NKR/EQF level 4", fagskole EQF 5
    ("no-nkr", "4", "4"),
    ("no-nkr", "5", "5"),
    ("no-nkr", "8", "8"),
    # Estonia -- Europass compare page (Ireland/Estonia): EKR 6, 7, 8 qualifications at EQF 6, 7, 8
    ("ee-ekr", "6", "6"),
    ("ee-ekr", "8", "8"),
    # Portugal -- Europass compare page (Portugal/Ireland): QNQ 5-8 at EQF 5-8
    ("pt-qnq", "6", "6"),
    ("pt-qnq", "8", "8"),
]


@pytest.mark.parametrize(("framework", "level", "eqf"), SOURCED_ROWS)
def test_sourced_referencing_rows(reg: Registry, framework: str, level: str, eqf: str) -> None:
    mapping = row(reg, framework, level)
    assert mapping.to == [eqf]
    assert mapping.verified, f"{framework}:{level} is sourced and must stay verified"


# Austria: qualifikationsregister.at (descriptors page) -- each NQR level equals the EQF level of the same number.
# Poland: Act on the Integrated Qualifications System -- eight PRK levels corresponding to the respective EQF levels.
# Sweden: Eurydice -- the eight SeQF levels correspond to the EQF levels.
# Switzerland: SERI FAQ -- an NQF VPET level-6 qualification has EQF level 6 (same numbering at all eight levels).
@pytest.mark.parametrize("framework", ["at-nqr", "pl-prk", "se-seqf", "ch-nqf"])
def test_one_to_one_frameworks(reg: Registry, framework: str) -> None:
    rows = {m.from_level: (m.to, m.match.value, m.verified) for m in alignment(reg, framework).mappings}
    assert rows == {str(n): ([str(n)], "exactMatch", True) for n in range(1, 9)}


def test_slovenia_has_ten_levels_and_its_top_two_share_eqf_8(reg: Registry) -> None:
    # gov.si: the SOK has 10 levels; nok.si: SOK 9 (magisterij znanosti) and SOK 10 (doctorate) are EQF 8
    assert [lv.notation for lv in reg.framework("si-sok").levels] == [str(n) for n in range(1, 11)]
    top = [m for m in alignment(reg, "si-sok").mappings if m.to == ["8"]]
    assert sorted(m.from_level for m in top) == ["10", "9"]
    assert all(m.match.value == "broadMatch" for m in top)


def test_norway_has_no_level_1(reg: Registry) -> None:
    # NOKUT / Cedefop: seven levels, 2-8; no qualifications and no descriptors at level 1
    assert [lv.notation for lv in reg.framework("no-nkr").levels] == [str(n) for n in range(2, 9)]
    assert "1" not in {t for m in alignment(reg, "no-nkr").mappings for t in m.to}


@pytest.mark.parametrize(
    ("type_id", "eqf"),
    [
        ("si/diploma-tretje-stopnje", "8"),  # nok.si register: SQF 10 -> EQF 8
        ("si/splosna-matura", "4"),  # nok.si scheme: general matura SOK 5 -> EQF 4
        ("pl/magister", "7"),  # Nuffic: Dyplom magister PRK VII, EQF 7
        ("mt/bachelor", None),  # MFHEA: MQF 6; the MQF->EQF row is unverified, so no EQF answer
        ("at/meister", "6"),  # qualifikationsregister.at: all Meister at NQR 6 = EQF 6
        ("cy/master", "7"),  # cyqf.gov.cy: master's at CyQF 7c, under EQF 7
    ],
)
def test_qualification_reaches_eqf_through_verified_rows(
    reg: Registry, type_id: str, eqf: str | None
) -> None:
    """Type -> verified national placement -> verified referencing row -> EQF level."""
    reached = set()
    for placement in reg.qualification(type_id).placements:
        fw_id, notation = placement.level.split(":", 1)
        key = f"{fw_id}__eu-eqf"
        if not placement.verified or key not in reg.alignments:
            continue
        reached |= {
            t for m in reg.alignments[key].mappings if m.from_level == notation and m.verified for t in m.to
        }
    assert reached == ({eqf} if eqf else set())


@pytest.mark.parametrize("framework", CURATED)
def test_rows_from_the_unchecked_transcription_stay_unverified(reg: Registry, framework: str) -> None:
    al = alignment(reg, framework)
    from_transcription = [m for m in al.mappings if (m.source or al.source) == "c24"]
    assert all(not m.verified for m in from_transcription)
    assert al.body and (al.decided or al.decided_text or al.note)


@pytest.mark.parametrize("framework", CURATED)
def test_every_curated_country_places_its_degrees(reg: Registry, framework: str) -> None:
    """Upper-secondary completion and bachelor/master/doctorate exist on ISCED 3, 6, 7 and 8."""
    jurisdiction = reg.framework(framework).jurisdiction
    levels = {
        p.level for t in reg.types_by_jurisdiction[jurisdiction] for p in reg.qualifications[t].placements
    }
    assert {"isced-2011:3", "isced-2011:6", "isced-2011:7", "isced-2011:8"} <= levels
