"""Credential Transparency Description Language (CTDL, Credential Engine): frameworks and referencing
decisions out and back in.

Each framework is a ``ceterms:QualificationsFramework`` whose levels are an ``asn:ProgressionModel`` of
``asn:ProgressionLevel`` nodes. Each referencing decision puts CTDL's alignment properties on the
source framework's levels (``ceasn:exactAlignment``, ``ceasn:broadAlignment``, ``ceasn:narrowAlignment``,
``ceasn:majorAlignment`` for a SKOS close match) and is carried whole, with its body, date and report,
as a ``qb:ReferencingDecision`` node: CTDL has no class for a referencing decision (Credential Engine's
AlignmentMap is a proposal), so the decision's own rows (SKOS match types, ``noMatch`` included) are in
qualbridge's namespace and nothing of the decision is lost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from qualbridge.interop.base import InteropError, as_list, json_path, lang_map, need, need_object, need_text
from qualbridge.interop.vocab import QB, framework_uri, level_uri
from qualbridge.registry import Registry, get_registry
from qualbridge.registry.models import Alignment, Framework, MatchType

FORMAT = "ctdl"
CONTEXT = {
    "ceterms": "https://purl.org/ctdl/terms/",
    "ceasn": "https://purl.org/ctdlasn/terms/",
    "asn": "http://purl.org/ASN/schema/core/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "qb": f"{QB}vocab:",
}
#: SKOS match type of a referencing row -> CTDL alignment property on the source level
ALIGNMENT_PROPERTY = {
    MatchType.EXACT: "ceasn:exactAlignment",
    MatchType.CLOSE: "ceasn:majorAlignment",
    MatchType.BROAD: "ceasn:broadAlignment",
    MatchType.NARROW: "ceasn:narrowAlignment",
}


@dataclasses.dataclass(frozen=True)
class CtdlFramework:
    id: str
    names: dict[str, str]
    levels: tuple[str, ...]  # notations, in order


@dataclasses.dataclass(frozen=True)
class CtdlDecision:
    id: str
    source_framework: str
    target_framework: str
    body: dict[str, str]
    report: str | None
    mappings: tuple[tuple[str, tuple[str, ...], str], ...]  # (from notation, to notations, SKOS match)


@dataclasses.dataclass(frozen=True)
class CtdlImport:
    frameworks: tuple[CtdlFramework, ...]
    decisions: tuple[CtdlDecision, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "frameworks": [dataclasses.asdict(f) for f in self.frameworks],
            "decisions": [dataclasses.asdict(d) for d in self.decisions],
        }


def _progression_model(framework: Framework) -> str:
    return f"{QB}progression-model:{framework.id}"


def framework_nodes(registry: Registry, framework: Framework) -> list[dict[str, Any]]:
    """The framework, its progression model and its levels, with the alignments of every referencing
    decision that starts at this framework."""
    model = _progression_model(framework)
    levels = [level_uri(framework, lv.notation) for lv in framework.levels]
    nodes: list[dict[str, Any]] = [
        {
            "@id": framework_uri(framework),
            "@type": "ceterms:QualificationsFramework",
            "ceterms:name": dict(framework.names),
            "ceterms:codedNotation": framework.id,
            "ceterms:alternateName": {"en": framework.abbreviation},
            "asn:hasProgressionModel": model,
            "ceterms:source": sorted({s.url for s in framework.sources.values()}),
            **({"ceterms:subjectWebpage": framework.uri} if framework.uri else {}),
        },
        {
            "@id": model,
            "@type": "asn:ProgressionModel",
            "ceterms:name": dict(framework.names),
            "skos:hasTopConcept": levels,
        },
    ]
    aligned: dict[str, dict[str, list[str]]] = {}
    for alignment_id in registry.alignments_by_framework.get(framework.id, []):
        alignment = registry.alignments[alignment_id]
        if alignment.source_framework != framework.id:
            continue
        target = registry.framework(alignment.target_framework)
        for row in alignment.mappings:
            prop = ALIGNMENT_PROPERTY.get(row.match)
            if prop:
                props = aligned.setdefault(row.from_level, {})
                props.setdefault(prop, []).extend(level_uri(target, n) for n in row.to)
    for level, uri in zip(framework.levels, levels, strict=True):
        nodes.append(
            {
                "@id": uri,
                "@type": "asn:ProgressionLevel",
                "skos:notation": level.notation,
                "skos:prefLabel": dict(level.labels) or {"en": f"{framework.abbreviation} {level.notation}"},
                "skos:inScheme": model,
                **aligned.get(level.notation, {}),
            }
        )
    return nodes


def decision_node(registry: Registry, alignment: Alignment) -> dict[str, Any]:
    source = registry.framework(alignment.source_framework)
    target = registry.framework(alignment.target_framework)
    return {
        "@id": f"{QB}alignment:{alignment.id}",
        "@type": "qb:ReferencingDecision",
        "ceterms:codedNotation": alignment.id,
        "qb:kind": alignment.kind,
        "qb:sourceFramework": framework_uri(source),
        "qb:targetFramework": framework_uri(target),
        "ceterms:ownedBy": dict(alignment.body),
        "qb:decided": alignment.decided.isoformat() if alignment.decided else alignment.decided_text,
        "ceterms:source": sorted({s.url for s in alignment.sources.values()}),
        **({"qb:report": alignment.report} if alignment.report else {}),
        "qb:mapping": [
            {
                "qb:fromLevel": level_uri(source, row.from_level),
                "qb:match": f"skos:{row.match.value}",
                "qb:toLevel": [level_uri(target, n) for n in row.to],
            }
            for row in alignment.mappings
        ],
    }


def export_frameworks(
    framework_ids: Iterable[str] | None = None, *, registry: Registry | None = None
) -> dict[str, Any]:
    """Every framework (or the named ones) and every referencing decision between two exported
    frameworks, as one JSON-LD document."""
    reg = registry or get_registry()
    frameworks = (
        [reg.framework(f) for f in framework_ids]
        if framework_ids is not None
        else list(reg.frameworks.values())
    )
    ids = {f.id for f in frameworks}
    graph = [node for fw in frameworks for node in framework_nodes(reg, fw)]
    graph += [
        decision_node(reg, a)
        for a in reg.alignments.values()
        if a.source_framework in ids and a.target_framework in ids
    ]
    return {"@context": CONTEXT, "@graph": graph}


def export_default(registry: Registry | None = None) -> dict[str, Any]:
    return export_frameworks(registry=registry)


# -- import -----------------------------------------------------------------------------------------
def detects(document: Any) -> bool:
    if not isinstance(document, Mapping):
        return False
    context = document.get("@context")
    if isinstance(context, Mapping):
        return str(context.get("ceterms", "")).startswith("https://purl.org/ctdl/terms")
    return any("credreg.net/ctdl" in str(c) for c in as_list(context))


def _notation(uri: str, framework_id: str, path: str) -> str:
    prefix = f"{QB}level:{framework_id}:"
    if uri.startswith(prefix):
        return uri.removeprefix(prefix)
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    if not tail or tail == uri:
        raise InteropError(path, "interop.ctdl.bad-level", value=uri)
    return tail


def import_document(document: Any, registry: Registry | None = None) -> CtdlImport:
    doc = need_object(document, "$")
    graph = as_list(need(doc, "@graph", "$"))
    by_id: dict[str, tuple[Mapping[str, Any], str]] = {}
    for i, node in enumerate(graph):
        path = json_path("$.@graph", i)
        node = need_object(node, path)
        by_id[need_text(node, "@id", path)] = (node, path)
    frameworks: list[CtdlFramework] = []
    decisions: list[CtdlDecision] = []
    level_notation: dict[str, str] = {}
    for uri, (node, path) in by_id.items():
        if node.get("@type") != "ceterms:QualificationsFramework":
            continue
        fw_id = need_text(node, "ceterms:codedNotation", path)
        model_uri = need_text(node, "asn:hasProgressionModel", path)
        if model_uri not in by_id:
            raise InteropError(
                json_path(path, "asn:hasProgressionModel"), "interop.ctdl.dangling", value=model_uri
            )
        model, model_path = by_id[model_uri]
        notations = []
        for j, level in enumerate(as_list(need(model, "skos:hasTopConcept", model_path))):
            level_path = json_path(json_path(model_path, "skos:hasTopConcept"), j)
            if level not in by_id:
                raise InteropError(level_path, "interop.ctdl.dangling", value=str(level))
            notation = need_text(by_id[level][0], "skos:notation", by_id[level][1])
            level_notation[level] = notation
            notations.append(notation)
        names = lang_map(need(node, "ceterms:name", path), json_path(path, "ceterms:name"))
        frameworks.append(CtdlFramework(fw_id, names, tuple(notations)))
        level_notation[uri] = fw_id
    for _uri, (node, path) in by_id.items():
        if node.get("@type") == "qb:ReferencingDecision":
            decisions.append(_decision(node, path, level_notation))
    if not frameworks and not decisions:
        raise InteropError("$.@graph", "interop.ctdl.nothing")
    return CtdlImport(tuple(frameworks), tuple(decisions))


def _decision(node: Mapping[str, Any], path: str, known: Mapping[str, str]) -> CtdlDecision:
    def framework(key: str) -> str:
        uri = need_text(node, key, path)
        return known.get(uri) or uri.removeprefix(f"{QB}framework:")

    source, target = framework("qb:sourceFramework"), framework("qb:targetFramework")
    rows = []
    for i, row in enumerate(as_list(need(node, "qb:mapping", path))):
        row_path = json_path(json_path(path, "qb:mapping"), i)
        row = need_object(row, row_path)
        match = need_text(row, "qb:match", row_path).removeprefix("skos:")
        if match not in {m.value for m in MatchType}:
            raise InteropError(
                json_path(row_path, "qb:match"),
                "interop.ctdl.bad-match",
                value=match,
                valid=", ".join(f"skos:{m.value}" for m in MatchType),
            )
        from_uri = need_text(row, "qb:fromLevel", row_path)
        to = tuple(
            known.get(u) or _notation(u, target, json_path(row_path, "qb:toLevel"))
            for u in as_list(row.get("qb:toLevel"))
        )
        rows.append(
            (
                known.get(from_uri) or _notation(from_uri, source, json_path(row_path, "qb:fromLevel")),
                to,
                match,
            )
        )
    report = node.get("qb:report")
    return CtdlDecision(
        id=need_text(node, "ceterms:codedNotation", path),
        source_framework=source,
        target_framework=target,
        body=lang_map(need(node, "ceterms:ownedBy", path), json_path(path, "ceterms:ownedBy")),
        report=str(report) if report else None,
        mappings=tuple(rows),
    )
