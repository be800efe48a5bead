"""CTDL: every framework as a QualificationsFramework with its levels, every referencing decision with
its match types and source, back in unchanged; checked against a bundled structural schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from qualbridge.interop import ctdl, detect
from qualbridge.interop.base import InteropError
from qualbridge.interop.vocab import level_uri
from qualbridge.registry import get_registry

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "ctdl-export.schema.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    return json.loads(json.dumps(ctdl.export_frameworks()))


def test_the_export_validates_against_the_bundled_schema(exported: dict[str, Any]) -> None:
    """Structure only: the CTDL classes and properties each node must carry, URIs where URIs go, SKOS
    match types (see the schema's $comment for why it is bundled rather than Credential Engine's)."""
    jsonschema.Draft202012Validator(SCHEMA).validate(exported)


def test_the_export_carries_every_framework_and_every_referencing_decision(exported: dict[str, Any]) -> None:
    reg = get_registry()
    kinds = [n["@type"] for n in exported["@graph"]]
    assert kinds.count("ceterms:QualificationsFramework") == len(reg.frameworks)
    assert kinds.count("asn:ProgressionLevel") == sum(len(f.levels) for f in reg.frameworks.values())
    decisions = {
        n["ceterms:codedNotation"]: n for n in exported["@graph"] if n["@type"] == "qb:ReferencingDecision"
    }
    assert set(decisions) == set(reg.alignments)
    for alignment_id, alignment in reg.alignments.items():
        node = decisions[alignment_id]
        assert [row["qb:match"] for row in node["qb:mapping"]] == [
            f"skos:{r.match.value}" for r in alignment.mappings
        ]
        assert set(node["ceterms:source"]) == {s.url for s in alignment.sources.values()}


def test_each_matched_row_puts_its_ctdl_alignment_on_the_source_level(exported: dict[str, Any]) -> None:
    reg = get_registry()
    levels = {n["@id"]: n for n in exported["@graph"] if n["@type"] == "asn:ProgressionLevel"}
    checked = 0
    for alignment in reg.alignments.values():
        source, target = reg.framework(alignment.source_framework), reg.framework(alignment.target_framework)
        for row in alignment.mappings:
            prop = ctdl.ALIGNMENT_PROPERTY.get(row.match)
            node = levels[level_uri(source, row.from_level)]
            if prop is None:
                continue
            assert {level_uri(target, n) for n in row.to} <= set(node[prop])
            checked += 1
    assert checked > 100


def test_frameworks_and_decisions_import_back_unchanged(exported: dict[str, Any]) -> None:
    reg = get_registry()
    assert detect(exported) is ctdl
    back = ctdl.import_document(exported)
    assert {f.id: f.levels for f in back.frameworks} == {
        f.id: tuple(lv.notation for lv in f.levels) for f in reg.frameworks.values()
    }
    assert {d.id: d.mappings for d in back.decisions} == {
        a.id: tuple((r.from_level, tuple(r.to), r.match.value) for r in a.mappings)
        for a in reg.alignments.values()
    }
    assert {d.id: (d.source_framework, d.target_framework, d.body, d.report) for d in back.decisions} == {
        a.id: (a.source_framework, a.target_framework, dict(a.body), a.report)
        for a in reg.alignments.values()
    }


def _first(document: dict[str, Any], kind: str) -> tuple[int, dict[str, Any]]:
    return next((i, n) for i, n in enumerate(document["@graph"]) if n["@type"] == kind)


def test_a_bad_match_type_is_refused_with_its_path() -> None:
    document = copy.deepcopy(ctdl.export_frameworks(["gb-scqf", "eu-eqf"]))
    i, node = _first(document, "qb:ReferencingDecision")
    node["qb:mapping"][2]["qb:match"] = "skos:sameAs"
    with pytest.raises(InteropError) as caught:
        ctdl.import_document(document)
    assert caught.value.path == f"$.@graph[{i}].qb:mapping[2].qb:match"


def test_a_progression_model_that_is_not_in_the_graph_is_refused() -> None:
    document = copy.deepcopy(ctdl.export_frameworks(["jp-jeqf"]))
    i, node = _first(document, "ceterms:QualificationsFramework")
    node["asn:hasProgressionModel"] = "urn:qualbridge:progression-model:nowhere"
    with pytest.raises(InteropError) as caught:
        ctdl.import_document(document)
    assert caught.value.path == f"$.@graph[{i}].asn:hasProgressionModel"
