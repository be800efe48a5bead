"""The ELM export checked with pySHACL against the EU's published SHACL shapes of the Learning
Opportunity and Qualification profile (LOQ 1.1.0, bundled with the ELM 3 JSON-LD context).

What this checks: the JSON-LD, read through ELM's own context, is RDF whose ``elm:Qualification`` nodes
satisfy the LOQ Qualification shape (closed: only properties the profile defines; a title per language;
at least one ISCED-F thematic area) and the shapes of the nodes they point to (skos:Concept, CreditPoint).
What it does not check: the controlled vocabularies' contents (the EU's concept lists are not bundled)
or the shapes of a whole signed credential (EDC profile)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Namespace

from qualbridge import statements
from qualbridge.interop import elm

FIXTURES = Path(__file__).parent / "fixtures"
VC_CONTEXT = Path(statements.__file__).parent / "contexts" / "credentials-v1.jsonld"
ELM = Namespace("http://data.europa.eu/snb/model/elm/")
SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(FIXTURES / "LOQ-constraints.ttl", format="turtle")


def _context(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def _rdf(document: dict[str, Any]) -> Graph:
    """The document as RDF, its two contexts (as the ELM samples name them) read from files, not the web."""
    assert document["@context"] == elm.CONTEXT
    contexts = [_context(VC_CONTEXT), _context(FIXTURES / "edc-ap-context.jsonld")]
    offline = {**document, "@context": contexts}
    return Graph().parse(data=json.dumps(offline), format="json-ld")


def _violations(data: Graph, shapes: Graph) -> set[tuple[str, str]]:
    """(focus node, property path) of every violation."""
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none")
    found = {
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert conforms == (not found)
    return found


#: what LOQ requires of a published qualification that a qualification *type* does not have in the data:
#: its learning outcomes (a type's are the programme's), and the EQF level where no single one is known
NOT_IN_THE_DATA = {str(ELM.learningOutcome), str(ELM.EQFLevel)}


def test_the_export_meets_every_loq_constraint_but_those_the_data_cannot_fill(shapes: Graph) -> None:
    document = elm.export_qualifications(jurisdiction="IE", fields=["0688"])
    data = _rdf(document)
    nodes = {n["id"]: n for n in document["@graph"]}
    assert {str(s) for s in data.subjects(RDF.type, ELM.Qualification)} == set(nodes)
    found = _violations(data, shapes)
    assert {path for _, path in found} <= NOT_IN_THE_DATA
    assert {n for n, path in found if path == str(ELM.learningOutcome)} == set(nodes)
    assert {n for n, path in found if path == str(ELM.EQFLevel)} == {
        i for i, n in nodes.items() if "eqfLevel" not in n
    }


def test_a_type_without_a_field_lacks_the_thematic_area_loq_requires(shapes: Graph) -> None:
    """Types are field-neutral; LOQ requires an ISCED-F area, so the export takes --field."""
    found = _violations(_rdf(elm.export_qualifications(["jp/gakushi"])), shapes)
    assert str(ELM.ISCEDFCode) in {path for _, path in found}


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda n: n.pop("title"), "http://purl.org/dc/terms/title"),
        (lambda n: n.update(title=["not a language map"]), "http://purl.org/dc/terms/title"),
        (lambda n: n["creditPoint"][0].pop("point"), str(ELM.point)),
    ],
)
def test_a_broken_qualification_is_a_violation(shapes: Graph, change: Any, path: str) -> None:
    document = elm.export_qualifications(jurisdiction="IE", fields=["0688"])
    node = next(n for n in document["@graph"] if "creditPoint" in n)
    change(node)
    assert path in {p for _, p in _violations(_rdf(document), shapes)}
