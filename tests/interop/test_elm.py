"""European Learning Model 3: qualification types out with EQF/NQF level URIs and ISCED-F fields, the
published ELM sample in, round trips, and refused documents named by the path of the bad field."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from qualbridge.interop import detect, elm
from qualbridge.interop.base import InteropError
from qualbridge.registry import get_registry
from qualbridge.registry.models import MatchType

SAMPLE = Path(__file__).parent / "fixtures" / "elm-mc-annex1-achievement.json"


def _sample() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def _referenced_type() -> tuple[str, str]:
    """A type placed on an NQF level that a referencing decision maps to exactly one EQF level."""
    reg = get_registry()
    for qtype in reg.qualifications.values():
        if any(p.level.startswith("eu-eqf:") for p in qtype.placements):
            continue
        for placement in qtype.placements:
            fw, _, notation = placement.level.partition(":")
            alignment = reg.alignments.get(f"{fw}__eu-eqf")
            rows = [r for r in (alignment.mappings if alignment else []) if r.from_level == notation]
            if (
                len(qtype.placements) == 1
                and rows
                and rows[0].match != MatchType.NO_MATCH
                and len(rows[0].to) == 1
            ):
                return qtype.id, f"eu-eqf:{rows[0].to[0]}"
    raise AssertionError("no type is referenced to the EQF through its framework")


def test_a_type_exports_its_eqf_level_uri_from_the_referencing_decision_and_imports_back() -> None:
    type_id, eqf = _referenced_type()
    document = elm.export_qualifications([type_id], fields=["0688"])
    node = document["@graph"][0]
    assert node["type"] == "Qualification"
    assert node["eqfLevel"]["id"] == f"http://data.europa.eu/snb/eqf/{eqf.split(':')[1]}"
    assert node["thematicArea"][0]["id"] == "http://data.europa.eu/snb/isced-f/0688"
    back = elm.import_document(json.loads(json.dumps(document)))
    (q,) = back.qualifications
    qtype = get_registry().qualification(type_id)
    assert (q.qualification_type, q.title, q.eqf_level, q.isced_f) == (
        type_id,
        dict(qtype.names),
        eqf,
        ("0688",),
    )
    national = [p.level for p in qtype.placements if not p.level.startswith(("eu-eqf:", "isced-2011:"))]
    assert list(q.nqf_levels) == national


def test_every_type_round_trips_title_and_levels() -> None:
    reg = get_registry()
    document = elm.export_qualifications()
    assert len(document["@graph"]) == len(reg.qualifications)
    back = {q.qualification_type: q for q in elm.import_document(document).qualifications}
    for type_id, qtype in reg.qualifications.items():
        assert back[type_id].title == dict(qtype.names)
        assert back[type_id].eqf_level == elm.eqf_level(reg, qtype)
        if qtype.credits and qtype.credits.system == "ects":
            assert back[type_id].ects == qtype.credits.amount


def test_the_published_micro_credential_sample_imports() -> None:
    """Values as the EU's sample writes them (its eqfLevel, thematicArea and creditPoint)."""
    document = _sample()
    assert detect(document) is elm
    (q,) = elm.import_document(document).qualifications
    assert q.achieved and q.title == {"en": "Digital micro-credential creation"}
    assert q.eqf_level == "eu-eqf:6"
    assert q.isced_f == ("003", "0688")
    assert q.ects == 2
    assert q.nqf_levels == ("http://data.europa.eu/snb/qdr/c_c392e7a2",)  # a level qualbridge has no URI for


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: d["credentialSubject"]["hasClaim"][0]["specifiedBy"]["eqfLevel"].update(
                id="http://data.europa.eu/snb/eqf/9"
            ),
            "$.credentialSubject.hasClaim[0].specifiedBy.eqfLevel.id",
        ),
        (
            lambda d: d["credentialSubject"]["hasClaim"][0]["specifiedBy"].pop("title"),
            "$.credentialSubject.hasClaim[0].specifiedBy.title",
        ),
        (
            lambda d: d["credentialSubject"]["hasClaim"][0].update(type="Diploma"),
            "$.credentialSubject.hasClaim[0].type",
        ),
        (
            lambda d: d["credentialSubject"]["hasClaim"][0]["specifiedBy"]["thematicArea"][1].update(
                id="http://example.org/x"
            ),
            "$.credentialSubject.hasClaim[0].specifiedBy.thematicArea[1].id",
        ),
        (lambda d: d["credentialSubject"].pop("hasClaim"), "$.credentialSubject.hasClaim"),
    ],
)
def test_a_bad_field_is_refused_with_its_path(change: Any, path: str) -> None:
    document = copy.deepcopy(_sample())
    change(document)
    with pytest.raises(InteropError) as caught:
        elm.import_document(document)
    assert caught.value.path == path
    assert str(caught.value).startswith(path)


def test_an_unknown_field_code_or_jurisdiction_is_refused_on_export() -> None:
    with pytest.raises(InteropError):
        elm.export_qualifications(["jp/gakushi"], fields=["engineering"])
    with pytest.raises(InteropError):
        elm.export_qualifications(jurisdiction="XX")
