"""European Learning Model 3 (ELM, the model of Europass digital credentials): qualification types out,
an ELM qualification or learning achievement in.

Out: each qualification type as an ELM ``Qualification`` with its EQF level as the EU's level URI
(``http://data.europa.eu/snb/eqf/6``), its national-framework levels (``nqfLevel``), ISCED-F fields
(``thematicArea``, when the caller names the field of a degree: types are field-neutral) and ECTS
credits. The EQF level is the type's own placement on the EQF, else the one its framework's
referencing decision gives (only when that decision names a single EQF level).

In: a ``Qualification``, a ``LearningAchievement`` (its ``specifiedBy``), a Europass credential (the
achievements in ``credentialSubject.hasClaim``) or a ``@graph`` of qualifications, read into
:class:`ElmQualification` records; a field that is not what ELM defines is refused with its path.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import Any

from qualbridge.interop.base import (
    InteropError,
    as_list,
    json_path,
    lang_map,
    need,
    need_object,
    need_text,
    types_of,
)
from qualbridge.interop.vocab import (
    ECTS_CONCEPT,
    ECTS_SCHEME,
    EQF_SCHEME,
    ISCED_F,
    ISCED_F_SCHEME,
    framework_uri,
    isced_fields,
    level_of_uri,
    level_uri,
    type_of_uri,
    type_uri,
)
from qualbridge.registry import Registry, get_registry
from qualbridge.registry.models import MatchType, QualificationType

FORMAT = "elm"
#: the context the ELM 3 samples name (european-commission-empl/European-Learning-Model)
CONTEXT = ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"]
ISCED_F_CODE = re.compile(r"^[0-9]{2,4}$")
EQF_URI = re.compile(r"^http://data\.europa\.eu/snb/eqf/([1-8])$")
ELM_KINDS = {"Qualification", "LearningAchievement", "EuropeanDigitalCredential"}


@dataclasses.dataclass(frozen=True)
class ElmQualification:
    """One qualification read from an ELM document, in qualbridge's identifiers where it has them."""

    uri: str
    title: dict[str, str]
    eqf_level: str | None  # "eu-eqf:6"
    nqf_levels: tuple[str, ...]  # level ids ("jp-jeqf:6"), or the URI when qualbridge does not know it
    isced_f: tuple[str, ...]
    ects: float | None
    qualification_type: str | None  # "jp/gakushi" when the URI is qualbridge's own
    achieved: bool  # read from a learning achievement (a person's), not a qualification's description

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ElmImport:
    qualifications: tuple[ElmQualification, ...]

    def as_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "qualifications": [q.as_json() for q in self.qualifications]}


# -- export -----------------------------------------------------------------------------------------
def eqf_level(registry: Registry, qtype: QualificationType) -> str | None:
    """The EQF level id of a type: its own EQF placement, else through one referencing decision."""
    direct = [p.level for p in qtype.placements if p.level.startswith("eu-eqf:")]
    if direct:
        return direct[0]
    found: set[str] = set()
    for placement in qtype.placements:
        fw_id, _, notation = placement.level.partition(":")
        alignment = registry.alignments.get(f"{fw_id}__eu-eqf")
        if alignment is None:
            continue
        for row in alignment.mappings:
            if row.from_level == notation and row.match != MatchType.NO_MATCH and len(row.to) == 1:
                found.add(f"eu-eqf:{row.to[0]}")
    return found.pop() if len(found) == 1 else None


def _concept(uri: str, scheme: str, label: Mapping[str, str]) -> dict[str, Any]:
    node: dict[str, Any] = {"id": uri, "type": "Concept", "inScheme": {"id": scheme, "type": "ConceptScheme"}}
    if label:
        node["prefLabel"] = dict(label)
    return node


def qualification(registry: Registry, qtype: QualificationType, fields: Iterable[str] = ()) -> dict[str, Any]:
    """One qualification type as an ELM ``Qualification`` node."""
    node: dict[str, Any] = {"id": type_uri(qtype.id), "type": "Qualification", "title": dict(qtype.names)}
    eqf = eqf_level(registry, qtype)
    if eqf:
        notation = eqf.split(":", 1)[1]
        node["eqfLevel"] = _concept(
            level_uri(registry.framework("eu-eqf"), notation), EQF_SCHEME, {"en": f"Level {notation}"}
        )
    nqf = []
    for placement in qtype.placements:
        framework = registry.framework_of_level(placement.level)
        if framework.id == "eu-eqf" or framework.kind.value == "classification":
            continue
        notation = placement.level.split(":", 1)[1]
        label = registry.level(placement.level).labels or {"en": f"{framework.abbreviation} {notation}"}
        nqf.append(_concept(level_uri(framework, notation), framework_uri(framework), label))
    if nqf:
        node["nqfLevel"] = nqf
    codes = list(fields)
    known = isced_fields()
    for code in codes:
        if not ISCED_F_CODE.match(code):
            raise InteropError("field", "interop.unknown-isced-f", value=code)
    if codes:  # the name where data/fields holds it (the list there is not the whole classification)
        node["thematicArea"] = [
            _concept(ISCED_F + c, ISCED_F_SCHEME, {"en": known[c]} if c in known else {}) for c in codes
        ]
    if qtype.credits and qtype.credits.system == "ects":
        node["creditPoint"] = [
            {
                "type": "CreditPoint",
                "framework": _concept(ECTS_CONCEPT, ECTS_SCHEME, {"en": "European Credit Transfer System"}),
                "point": f"{qtype.credits.amount:g}",
            }
        ]
    return node


def export_qualifications(
    type_ids: Iterable[str] | None = None,
    *,
    jurisdiction: str | None = None,
    fields: Iterable[str] = (),
    registry: Registry | None = None,
) -> dict[str, Any]:
    """An ELM document (JSON-LD ``@graph``) of the named types, a jurisdiction's types, or every type."""
    reg = registry or get_registry()
    if type_ids is not None:
        types = [reg.qualification(t) for t in type_ids]
    elif jurisdiction is not None:
        types = [reg.qualifications[t] for t in reg.types_by_jurisdiction.get(jurisdiction.upper(), [])]
        if not types:
            raise InteropError("jurisdiction", "interop.unknown-jurisdiction", value=jurisdiction)
    else:
        types = list(reg.qualifications.values())
    codes = list(fields)
    return {"@context": CONTEXT, "@graph": [qualification(reg, t, codes) for t in types]}


def export_default(registry: Registry | None = None) -> dict[str, Any]:
    return export_qualifications(registry=registry)


# -- import -----------------------------------------------------------------------------------------
def detects(document: Any) -> bool:
    """An ELM node, credential or graph of qualifications (the ELM context, or ELM's own types)."""
    if not isinstance(document, Mapping):
        return False
    contexts = [str(c) for c in as_list(document.get("@context"))]
    if any("data.europa.eu/snb/model/context" in c for c in contexts):
        return True
    graph = document.get("@graph")
    nodes = graph if isinstance(graph, list) else [document]
    return bool(nodes) and all(isinstance(n, Mapping) and types_of(n) & ELM_KINDS for n in nodes)


def import_document(document: Any, registry: Registry | None = None) -> ElmImport:
    reg = registry or get_registry()
    doc = need_object(document, "$")
    found: list[ElmQualification] = []
    if "@graph" in doc:
        for i, node in enumerate(as_list(doc["@graph"])):
            found.extend(_read_node(reg, node, json_path("$.@graph", i)))
    else:
        found.extend(_read_node(reg, doc, "$"))
    if not found:
        raise InteropError("$", "interop.elm.nothing")
    return ElmImport(tuple(found))


def _read_node(reg: Registry, node: Any, path: str) -> list[ElmQualification]:
    node = need_object(node, path)
    kinds = types_of(node)
    if "EuropeanDigitalCredential" in kinds or "VerifiableCredential" in kinds:
        subject = need_object(need(node, "credentialSubject", path), json_path(path, "credentialSubject"))
        claims_path = json_path(json_path(path, "credentialSubject"), "hasClaim")
        claims = as_list(need(subject, "hasClaim", json_path(path, "credentialSubject")))
        return [q for i, c in enumerate(claims) for q in _read_node(reg, c, json_path(claims_path, i))]
    if "LearningAchievement" in kinds:
        spec_path = json_path(path, "specifiedBy")
        spec = need_object(need(node, "specifiedBy", path), spec_path)
        return [_read_qualification(reg, spec, spec_path, achieved=True)]
    if "Qualification" in kinds:
        return [_read_qualification(reg, node, path, achieved=False)]
    raise InteropError(
        json_path(path, "type"), "interop.elm.unknown-type", found=", ".join(sorted(kinds)) or "none"
    )


def _read_qualification(
    reg: Registry, node: Mapping[str, Any], path: str, *, achieved: bool
) -> ElmQualification:
    if "Qualification" not in types_of(node):
        raise InteropError(
            json_path(path, "type"),
            "interop.elm.unknown-type",
            found=", ".join(sorted(types_of(node))) or "none",
        )
    uri = need_text(node, "id", path)
    title = lang_map(need(node, "title", path), json_path(path, "title"))
    eqf = None
    if "eqfLevel" in node:
        level_path = json_path(path, "eqfLevel")
        level_id = need_text(need_object(node["eqfLevel"], level_path), "id", level_path)
        if not EQF_URI.match(level_id):
            raise InteropError(json_path(level_path, "id"), "interop.elm.bad-eqf-level", value=level_id)
        eqf = level_of_uri(reg, level_id)
    nqf: list[str] = []
    for i, item in enumerate(as_list(node.get("nqfLevel"))):
        item_path = (
            json_path(json_path(path, "nqfLevel"), i)
            if isinstance(node["nqfLevel"], list)
            else json_path(path, "nqfLevel")
        )
        item_uri = need_text(need_object(item, item_path), "id", item_path)
        nqf.append(level_of_uri(reg, item_uri) or item_uri)
    codes: list[str] = []
    for i, item in enumerate(as_list(node.get("thematicArea"))):
        item_path = json_path(json_path(path, "thematicArea"), i)
        item_uri = need_text(need_object(item, item_path), "id", item_path)
        code = item_uri.removeprefix(ISCED_F)
        if not item_uri.startswith(ISCED_F) or not ISCED_F_CODE.match(code):
            raise InteropError(json_path(item_path, "id"), "interop.unknown-isced-f", value=item_uri)
        codes.append(code)
    return ElmQualification(
        uri=uri,
        title=title,
        eqf_level=eqf,
        nqf_levels=tuple(nqf),
        isced_f=tuple(codes),
        ects=_ects(node, path),
        qualification_type=type_of_uri(uri),
        achieved=achieved,
    )


def _ects(node: Mapping[str, Any], path: str) -> float | None:
    for i, item in enumerate(as_list(node.get("creditPoint"))):
        item_path = json_path(json_path(path, "creditPoint"), i)
        credit = need_object(item, item_path)
        framework = need_object(need(credit, "framework", item_path), json_path(item_path, "framework"))
        if framework.get("id") != ECTS_CONCEPT:
            continue
        point = need(credit, "point", item_path)
        try:
            return float(str(point))
        except ValueError:
            raise InteropError(
                json_path(item_path, "point"), "interop.expected-number", found=str(point)
            ) from None
    return None
