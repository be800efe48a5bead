"""The European core: EQF, QF-EHEA, the UK and Irish frameworks, DQR, the French and Dutch frameworks.

Each asserted fact is one a credential evaluator relies on and that a source confirms: the EQF text
(Council Recommendation 2017, Annex II), Table 1 of the UK/Ireland leaflet "Qualifications can cross
boundaries", the FHEQ's table of cycles (QAA 2008), the Irish referencing (NQAI 2009), Nuffic's table of
Dutch diplomas, the DQR office and the HRK, and the French 2019 levels. Rows the data marks
``verified: false`` are never asserted as truth; one test keeps them marked.
"""

from __future__ import annotations

import pytest

from qualbridge.registry.check import check
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Alignment, LevelMapping, MatchType
from qualbridge.registry.search import search_qualifications

FRAMEWORKS = [
    "eu-eqf", "ehea-qf", "gb-rqf", "gb-fheq", "gb-scqf", "gb-cqfw", "ie-nfq", "de-dqr", "fr-nqf", "nl-nlqf",
]  # fmt: skip
UK_IE = ["gb-rqf", "gb-cqfw", "gb-scqf", "ie-nfq"]
COMPARISONS = [
    ("gb-rqf", "gb-cqfw"), ("gb-rqf", "gb-scqf"), ("gb-rqf", "ie-nfq"),
    ("gb-cqfw", "gb-scqf"), ("gb-cqfw", "ie-nfq"), ("gb-scqf", "ie-nfq"),
]  # fmt: skip
MY_FILES = [
    *FRAMEWORKS,
    *(f"{a}__{b}" for a, b in COMPARISONS),
    "gb.yaml",
    "ie.yaml",
    "de.yaml",
    "fr.yaml",
    "nl.yaml",
]


@pytest.fixture(scope="module")
def reg() -> Registry:
    registry, problems = check()
    assert [str(p) for p in problems if any(f in p.file for f in MY_FILES)] == []
    return registry


def row(reg: Registry, alignment_id: str, level: str) -> LevelMapping:
    (found,) = [m for m in reg.alignments[alignment_id].mappings if m.from_level == level]
    return found


def eqf_of(reg: Registry, framework: str, level: str) -> list[str]:
    return row(reg, f"{framework}__eu-eqf", level).to


# -- the EQF itself -------------------------------------------------------------------------------


def test_eqf_has_eight_levels_each_with_three_english_descriptors(reg: Registry) -> None:
    eqf = reg.framework("eu-eqf")
    assert [lv.notation for lv in eqf.levels] == [str(n) for n in range(1, 9)]
    domains = {d.id for d in eqf.domains}
    assert domains == {"knowledge", "skills", "responsibility-and-autonomy"}
    for lv in eqf.levels:
        assert set(lv.descriptors) == domains, lv.notation
        assert all(text["en"].strip() for text in lv.descriptors.values()), lv.notation


def test_eqf_descriptors_are_the_recommendation_wording(reg: Registry) -> None:
    # spot checks against the Commission's comparison page (ploteus), Annex II of the 2017 Recommendation
    levels = {lv.notation: lv for lv in reg.framework("eu-eqf").levels}
    assert levels["1"].descriptors["knowledge"]["en"] == "Basic general knowledge"
    assert (
        levels["6"]
        .descriptors["skills"]["en"]
        .startswith("Advanced skills, demonstrating mastery and innovation")
    )
    assert levels["8"].descriptors["knowledge"]["en"] == (
        "Knowledge at the most advanced frontier of a field of work or study and at the interface between fields"
    )
    # every level says something different in every domain (no copy-paste slip between levels)
    for domain in ("knowledge", "skills", "responsibility-and-autonomy"):
        texts = [lv.descriptors[domain]["en"] for lv in levels.values()]
        assert len(set(texts)) == 8, domain


def test_eqf_level_uris_follow_the_europass_pattern(reg: Registry) -> None:
    template = reg.framework("eu-eqf").level_uri_template
    assert template is not None
    assert template.format(notation="7") == "http://data.europa.eu/snb/eqf/7"


# -- referencing to the EQF (Table 1 of the UK/Ireland leaflet; national sources) ---------------

IRISH_NFQ_TO_EQF = {"10": ["8"], "9": ["7"], "8": ["6"], "7": ["6"], "6": ["5"], "5": ["4"], "4": ["3"], "3": ["2"],
                    "2": ["1"], "1": ["1"]}  # fmt: skip


@pytest.mark.parametrize(("nfq", "eqf"), IRISH_NFQ_TO_EQF.items())
def test_irish_nfq_to_eqf_row_by_row(reg: Registry, nfq: str, eqf: list[str]) -> None:
    mapping = row(reg, "ie-nfq__eu-eqf", nfq)
    assert mapping.to == eqf
    assert mapping.verified


def test_irish_referencing_is_the_2009_decision_of_the_nqai(reg: Registry) -> None:
    al = reg.alignments["ie-nfq__eu-eqf"]
    assert al.kind == "referencing"
    assert al.decided_text == "2009-06"
    assert "NQAI" in al.body["en"]


SCQF_TO_EQF = {"12": ["8"], "11": ["7"], "10": ["6"], "9": ["6"], "8": ["5"], "7": ["5"], "6": ["4"], "5": ["3"],
               "4": ["2"], "3": ["1"], "2": [], "1": []}  # fmt: skip
RQF_TO_EQF = {"8": ["8"], "7": ["7"], "6": ["6"], "5": ["5"], "4": ["5"], "3": ["4"], "2": ["3"], "1": ["2"],
              "e3": ["1"], "e2": [], "e1": []}  # fmt: skip


@pytest.mark.parametrize(("scqf", "eqf"), SCQF_TO_EQF.items())
def test_scqf_to_eqf(reg: Registry, scqf: str, eqf: list[str]) -> None:
    mapping = row(reg, "gb-scqf__eu-eqf", scqf)
    assert mapping.to == eqf
    assert (mapping.match is MatchType.NO_MATCH) == (not eqf)


@pytest.mark.parametrize("framework", ["gb-rqf", "gb-cqfw"])
def test_rqf_and_cqfw_to_eqf(reg: Registry, framework: str) -> None:
    assert {m.from_level: m.to for m in reg.alignments[f"{framework}__eu-eqf"].mappings} == RQF_TO_EQF


def test_two_levels_sharing_one_eqf_level_are_broad_matches(reg: Registry) -> None:
    # RQF 4 and 5 both reference to EQF 5: EQF 5 is broader than either, never an exact match
    for level in ("4", "5"):
        assert row(reg, "gb-rqf__eu-eqf", level).match is MatchType.BROAD
    assert row(reg, "ie-nfq__eu-eqf", "7").match is MatchType.BROAD
    assert row(reg, "gb-scqf__eu-eqf", "11").match is MatchType.EXACT


def test_fheq_to_eqf_follows_the_leaflet_fheq_column(reg: Registry) -> None:
    assert {m.from_level: m.to for m in reg.alignments["gb-fheq__eu-eqf"].mappings} == {
        "4": ["5"], "5": ["5"], "6": ["6"], "7": ["7"], "8": ["8"],
    }  # fmt: skip


@pytest.mark.parametrize("framework", ["gb-rqf", "gb-cqfw", "gb-scqf"])
def test_uk_referencing_records_its_date_and_the_post_brexit_status(reg: Registry, framework: str) -> None:
    al = reg.alignments[f"{framework}__eu-eqf"]
    assert al.decided_text in {"2019-10", "2018-12"}
    assert al.note is not None and "2020" in al.note and "2010" in al.note


def test_dqr_and_french_levels_reference_one_to_one(reg: Registry) -> None:
    for framework in ("de-dqr", "fr-nqf"):
        al = reg.alignments[f"{framework}__eu-eqf"]
        assert {m.from_level: m.to for m in al.mappings} == {str(n): [str(n)] for n in range(1, 9)}


def test_nlqf_four_plus_is_eqf_four_and_entry_level_is_unconfirmed(reg: Registry) -> None:
    assert eqf_of(reg, "nl-nlqf", "4+") == ["4"]
    assert eqf_of(reg, "nl-nlqf", "4") == ["4"]
    assert eqf_of(reg, "nl-nlqf", "5") == ["5"]
    entry = row(reg, "nl-nlqf__eu-eqf", "entry")
    assert entry.verified is False and entry.note


# -- higher-education cycles ------------------------------------------------------------------


def test_qf_ehea_cycles_are_eqf_5_to_8(reg: Registry) -> None:
    assert {m.from_level: m.to for m in reg.alignments["ehea-qf__eu-eqf"].mappings} == {
        "short-cycle": ["5"], "first-cycle": ["6"], "second-cycle": ["7"], "third-cycle": ["8"],
    }  # fmt: skip


def test_fheq_cycles_per_the_2008_self_certification(reg: Registry) -> None:
    al = reg.alignments["gb-fheq__ehea-qf"]
    assert {m.from_level: m.to for m in al.mappings} == {
        "4": [], "5": ["short-cycle"], "6": ["first-cycle"], "7": ["second-cycle"], "8": ["third-cycle"],
    }  # fmt: skip
    assert al.decided_text == "2008-11"


def test_irish_nfq_cycles(reg: Registry) -> None:
    cycles = {m.from_level: m.to for m in reg.alignments["ie-nfq__ehea-qf"].mappings}
    assert cycles["6"] == ["short-cycle"]
    assert cycles["7"] == cycles["8"] == ["first-cycle"]
    assert cycles["9"] == ["second-cycle"]
    assert cycles["10"] == ["third-cycle"]
    assert all(cycles[str(n)] == [] for n in range(1, 6))


# -- UK / Ireland comparability (the leaflet) ----------------------------------------------------


@pytest.mark.parametrize(("src", "tgt"), COMPARISONS)
def test_comparisons_agree_with_both_eqf_referencings(reg: Registry, src: str, tgt: str) -> None:
    """Levels compared in the leaflet reference to the same EQF level (or both to none)."""
    al: Alignment = reg.alignments[f"{src}__{tgt}"]
    assert al.kind == "comparability-study" and al.symmetric
    assert al.decided_text
    for m in al.mappings:
        source_eqf = eqf_of(reg, src, m.from_level)
        if not m.to:
            assert source_eqf == [] or all(
                eqf_of(reg, tgt, lv.notation) != source_eqf for lv in reg.framework(tgt).levels
            ), (src, m.from_level)
        for target in m.to:
            assert eqf_of(reg, tgt, target) == source_eqf, (src, m.from_level, target)


def test_leaflet_top_rows(reg: Registry) -> None:
    assert row(reg, "gb-rqf__ie-nfq", "8").to == ["10"]
    assert row(reg, "gb-rqf__gb-scqf", "8").to == ["12"]
    assert row(reg, "gb-scqf__ie-nfq", "11").to == ["9"]
    assert sorted(row(reg, "gb-rqf__ie-nfq", "6").to) == ["7", "8"]
    # a comparison is never stated as an exact equivalence
    for src, tgt in COMPARISONS:
        assert all(m.match is not MatchType.EXACT for m in reg.alignments[f"{src}__{tgt}"].mappings)


# -- qualification types ------------------------------------------------------------------------


def placements(reg: Registry, type_id: str) -> set[str]:
    return {p.level for p in reg.qualification(type_id).placements if p.verified}


def test_uk_degrees_on_fheq_and_scqf(reg: Registry) -> None:
    assert {"gb-fheq:6", "gb-scqf:10"} <= placements(reg, "gb/bachelor-honours")
    assert {"gb-fheq:6", "gb-scqf:9"} <= placements(reg, "gb/bachelor-ordinary")
    for type_id in ("gb/integrated-master", "gb/master", "gb/pgdip", "gb/pgcert"):
        assert {"gb-fheq:7", "gb-scqf:11"} <= placements(reg, type_id), type_id
    assert {"gb-fheq:8", "gb-scqf:12"} <= placements(reg, "gb/doctorate")
    assert "gb-scqf:6" in placements(reg, "gb/scottish-higher")
    assert "gb-scqf:7" in placements(reg, "gb/scottish-advanced-higher")
    assert "gb-rqf:3" in placements(reg, "gb/a-level")


def test_irish_major_awards(reg: Registry) -> None:
    assert placements(reg, "ie/leaving-certificate") >= {"ie-nfq:4", "ie-nfq:5"}
    assert "ie-nfq:8" in placements(reg, "ie/honours-bachelor")
    assert "ie-nfq:8" in placements(reg, "ie/higher-diploma")
    assert "ie-nfq:7" in placements(reg, "ie/ordinary-bachelor")
    credits = reg.qualification("ie/honours-bachelor").credits
    assert credits is not None and (credits.amount, credits.max_amount, credits.system) == (180, 240, "ects")


def test_german_placements(reg: Registry) -> None:
    assert "de-dqr:4" in placements(reg, "de/abitur")
    assert "de-dqr:4" in placements(reg, "de/duale-ausbildung-3")
    # the Meister sits on the same DQR level as the bachelor
    assert placements(reg, "de/meister") & placements(reg, "de/bachelor") == {"de-dqr:6"}
    assert "de-dqr:8" in placements(reg, "de/promotion")


def test_french_and_dutch_placements(reg: Registry) -> None:
    assert "fr-nqf:3" in placements(reg, "fr/cap")
    assert "fr-nqf:5" in placements(reg, "fr/bts")
    assert "fr-nqf:6" in placements(reg, "fr/licence-professionnelle")
    assert "fr-nqf:7" in placements(reg, "fr/diplome-ingenieur")
    assert "nl-nlqf:4+" in placements(reg, "nl/vwo")
    assert "nl-nlqf:4" in placements(reg, "nl/havo")
    assert "nl-nlqf:5" in placements(reg, "nl/associate-degree")


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("BSc Hons", "GB", "gb/bachelor-honours"),
        ("BA (Hons)", "GB", "gb/bachelor-honours"),
        ("MEng", "GB", "gb/integrated-master"),
        ("Scottish Highers", "GB", "gb/scottish-higher"),
        ("Licence pro", "FR", "fr/licence-professionnelle"),
        ("Meister", "DE", "de/meister"),
        ("Abitur", "DE", "de/abitur"),
        ("Leaving Cert", "IE", "ie/leaving-certificate"),
        ("VWO diploma", "NL", "nl/vwo"),
    ],
)
def test_names_users_type_find_the_type(reg: Registry, text: str, country: str, expected: str) -> None:
    hits = search_qualifications(reg, text, country=country)
    assert hits and hits[0].type_id == expected


# -- what the data must not claim ------------------------------------------------------------------


def test_unconfirmed_facts_stay_marked(reg: Registry) -> None:
    # typical ISCED codes were not checked against the countries' ISCED mappings
    for cc in ("GB", "IE", "DE", "FR", "NL"):
        for qt in reg.qualification_files[cc].types:
            for p in qt.placements:
                if p.level.startswith("isced-2011:"):
                    assert p.verified is False, (qt.id, p.level)
    # second-cycle German state and university degrees: DQR 7 only from background knowledge
    for type_id in ("de/staatsexamen", "de/diplom-univ", "de/magister"):
        assert reg.qualification(type_id).verified is False
    assert reg.qualification("fr/but").verified is False
