"""Every caveat and confidence factor of a comparison is a code with its parameters, worded in English and
Japanese by the message catalogue; the evidence hints are chosen by those codes."""

from __future__ import annotations

import re

from qualbridge import messages
from qualbridge.compare import compare
from qualbridge.compare.hints import evidence_hints
from qualbridge.registry.loader import Registry

TARGETS = ("eu-eqf", "jp-jeqf", "gb-rqf", "au-aqf")
UNFILLED = re.compile(r"\{[a-z_]+\}")


def _sample(real: Registry) -> list[tuple[str, str]]:
    types = [t for t in real.types_by_jurisdiction.get("JP", [])] + ["gb/bachelor-honours", "nz-nzqcf:8"]
    return [
        (q, t)
        for q in types
        for t in TARGETS
        if t in real.frameworks and (q in real.qualifications or q in real.levels)
    ]


def test_every_caveat_and_factor_is_coded_and_worded_in_both_languages(real: Registry) -> None:
    known = set(messages.catalogue("en"))
    seen: set[str] = set()
    for query, target in _sample(real):
        result = compare(query, target, registry=real)
        for item in [*result.caveats, *result.confidence_basis]:
            assert item.code in known, item.code
            seen.add(item.code)
            en, ja = item.text("en"), item.text("ja")
            assert en and ja and en != ja, item.code
            assert not UNFILLED.search(en) and not UNFILLED.search(ja), item.code
    assert len(seen) >= 5  # the sample reaches several kinds of caveat and factor


def test_json_carries_codes_and_parameters_not_words(real: Registry) -> None:
    body = compare("nz-nzqcf:8", "eu-eqf", registry=real).as_json()
    assert body["caveats"], "NZQCF 8 has no EQF level: a caveat says why"
    for caveat in body["caveats"]:
        assert set(caveat) == {"code", "params"}
        assert caveat["code"].startswith("compare.caveat.")
    stopped = body["caveats"][0]
    assert stopped["code"] == "compare.caveat.no-counterpart"
    assert stopped["params"]["level"] == "nz-nzqcf:8" and stopped["params"]["framework"] == "eu-eqf"


def test_type_difference_is_coded_with_its_figures(reg: Registry) -> None:
    short = compare("bb/bachelor-short", "aa-nqf", registry=reg)
    workload = [f for f in short.confidence_basis if f.code == "compare.type.workload-shorter"]
    assert len(workload) == 1 and workload[0].factor == "type" and workload[0].weight == 0.9
    assert workload[0].params["type"] == "bb/bachelor-short"
    assert "compare.type.workload-shorter" in {c.code for c in short.caveats}


def test_hints_follow_the_codes(reg: Registry) -> None:
    short = [
        h.code for h in evidence_hints(compare("bb/bachelor-short", "aa-nqf", registry=reg), "employment")
    ]
    typical = [h.code for h in evidence_hints(compare("bb/bachelor", "aa-nqf", registry=reg))]
    assert "compare.hint.workload" in short and "compare.hint.workload" not in typical
    assert short[-2:] == ["compare.hint.purpose-employment", "compare.hint.full-assessment"]
    access = [h.code for h in evidence_hints(compare("aa/ordinary", "rr-rqf", registry=reg))]
    assert "compare.hint.access" in access


def test_no_route_gives_the_individual_assessment_hint(real: Registry) -> None:
    hints = evidence_hints(compare("nz-nzqcf:8", "eu-eqf", registry=real))
    assert hints[0].code == "compare.hint.no-counterpart" and hints[0].params == {"target": "eu-eqf"}
    assert "個別に審査" in hints[0].text("ja")


def test_cli_words_caveats_in_the_chosen_language(real: Registry) -> None:
    from tests.helpers import run_cli

    caveat = compare("nz-nzqcf:8", "eu-eqf", registry=real).caveats[0]
    ja = run_cli("compare", "nz-nzqcf:8", "--to", "eu-eqf", "--lang", "ja")
    assert ja.returncode == 0 and caveat.text("ja") in ja.stdout
    bad = run_cli("compare", "nz-nzqcf:8", "--to", "eu-eqf", "--lang", "fr")
    assert bad.returncode == 2 and "valid: en, ja" in bad.stderr + bad.stdout


def test_coded_explanation_says_what_the_engine_says(real: Registry) -> None:
    """Transitional, until the engine itself emits codes: the coded caveats and factors, worded in English,
    are exactly the engine's own explanation (so a caveat the engine gains must gain a code too)."""
    from qualbridge.compare import get_engine
    from qualbridge.compare.explanation import explain

    engine = get_engine(real)
    levels = [
        f"{fw}:{lv.notation}"
        for fw in ("nz-nzqcf", "gb-scqf", "jp-jeqf")
        for lv in real.frameworks[fw].levels
    ]
    for source in [*real.types_by_jurisdiction.get("JP", []), *levels]:
        for target in TARGETS:
            answer = engine.answer(source, target)
            words = engine.explain(answer)
            caveats, basis = explain(engine.graph, answer)
            assert [c.text() for c in caveats] == list(words.caveats), (source, target)
            assert [(f.factor, f.text(), f.weight) for f in basis] == [
                (f.factor, f.detail, f.weight) for f in words.basis
            ], (source, target)
