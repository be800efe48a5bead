"""Published comparisons, each with its source: the engine over the real data must give what they say.

Every case cites the table or statement it comes from. A case is only held against the engine when
everything its answer rests on is verified in the data (the routes the answer uses, or the noMatch
decision behind an individual assessment); otherwise it is skipped with the reason, never treated as
truth. ``None`` as the expected levels means the source gives no level: the engine must answer
``individual-assessment`` and claim no level.
"""

from __future__ import annotations

import pytest

from qualbridge.compare import compare
from qualbridge.compare.model import Comparison, Outcome
from qualbridge.registry.loader import Registry

LEAFLET = (
    "Qualifications can cross boundaries (SCQF Partnership, CQFW, CCEA, Ofqual, QQI), Table 1 "
    "https://docslib.org/doc/5620981/qualifications-can-cross-boundaries"
)
LEAFLET_HE = LEAFLET.replace("Table 1", "Table 2")
NZQA_IE = "NZQA, How NZ and Irish qualifications compare https://www2.nzqa.govt.nz/international/recognition-arrangements/ireland-nz"
NZQA_EU = (
    "NZQA-European Commission joint technical report (announced 30 June 2017), table on "
    "https://www2.nzqa.govt.nz/international/recognition-arrangements/ireland-nz"
)
NZQA_HK = "NZQA, NZ and Hong Kong qualifications https://www2.nzqa.govt.nz/international/recognition-arrangements/hong-kong-nz"
NZQA_AU = (
    "NZQA, Australia and NZ https://www2.nzqa.govt.nz/international/recognition-arrangements/australia-nz"
)
NQR = "Austrian NQR: each NQR level equals the EQF level of the same number https://www.qualifikationsregister.at/en/der-nqr/deskriptoren/"
DQR = "DQR and EQF levels correspond one to one https://www.dqr.de/content_en/2323.php"
EHEA = "Council Recommendation on the EQF (2017/C 189/03), Annex II https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017H0615(01)"
JEQF = "NIC-Japan, Japanese Educational Qualifications Framework https://www.nicjp.niad.ac.jp/japanese-system/jeqf.html"

#: (query, target framework, expected target levels or None, source)
CASES: list[tuple[str, str, list[str] | None, str]] = [
    # EQF referencing of the UK and Irish frameworks
    ("gb-scqf:12", "eu-eqf", ["eu-eqf:8"], LEAFLET),
    ("gb-scqf:11", "eu-eqf", ["eu-eqf:7"], LEAFLET),
    ("gb-scqf:10", "eu-eqf", ["eu-eqf:6"], LEAFLET),
    ("gb-scqf:9", "eu-eqf", ["eu-eqf:6"], LEAFLET),
    ("gb-scqf:8", "eu-eqf", ["eu-eqf:5"], LEAFLET),
    ("gb-scqf:6", "eu-eqf", ["eu-eqf:4"], LEAFLET),
    ("gb-scqf:3", "eu-eqf", ["eu-eqf:1"], LEAFLET),
    ("gb-scqf:2", "eu-eqf", None, LEAFLET),
    ("gb-rqf:8", "eu-eqf", ["eu-eqf:8"], LEAFLET),
    ("gb-rqf:6", "eu-eqf", ["eu-eqf:6"], LEAFLET),
    ("gb-rqf:4", "eu-eqf", ["eu-eqf:5"], LEAFLET),
    ("gb-rqf:3", "eu-eqf", ["eu-eqf:4"], LEAFLET),
    ("gb-rqf:e3", "eu-eqf", ["eu-eqf:1"], LEAFLET),
    ("gb-rqf:e2", "eu-eqf", None, LEAFLET),
    ("gb-cqfw:6", "eu-eqf", ["eu-eqf:6"], LEAFLET),
    ("gb-cqfw:e1", "eu-eqf", None, LEAFLET),
    ("ie-nfq:10", "eu-eqf", ["eu-eqf:8"], LEAFLET),
    ("ie-nfq:8", "eu-eqf", ["eu-eqf:6"], LEAFLET),
    ("ie-nfq:7", "eu-eqf", ["eu-eqf:6"], LEAFLET),
    ("ie-nfq:6", "eu-eqf", ["eu-eqf:5"], LEAFLET),
    ("ie-nfq:5", "eu-eqf", ["eu-eqf:4"], LEAFLET),
    # the same leaflet across the UK and Irish frameworks, and read from the EQF side
    ("gb-rqf:6", "gb-scqf", ["gb-scqf:9", "gb-scqf:10"], LEAFLET),
    ("gb-rqf:3", "gb-scqf", ["gb-scqf:6"], LEAFLET),
    ("gb-scqf:11", "ie-nfq", ["ie-nfq:9"], LEAFLET),
    ("gb-scqf:10", "ie-nfq", ["ie-nfq:7", "ie-nfq:8"], LEAFLET),
    ("ie-nfq:9", "gb-rqf", ["gb-rqf:7"], LEAFLET),
    ("eu-eqf:4", "gb-scqf", ["gb-scqf:6"], LEAFLET),
    ("eu-eqf:5", "gb-rqf", ["gb-rqf:4", "gb-rqf:5"], LEAFLET),
    # higher-education qualifications on the UK frameworks
    ("gb/bachelor-honours", "gb-scqf", ["gb-scqf:10"], LEAFLET_HE),
    ("gb/bachelor-ordinary", "gb-scqf", ["gb-scqf:9"], LEAFLET_HE),
    ("gb/doctorate", "gb-scqf", ["gb-scqf:12"], LEAFLET_HE),
    ("gb/master", "gb-fheq", ["gb-fheq:7"], LEAFLET_HE),
    # New Zealand and the EQF, Ireland, Hong Kong, Australia
    ("nz-nzqcf:7", "eu-eqf", ["eu-eqf:6"], NZQA_EU),
    ("nz-nzqcf:8", "eu-eqf", None, NZQA_EU),
    ("nz-nzqcf:9", "eu-eqf", ["eu-eqf:7"], NZQA_EU),
    ("nz-nzqcf:1", "eu-eqf", ["eu-eqf:2"], NZQA_EU),
    ("eu-eqf:1", "nz-nzqcf", None, NZQA_EU),
    ("nz-nzqcf:8", "de-dqr", None, NZQA_EU + " (no EQF level, so none in a framework referenced to the EQF)"),
    ("nz-nzqcf:9", "ie-nfq", ["ie-nfq:9"], NZQA_IE),
    ("nz-nzqcf:8", "ie-nfq", None, NZQA_IE),
    ("ie-nfq:3", "nz-nzqcf", ["nz-nzqcf:1"], NZQA_IE),
    ("nz-nzqcf:10", "hk-qf", ["hk-qf:7"], NZQA_HK),
    ("nz-nzqcf:8", "hk-qf", None, NZQA_HK),
    ("nz-nzqcf:7", "hk-qf", ["hk-qf:5"], NZQA_HK),
    ("au-aqf:7", "nz-nzqcf", ["nz-nzqcf:7"], NZQA_AU),
    ("au-aqf:10", "nz-nzqcf", ["nz-nzqcf:10"], NZQA_AU),
    # national frameworks referenced to the EQF level for level
    ("at-nqr:6", "eu-eqf", ["eu-eqf:6"], NQR),
    ("de-dqr:6", "eu-eqf", ["eu-eqf:6"], DQR),
    ("de/meister", "eu-eqf", ["eu-eqf:6"], DQR),
    ("ehea-qf:first-cycle", "eu-eqf", ["eu-eqf:6"], EHEA),
    ("ehea-qf:third-cycle", "eu-eqf", ["eu-eqf:8"], EHEA),
    # Japanese qualifications on the JEQF
    ("jp/gakushi", "jp-jeqf", ["jp-jeqf:6"], JEQF),
    ("jp/gakushi-6year", "jp-jeqf", ["jp-jeqf:7"], JEQF),
    ("jp/hakushi", "jp-jeqf", ["jp-jeqf:8"], JEQF),
    ("jp/tanki-daigakushi", "jp-jeqf", ["jp-jeqf:5"], JEQF),
    ("jp/senmonshi", "jp-jeqf", ["jp-jeqf:5"], JEQF),
    ("jp/kodo-senmonshi", "jp-jeqf", ["jp-jeqf:6"], JEQF),
]


def _unverified(result: Comparison) -> list[str]:
    """What the answer rests on that the data do not mark as verified."""
    if result.outcome == Outcome.INDIVIDUAL_ASSESSMENT:
        decisive = [f.evidence for f in result.no_match if f.target_framework == result.target_framework]
        evidence = decisive or [f.evidence for f in result.no_match]
    else:
        evidence = [s.evidence for r in result.routes if r.best for s in r.steps]
    return sorted({e.decision for e in evidence if not e.verified})


def test_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert all(source for *_, source in CASES)


@pytest.mark.parametrize(
    ("query", "target", "expected", "source"), CASES, ids=[f"{q}->{t}" for q, t, *_ in CASES]
)
def test_published_comparison(
    real: Registry, query: str, target: str, expected: list[str] | None, source: str
) -> None:
    known = query.split(":")[0] in real.frameworks or query in real.qualifications
    if not known or target not in real.frameworks:
        pytest.fail(f"{query} or {target} is not in the data")
    result = compare(query, target, registry=real)
    unverified = _unverified(result)
    if unverified:
        pytest.fail(f"the published answer would rest on unverified data: {', '.join(unverified)}")
    if expected is None:
        assert result.outcome == Outcome.INDIVIDUAL_ASSESSMENT, source
        assert result.target_levels == []
        assert result.no_match, "an individual assessment here must cite the noMatch decision"
    else:
        assert result.outcome != Outcome.INDIVIDUAL_ASSESSMENT, source
        assert result.target_levels == expected, source
