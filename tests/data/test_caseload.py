"""The countries Japanese recognising bodies see most, as an evaluator depends on them (issue 13).

JASSO's yearly survey names the countries most international students in Japan come from; NIC-Japan and
the admissions offices need each one's ladder of qualifications, from school completion to the
doctorate, with the cumulative years of schooling the Japanese entry rules count (学校教育法施行規則
150条: 12 years for university, 16 for graduate school, 18 for medical doctorates).

What is asserted is the shape an evaluator relies on (every stage present, years given as a range,
names in the original script with a romanisation and English, ISCED placements well formed, every fact
pointing at a source the file defines) and a handful of facts the data marks as verified against a
named source. Facts marked ``verified: false`` (most degree lengths, every ISCED placement outside
Japan) are never asserted as truth here.
"""

from __future__ import annotations

import pytest

from qualbridge.registry.check import check
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import Profile, QualificationType
from qualbridge.registry.search import search_qualifications

#: the issue's caseload countries and the language of their certificates (the original script);
#: ``True`` where that script is not Latin, so a romanisation (``<lang>-Latn``) must accompany it
CASELOAD = {
    "NP": ("ne", True), "MM": ("my", True), "LK": ("si", True), "TW": ("zh-Hant", True),
    "BD": ("bn", True), "MN": ("mn", True), "UZ": ("uz", False), "PK": ("ur", True),
    "KH": ("km", True), "SG": ("en", False), "RU": ("ru", True), "LA": ("lo", True),
    "BT": ("en", False), "KG": ("ky", True), "PE": ("es", False), "BR": ("pt", False),
    "KZ": ("kk", True),
}  # fmt: skip
#: countries the issue asks to deepen, with the same reading
DEEPENED = {
    "CN": ("zh", True), "KR": ("ko", True), "IN": ("en", False), "PH": ("en", False),
    "MY": ("ms", False), "ID": ("id", False), "VN": ("vi", False), "TH": ("th", True),
    "JP": ("ja", True),
}  # fmt: skip
ALL = {**CASELOAD, **DEEPENED}

#: stages a country's ladder may lack because no source at hand documented them (said in the file)
NO_DOCTORATE = {"BT"}  # Bhutan's degrees stop at the master's in the sources read
NO_VOCATIONAL = {"BT"}
NO_PROFESSIONAL_FIRST_DEGREE = {"MN", "UZ", "LA", "BT"}  # medicine is folded into the bachelor's there

#: facts the files mark verified, with the source they cite: (type, min, max, source key)
SOURCED_YEARS = [
    ("np/see", 10, 10, "nuffic-np"),
    ("np/grade-12", 12, 12, "mofa-np"),
    ("np/mbbs", 17, 18, "nuffic-np"),
    ("lk/gce-ol", 11, 11, "mofa-lk"),
    ("lk/gce-al", 13, 13, "mofa-lk"),
    ("lk/bachelor-general", 16, 16, "nuffic-lk"),
    ("lk/bachelor-honours", 17, 17, "nuffic-lk"),
    ("bd/ssc", 10, 10, "mofa-bd"),
    ("bd/hsc", 12, 12, "mofa-bd"),
    ("ru/attestat-srednee", 11, 11, "mofa-ru"),
    ("ru/magistr", 17, 17, "mofa-ru"),
    ("kh/bac-ii", 12, 12, "mofa-kh"),
    ("sg/gce-a-level", 12, 13, "mofa-sg"),
    ("my/spm", 11, 11, "mofa-my"),
    ("in/secondary-class-x", 10, 10, "mofa-in"),
    ("in/higher-secondary", 12, 12, "mofa-in"),
    ("br/medicina", 18, 18, "mofa-br"),
    ("jp/kotogakko-sotsugyo", 12, 12, "jasso-schooling"),
    ("jp/gakushi", 16, 16, "jasso-schooling"),
    ("jp/gakushi-6year", 18, 18, "jasso-schooling"),
]


@pytest.fixture(scope="module")
def checked() -> tuple[Registry, list[str]]:
    registry, problems = check()
    return registry, [str(p) for p in problems]


@pytest.fixture(scope="module")
def reg(checked: tuple[Registry, list[str]]) -> Registry:
    return checked[0]


def types_of(reg: Registry, code: str) -> list[QualificationType]:
    return [reg.qualification(t) for t in reg.types_by_jurisdiction[code]]


def isced_levels(qt: QualificationType) -> set[int]:
    return {int(p.level.split(":")[1]) for p in qt.placements if p.level.startswith("isced-2011:")}


def test_the_caseload_files_pass_every_data_rule(checked: tuple[Registry, list[str]]) -> None:
    _, problems = checked
    mine = tuple(f"qualifications/{c.lower()}.yaml" for c in ALL)
    assert [p for p in problems if p.startswith(mine)] == []


@pytest.mark.parametrize("code", sorted(CASELOAD))
def test_each_caseload_country_has_its_whole_ladder(reg: Registry, code: str) -> None:
    """School completion, a bachelor's and a master's everywhere; the other stages where sourced."""
    types = types_of(reg, code)
    levels = set().union(*(isced_levels(t) for t in types))
    assert {3, 6, 7} <= levels
    if code not in NO_DOCTORATE:
        assert 8 in levels
    if code not in NO_VOCATIONAL:
        assert any(t.profile is Profile.VOCATIONAL for t in types)
    if code not in NO_PROFESSIONAL_FIRST_DEGREE:
        assert any(t.profile is Profile.PROFESSIONAL and isced_levels(t) & {6, 7} for t in types)


@pytest.mark.parametrize("code", sorted(ALL))
def test_every_type_states_its_years_of_schooling_as_a_range(reg: Registry, code: str) -> None:
    for qt in types_of(reg, code):
        years = qt.years_of_schooling
        assert years is not None, qt.id
        assert isinstance(years.min_years, int) and isinstance(years.max_years, int), qt.id
        assert 6 <= years.min_years <= years.max_years <= 27, qt.id
        assert years.verified or years.note, f"{qt.id}: an unverified count must say why"


def test_years_never_fall_along_a_route(reg: Registry) -> None:
    """A qualification a type gives access to represents more years of schooling on some route.

    Only the upper end is compared: a target with several entry routes (an NVQ diploma after O/L or
    A/L) may start lower than one of the types leading to it."""
    for code in ALL:
        for qt in types_of(reg, code):
            if qt.years_of_schooling is None:
                continue
            for target in qt.access_to:
                if target not in reg.qualifications:
                    continue
                later = reg.qualification(target).years_of_schooling
                if later is not None:
                    assert later.max_years > qt.years_of_schooling.min_years, (qt.id, target)


def test_years_name_a_source_the_file_defines(reg: Registry) -> None:
    for code in ALL:
        qfile = reg.qualification_files[code]
        for qt in qfile.types:
            years = qt.years_of_schooling
            if years is not None and years.source is not None:
                assert years.source in qfile.sources, qt.id


@pytest.mark.parametrize(("type_id", "low", "high", "source"), SOURCED_YEARS)
def test_sourced_years_of_schooling(reg: Registry, type_id: str, low: int, high: int, source: str) -> None:
    years = reg.qualification(type_id).years_of_schooling
    assert years is not None and years.verified
    qt = reg.qualification(type_id)
    qfile = reg.qualification_files[type_id.split("/")[0].upper()]
    assert (years.source or qt.source or qfile.source) == source
    assert (years.min_years, years.max_years) == (low, high)


@pytest.mark.parametrize(
    ("type_id", "level", "source"),
    [("lk/bachelor-general", "lk-slqf:5", "nuffic-lk"), ("lk/bachelor-honours", "lk-slqf:6", "nuffic-lk")],
)
def test_sourced_national_framework_placements(reg: Registry, type_id: str, level: str, source: str) -> None:
    """Nuffic places the 3-year general bachelor's at SLQF 5 and the 4-year honours degree at SLQF 6:
    the two must not be folded into one type, or a 15-16-year and a 17-year degree read alike."""
    placed = [
        p for p in reg.qualification(type_id).placements if p.level.startswith(level.split(":")[0] + ":")
    ]
    assert [(p.level, p.verified, p.source) for p in placed] == [(level, True, source)]


@pytest.mark.parametrize("code", sorted(ALL))
def test_names_carry_the_original_script_a_romanisation_and_english(reg: Registry, code: str) -> None:
    lang, needs_romanisation = ALL[code]
    for qt in types_of(reg, code):
        assert "en" in qt.names, qt.id
        if lang == "en":
            continue
        if code in DEEPENED and lang not in qt.names:
            continue  # types that predate this file's deepening may carry English only (e.g. NHEQF awards)
        assert lang in qt.names, qt.id
        if needs_romanisation:
            assert f"{lang}-Latn" in qt.names or "zh-Latn" in qt.names, qt.id


@pytest.mark.parametrize("code", sorted(CASELOAD))
def test_new_country_names_are_in_the_original_script(reg: Registry, code: str) -> None:
    lang, _ = CASELOAD[code]
    if lang == "en":
        return
    assert all(lang in qt.names for qt in types_of(reg, code))


@pytest.mark.parametrize("code", sorted(ALL))
def test_isced_placements_are_well_formed(reg: Registry, code: str) -> None:
    for qt in types_of(reg, code):
        for p in qt.placements:
            if not p.level.startswith("isced-2011:"):
                continue
            assert p.level in reg.levels, qt.id
            if p.isced_code is not None:
                assert p.isced_code[0] == p.level.split(":")[1], qt.id
            if not p.verified:
                assert p.isced_code is None, f"{qt.id}: an unverified placement carries no programme code"
                assert p.note, f"{qt.id}: an unverified placement must say what was looked for"


@pytest.mark.parametrize("code", sorted(CASELOAD | {"CN": ALL["CN"], "KR": ALL["KR"], "MY": ALL["MY"]}))
def test_every_type_has_some_isced_placement(reg: Registry, code: str) -> None:
    """Without one a comparison into the JEQF has no route at all (the Malaysian Diploma fell to
    individual assessment for that reason)."""
    for qt in types_of(reg, code):
        assert isced_levels(qt), qt.id


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        ("SLC", "NP", "np/see"),
        ("SEE", "NP", "np/see"),
        ("+2", "NP", "np/grade-12"),
        ("HSC", "BD", "bd/hsc"),
        ("SSC", "PK", "pk/ssc"),
        ("Intermediate (Pakistan)", "PK", "pk/hssc"),
        ("GCE A/L", "LK", "lk/gce-al"),
        ("Аттестат", "RU", "ru/attestat-srednee"),
        ("Диплом специалиста", "RU", "ru/specialist"),
        ("Bakalavr diplomi", "UZ", "uz/bakalavr"),
        ("學士", "TW", "tw/xueshi"),
        ("မဟာဘွဲ့", "MM", "mm/master"),
        ("MBBS", "IN", "in/mbbs"),
        ("B.Tech.", "IN", "in/btech"),
        ("中专", "CN", "cn/zhongzhuan"),
        ("专业硕士", "CN", "cn/zhuanye-shuoshi"),
        ("의학사", "KR", "kr/uihaksa"),
        ("Bacharelado", "BR", "br/bacharelado"),
        ("Polytechnic Diploma", "SG", "sg/polytechnic-diploma"),
    ],
)
def test_names_as_applicants_write_them_find_their_type(
    reg: Registry, query: str, country: str, expected: str
) -> None:
    hits = search_qualifications(reg, query, country)
    assert hits and hits[0].type_id == expected and hits[0].score == 100
